package dev.asgd.theory.moments;

import dev.asgd.theory.WeightedRowSum;

/**
 * The lag-augmented recursion for i.i.d. staleness of finite support p_0..p_L: the state is the
 * covariance C_k(i, j) = E[u_{k-i} u_{k-j}], 0 &lt;= i, j &lt;= L, of the last L + 1 iterates
 * (reads before step 0 return u_0, so C_0 = u_0^2 everywhere and no clipping is needed), and the
 * means m_{k-i}. With b = eta omega^2:
 * <pre>
 *   E[u_{k+1} u_{k-j}] = C(0, j) - b sum_l p_l C(l, j)                     (j = 0..L-1)
 *   E[u_{k+1}^2]       = C(0, 0) - 2 b sum_l p_l C(0, l) + b^2 sum_l p_l C(l, l) + eta^2 sigma^2
 *   m_{k+1}            = m_k - b sum_l p_l m_{k-l}
 * </pre>
 * and the rest of C shifts by one lag. C is stored row-major in one array with lag 0 first, so the
 * shift is one {@code System.arraycopy} by n + 1 places and the sums run over contiguous rows: a step
 * costs O(L nnz(p)) multiply-adds plus a copy of (L + 1)^2 numbers (poisson:3, L = 26: 1e6 steps in
 * 0.4 to 0.6 s).
 */
final class LagMomentRecursion implements MomentRecursion {
    private final int n;
    private final int[] lags;
    private final double[] probs;
    private final double b;
    private final double noise;
    /** C(i, j) = c[i * n + j], lag 0 first. */
    private final double[] c;
    /** means[i] = m_{k-i}. */
    private final double[] means;
    private final double[] acc;
    /** rowStart[q] = lags[q] n, where row lags[q] of C begins. */
    private final int[] rowStart;

    LagMomentRecursion(double eta, double[] pmf, double omega, double sigma, double u0) {
        this.n = pmf.length;
        int nnz = 0;
        for (double p : pmf) {
            if (p > 0) {
                nnz++;
            }
        }
        this.lags = new int[nnz];
        this.probs = new double[nnz];
        int q = 0;
        for (int l = 0; l < n; l++) {
            if (pmf[l] > 0) {
                lags[q] = l;
                probs[q++] = pmf[l];
            }
        }
        this.b = eta * omega * omega;
        this.noise = eta * eta * sigma * sigma;
        this.c = new double[n * n];
        java.util.Arrays.fill(c, u0 * u0);
        this.means = new double[n];
        java.util.Arrays.fill(means, u0);
        this.acc = new double[n];
        this.rowStart = new int[nnz];
        for (int r = 0; r < nnz; r++) {
            rowStart[r] = lags[r] * n;
        }
    }

    @Override
    public void step() {
        final int n = this.n;
        final double[] c = this.c;
        final double[] acc = this.acc;
        double cross = 0;
        double diag = 0;
        double meanRead = 0;
        for (int q = 0; q < lags.length; q++) {
            int l = lags[q];
            double p = probs[q];
            cross += p * c[l];
            diag += p * c[l * n + l];
            meanRead += p * means[l];
        }
        // acc[j] = sum_l p_l C(l, j), j = 0..L-1, each sum in the order of the lags
        final int m = n - 1;
        WeightedRowSum.sum(c, rowStart, probs, 0, acc, 0, m);
        double t1 = c[0] - 2 * b * cross + b * b * diag + noise;
        // new C(0, j + 1) = E[u_{k+1} u_{k-j}] = C(0, j) - b acc[j], kept in acc
        for (int i = 0; i < m; i++) {
            acc[i] = c[i] - b * acc[i];
        }
        double m1 = means[0] - b * meanRead;
        // every C(i, j) moves to (i + 1, j + 1); (i, L) lands in column 0 of row i + 2, overwritten below
        if (n > 1) {
            System.arraycopy(c, 0, c, n + 1, n * n - n - 1);
            System.arraycopy(means, 0, means, 1, n - 1);
        }
        c[0] = t1;
        for (int i = 1; i < n; i++) {
            double v = acc[i - 1];
            c[i] = v;
            c[i * n] = v;
        }
        means[0] = m1;
    }

    @Override
    public double mean() {
        return means[0];
    }

    @Override
    public double secondMoment() {
        return c[0];
    }

    /** Index of (i, j), i &lt;= j, in the packed upper triangle. */
    private int packed(int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return i * n - i * (i - 1) / 2 + (j - i);
    }

    @Override
    public double[][] secondMomentMatrix() {
        int dim = n * (n + 1) / 2;
        double[][] a = new double[dim][dim];
        // new (0, 0)
        int t = packed(0, 0);
        a[t][packed(0, 0)] += 1;
        for (int q = 0; q < lags.length; q++) {
            a[t][packed(0, lags[q])] += -2 * b * probs[q];
            a[t][packed(lags[q], lags[q])] += b * b * probs[q];
        }
        // new (0, j + 1) = C(0, j) - b sum p_l C(l, j)
        for (int j = 0; j < n - 1; j++) {
            int r = packed(0, j + 1);
            a[r][packed(0, j)] += 1;
            for (int q = 0; q < lags.length; q++) {
                a[r][packed(lags[q], j)] += -b * probs[q];
            }
        }
        // new (i + 1, j + 1) = C(i, j)
        for (int i = 0; i < n - 1; i++) {
            for (int j = i; j < n - 1; j++) {
                a[packed(i + 1, j + 1)][packed(i, j)] = 1;
            }
        }
        return a;
    }

    @Override
    public double[] secondMomentConstant() {
        double[] k = new double[n * (n + 1) / 2];
        k[packed(0, 0)] = noise;
        return k;
    }

    @Override
    public int secondMomentIndex() {
        return 0;
    }

    @Override
    public double[][] meanMatrix() {
        double[][] a = new double[n][n];
        a[0][0] = 1;
        for (int q = 0; q < lags.length; q++) {
            a[0][lags[q]] -= b * probs[q];
        }
        for (int i = 1; i < n; i++) {
            a[i][i - 1] = 1;
        }
        return a;
    }
}
