package dev.asgd.training.problem;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense kernels on 8-lane double vectors (the Vector API, {@code jdk.incubator.vector}), bit for
 * bit the results of {@link DenseKernels#SCALAR}:
 * <ul>
 *   <li>scores: the minibatch is transposed (feature-major, xt[j * lanes + i], rows padded to a
 *   multiple of 16) and a tile of 16 rows by 4 classes keeps 8 accumulator vectors in registers
 *   across j, a lane per row: lane i of class c is {@code fma(x_ij, w_cj, acc)} over j from 0 to
 *   d - 1, the scalar kernel's chain;</li>
 *   <li>gradients: a vector of 8 features j, 4 classes per pass, rows in groups of four with the
 *   scalar kernel's grouping (products and sums are lane-wise IEEE operations, as in the scalar
 *   loop); the last d mod 8 features in scalar code.</li>
 * </ul>
 * Loaded by reflection only when the module is present ({@link DenseKernels#KERNELS}); compiled in
 * its own javac execution (see asgd-training/pom.xml).
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
    private static final int LANES = 8;
    private static final int ROWS = 2 * LANES;

    /** @throws IllegalStateException when the machine's preferred species is not 8 doubles */
    VectorKernels() {
        if (DoubleVector.SPECIES_PREFERRED.length() != LANES) {
            throw new IllegalStateException("preferred double species has "
                    + DoubleVector.SPECIES_PREFERRED.length() + " lanes, not " + LANES);
        }
    }

    @Override
    public void scores(DenseKernels.Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
        int lanes = (n + ROWS - 1) / ROWS * ROWS;
        double[] xt = s.xt(d * lanes);
        transpose(rows, n, d, xt, lanes);
        double[] acc = s.acc(k * lanes);
        for (int lb = 0; lb < lanes; lb += ROWS) {
            int c = 0;
            for (; c + 3 < k; c += 4) {
                tile4(xt, lanes, lb, d, w, c, acc);
            }
            for (; c < k; c++) {
                tile1(xt, lanes, lb, d, w, c, acc);
            }
        }
        int p = d + 1;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                z[i * k + c] = acc[c * lanes + i] + w[c * p + d];
            }
        }
    }

    /** xt[j * lanes + i] = rows[i][j]; lanes n..lanes-1 are zero. */
    private static void transpose(double[][] rows, int n, int d, double[] xt, int lanes) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double[] x0 = rows[i];
            double[] x1 = rows[i + 1];
            double[] x2 = rows[i + 2];
            double[] x3 = rows[i + 3];
            for (int j = 0; j < d; j++) {
                int o = j * lanes + i;
                xt[o] = x0[j];
                xt[o + 1] = x1[j];
                xt[o + 2] = x2[j];
                xt[o + 3] = x3[j];
            }
        }
        for (; i < n; i++) {
            double[] x = rows[i];
            for (int j = 0; j < d; j++) {
                xt[j * lanes + i] = x[j];
            }
        }
        if (n < lanes) {
            for (int j = 0; j < d; j++) {
                java.util.Arrays.fill(xt, j * lanes + n, (j + 1) * lanes, 0.0);
            }
        }
    }

    private static void tile4(double[] xt, int lanes, int lb, int d, double[] w, int c, double[] acc) {
        int p = d + 1;
        int o0 = c * p;
        int o1 = o0 + p;
        int o2 = o1 + p;
        int o3 = o2 + p;
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector b0 = a0;
        DoubleVector a1 = a0;
        DoubleVector b1 = a0;
        DoubleVector a2 = a0;
        DoubleVector b2 = a0;
        DoubleVector a3 = a0;
        DoubleVector b3 = a0;
        for (int j = 0; j < d; j++) {
            int x = j * lanes + lb;
            DoubleVector u = DoubleVector.fromArray(S, xt, x);
            DoubleVector v = DoubleVector.fromArray(S, xt, x + LANES);
            DoubleVector w0 = DoubleVector.broadcast(S, w[o0 + j]);
            a0 = u.fma(w0, a0);
            b0 = v.fma(w0, b0);
            DoubleVector w1 = DoubleVector.broadcast(S, w[o1 + j]);
            a1 = u.fma(w1, a1);
            b1 = v.fma(w1, b1);
            DoubleVector w2 = DoubleVector.broadcast(S, w[o2 + j]);
            a2 = u.fma(w2, a2);
            b2 = v.fma(w2, b2);
            DoubleVector w3 = DoubleVector.broadcast(S, w[o3 + j]);
            a3 = u.fma(w3, a3);
            b3 = v.fma(w3, b3);
        }
        int at = c * lanes + lb;
        a0.intoArray(acc, at);
        b0.intoArray(acc, at + LANES);
        a1.intoArray(acc, at + lanes);
        b1.intoArray(acc, at + lanes + LANES);
        a2.intoArray(acc, at + 2 * lanes);
        b2.intoArray(acc, at + 2 * lanes + LANES);
        a3.intoArray(acc, at + 3 * lanes);
        b3.intoArray(acc, at + 3 * lanes + LANES);
    }

    private static void tile1(double[] xt, int lanes, int lb, int d, double[] w, int c, double[] acc) {
        int o0 = c * (d + 1);
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector b0 = a0;
        for (int j = 0; j < d; j++) {
            int x = j * lanes + lb;
            DoubleVector w0 = DoubleVector.broadcast(S, w[o0 + j]);
            a0 = DoubleVector.fromArray(S, xt, x).fma(w0, a0);
            b0 = DoubleVector.fromArray(S, xt, x + LANES).fma(w0, b0);
        }
        int at = c * lanes + lb;
        a0.intoArray(acc, at);
        b0.intoArray(acc, at + LANES);
    }

    @Override
    public void gradients(DenseKernels.Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d) {
        int c = 0;
        for (; c + 3 < k; c += 4) {
            gradient4(rows, n, r, k, c, g, d);
        }
        for (; c < k; c++) {
            gradient1(rows, n, r, k, c, g, d);
        }
        int p = d + 1;
        for (int j = d - d % LANES; j < d; j++) {
            for (c = 0; c < k; c++) {
                g[c * p + j] = DenseKernels.scalarGradient(rows, n, r, k, c, j);
            }
        }
    }

    private static void gradient4(double[][] rows, int n, double[] r, int k, int c, double[] g, int d) {
        int p = d + 1;
        for (int j = 0; j + LANES <= d; j += LANES) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                DoubleVector x0 = DoubleVector.fromArray(S, rows[i], j);
                DoubleVector x1 = DoubleVector.fromArray(S, rows[i + 1], j);
                DoubleVector x2 = DoubleVector.fromArray(S, rows[i + 2], j);
                DoubleVector x3 = DoubleVector.fromArray(S, rows[i + 3], j);
                int q0 = i * k + c;
                int q1 = q0 + k;
                int q2 = q1 + k;
                int q3 = q2 + k;
                a0 = a0.add(x0.mul(r[q0]).add(x1.mul(r[q1])).add(x2.mul(r[q2]).add(x3.mul(r[q3]))));
                a1 = a1.add(x0.mul(r[q0 + 1]).add(x1.mul(r[q1 + 1])).add(x2.mul(r[q2 + 1]).add(x3.mul(r[q3 + 1]))));
                a2 = a2.add(x0.mul(r[q0 + 2]).add(x1.mul(r[q1 + 2])).add(x2.mul(r[q2 + 2]).add(x3.mul(r[q3 + 2]))));
                a3 = a3.add(x0.mul(r[q0 + 3]).add(x1.mul(r[q1 + 3])).add(x2.mul(r[q2 + 3]).add(x3.mul(r[q3 + 3]))));
            }
            for (; i < n; i++) {
                DoubleVector x = DoubleVector.fromArray(S, rows[i], j);
                int q = i * k + c;
                a0 = a0.add(x.mul(r[q]));
                a1 = a1.add(x.mul(r[q + 1]));
                a2 = a2.add(x.mul(r[q + 2]));
                a3 = a3.add(x.mul(r[q + 3]));
            }
            a0.intoArray(g, c * p + j);
            a1.intoArray(g, (c + 1) * p + j);
            a2.intoArray(g, (c + 2) * p + j);
            a3.intoArray(g, (c + 3) * p + j);
        }
    }

    private static void gradient1(double[][] rows, int n, double[] r, int k, int c, double[] g, int d) {
        int at = c * (d + 1);
        for (int j = 0; j + LANES <= d; j += LANES) {
            DoubleVector a0 = DoubleVector.zero(S);
            int i = 0;
            for (; i + 3 < n; i += 4) {
                int q0 = i * k + c;
                a0 = a0.add(DoubleVector.fromArray(S, rows[i], j).mul(r[q0])
                        .add(DoubleVector.fromArray(S, rows[i + 1], j).mul(r[q0 + k]))
                        .add(DoubleVector.fromArray(S, rows[i + 2], j).mul(r[q0 + 2 * k])
                                .add(DoubleVector.fromArray(S, rows[i + 3], j).mul(r[q0 + 3 * k]))));
            }
            for (; i < n; i++) {
                a0 = a0.add(DoubleVector.fromArray(S, rows[i], j).mul(r[i * k + c]));
            }
            a0.intoArray(g, at + j);
        }
    }
}
