package dev.asgd.theory.moments;

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
 * and the rest of C shifts by one lag. Stored in a ring, so a step costs O(L nnz(p)).
 */
final class LagMomentRecursion implements MomentRecursion {
    private final int n;
    private final int[] lags;
    private final double[] probs;
    private final double b;
    private final double noise;
    private final double[][] c;
    private final double[] means;
    private final double[] row;
    private final double[] acc;
    private final int[] phys;
    private int head;

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
        this.c = new double[n][n];
        for (double[] r : c) {
            java.util.Arrays.fill(r, u0 * u0);
        }
        this.means = new double[n];
        java.util.Arrays.fill(means, u0);
        this.row = new double[n];
        this.acc = new double[n];
        this.phys = new int[n];
    }

    /** Physical index of lag i. */
    private int at(int i) {
        int p = head - i;
        return p < 0 ? p + n : p;
    }

    @Override
    public void step() {
        final int[] phys = this.phys;
        for (int i = 0; i < n; i++) {
            phys[i] = at(i);
        }
        int h = phys[0];
        double cross = 0;
        double diag = 0;
        double meanRead = 0;
        // acc[j] = sum_l p_l C(l, j): rows of the read lags, gathered through the ring
        java.util.Arrays.fill(acc, 0);
        for (int q = 0; q < lags.length; q++) {
            int pl = phys[lags[q]];
            double p = probs[q];
            double[] rowL = c[pl];
            cross += p * c[h][pl];
            diag += p * rowL[pl];
            meanRead += p * means[pl];
            for (int j = 0; j < n - 1; j++) {
                acc[j] += p * rowL[phys[j]];
            }
        }
        double t1 = c[h][h] - 2 * b * cross + b * b * diag + noise;
        // row[j + 1] = E[u_{k+1} u_{k-j}], j = 0..L-1
        double[] rowH = c[h];
        for (int j = 0; j < n - 1; j++) {
            row[j + 1] = rowH[phys[j]] - b * acc[j];
        }
        double m1 = means[h] - b * meanRead;
        head = head + 1 == n ? 0 : head + 1;
        int nh = head;
        // the new head replaces lag L; row[j + 1] sits at lag j + 1, i.e. physical phys[j] (old lag j)
        double[] rowNew = c[nh];
        for (int j = 1; j < n; j++) {
            int pj = phys[j - 1];
            rowNew[pj] = row[j];
            c[pj][nh] = row[j];
        }
        rowNew[nh] = t1;
        means[nh] = m1;
    }

    @Override
    public double mean() {
        return means[head];
    }

    @Override
    public double secondMoment() {
        return c[head][head];
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
