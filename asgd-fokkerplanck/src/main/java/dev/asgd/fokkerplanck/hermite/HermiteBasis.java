package dev.asgd.fokkerplanck.hermite;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensor Hermite basis of the phase space (x_1, v_1, ..., x_d, v_d), d = 1 or 2, truncated by
 * total degree N: products of pair functions (PairIndex) p_1, ..., p_d with
 * deg p_1 + ... + deg p_d &lt;= N. For d = 2 the global index is offset[p_2] + p_1, so every fiber
 * along coordinate 1 is contiguous. A fiber along coordinate c lists the global indices of the
 * functions that differ only in p_c, in pair order; its length is count(N - sum of the other
 * degrees), a prefix of the pair numbering. A block collects the functions with fixed per-pair
 * degrees (k_1, ..., k_d): the unperturbed generator maps each block to itself.
 */
public final class HermiteBasis {
    private final int dimension;
    private final int degree;
    private final int size;
    private final int[][][] fibers;
    private final int[][] pairs;
    private final int[][] blocks;
    private final int[][] blockDegrees;
    private final int[] totalDegree;

    /**
     * @param dimension d, 1 or 2
     * @param degree N
     */
    public HermiteBasis(int dimension, int degree) {
        if (dimension < 1 || dimension > 2) {
            throw new IllegalArgumentException("dimension = " + dimension + ": allowed 1 or 2");
        }
        this.dimension = dimension;
        this.degree = degree;
        int k1 = PairIndex.count(degree);
        if (dimension == 1) {
            size = k1;
            pairs = new int[1][size];
            totalDegree = new int[size];
            int[] all = new int[size];
            for (int p = 0; p < size; p++) {
                all[p] = p;
                pairs[0][p] = p;
                totalDegree[p] = PairIndex.degree(p);
            }
            fibers = new int[][][] {{all}};
            blocks = new int[degree + 1][];
            blockDegrees = new int[degree + 1][];
            for (int k = 0; k <= degree; k++) {
                int from = PairIndex.count(k - 1);
                blocks[k] = new int[k + 1];
                for (int i = 0; i <= k; i++) {
                    blocks[k][i] = from + i;
                }
                blockDegrees[k] = new int[] {k};
            }
            return;
        }
        int[] offset = new int[k1];
        int total = 0;
        for (int p2 = 0; p2 < k1; p2++) {
            offset[p2] = total;
            total += PairIndex.count(degree - PairIndex.degree(p2));
        }
        size = total;
        pairs = new int[2][size];
        totalDegree = new int[size];
        int[][] f1 = new int[k1][];
        for (int p2 = 0; p2 < k1; p2++) {
            int len = PairIndex.count(degree - PairIndex.degree(p2));
            f1[p2] = new int[len];
            for (int p1 = 0; p1 < len; p1++) {
                int g = offset[p2] + p1;
                f1[p2][p1] = g;
                pairs[0][g] = p1;
                pairs[1][g] = p2;
                totalDegree[g] = PairIndex.degree(p1) + PairIndex.degree(p2);
            }
        }
        int[][] f2 = new int[k1][];
        for (int p1 = 0; p1 < k1; p1++) {
            int len = PairIndex.count(degree - PairIndex.degree(p1));
            f2[p1] = new int[len];
            for (int p2 = 0; p2 < len; p2++) {
                f2[p1][p2] = offset[p2] + p1;
            }
        }
        fibers = new int[][][] {f1, f2};
        List<int[]> bl = new ArrayList<>();
        List<int[]> bd = new ArrayList<>();
        for (int k = 0; k <= degree; k++) {
            for (int a = 0; a <= k; a++) {
                int b = k - a;
                int[] idx = new int[(a + 1) * (b + 1)];
                int c = 0;
                for (int p2 = PairIndex.count(b - 1); p2 < PairIndex.count(b); p2++) {
                    for (int p1 = PairIndex.count(a - 1); p1 < PairIndex.count(a); p1++) {
                        idx[c++] = offset[p2] + p1;
                    }
                }
                bl.add(idx);
                bd.add(new int[] {a, b});
            }
        }
        blocks = bl.toArray(new int[0][]);
        blockDegrees = bd.toArray(new int[0][]);
    }

    /**
     * @param dimension d
     * @param degree N
     * @return the number of basis functions, C(N + 2d, 2d)
     */
    public static long count(int dimension, int degree) {
        long c = 1;
        for (int i = 1; i <= 2 * dimension; i++) {
            c = c * (degree + i) / i;
        }
        return c;
    }

    /** @return d */
    public int dimension() {
        return dimension;
    }

    /** @return N */
    public int degree() {
        return degree;
    }

    /** @return the number of basis functions */
    public int size() {
        return size;
    }

    /**
     * @param coordinate c
     * @return the fibers along coordinate c (shared arrays: do not modify)
     */
    int[][] fibers(int coordinate) {
        return fibers[coordinate];
    }

    /**
     * @param coordinate c
     * @param index a global index
     * @return the pair index p_c of that basis function
     */
    public int pair(int coordinate, int index) {
        return pairs[coordinate][index];
    }

    /**
     * @param index a global index
     * @return its total degree
     */
    public int totalDegree(int index) {
        return totalDegree[index];
    }

    /** @return the number of blocks */
    public int blockCount() {
        return blocks.length;
    }

    /**
     * @param b a block number
     * @return the global indices of the block (shared array: do not modify)
     */
    int[] block(int b) {
        return blocks[b];
    }

    /**
     * @param b a block number
     * @return the total degree of the block
     */
    public int blockTotalDegree(int b) {
        int s = 0;
        for (int k : blockDegrees[b]) {
            s += k;
        }
        return s;
    }
}
