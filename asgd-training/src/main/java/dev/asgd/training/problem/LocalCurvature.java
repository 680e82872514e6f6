package dev.asgd.training.problem;

import dev.asgd.training.data.Dataset;

/**
 * The curvature of a linear-score problem ({@link LinearScores}) at one point theta on a set of
 * rows, matrix-free: Hessian-vector products (for Lanczos), the per-sample Hessian factors and
 * gradients projected on a basis (for the local quadratic model restricted to it), and the trace
 * of the per-sample gradients' covariance (the noise outside that basis). Each row's gradient and
 * factors in the scores are computed once. Immutable after construction.
 */
public final class LocalCurvature {
    private final LinearScores scores;
    private final Dataset rows;
    private final int n;
    private final int k;
    private final int m;
    private final int d;
    /** g per row, n x K'. */
    private final double[] g;
    /** factors per row, n x m x K'. */
    private final double[] f;
    private final double[] penaltyGradient;

    private LocalCurvature(LinearScores scores, double[] theta, Dataset rows) {
        this.scores = scores;
        this.rows = rows;
        this.n = rows.size();
        this.k = scores.outputs();
        this.m = scores.factors();
        this.d = scores.features();
        this.g = new double[n * k];
        this.f = new double[n * m * k];
        double[] s = new double[k];
        double[] gi = new double[k];
        double[] fi = new double[m * k];
        for (int i = 0; i < n; i++) {
            scores.scores(theta, rows, i, s);
            scores.link(s, rows.label(i), gi, fi);
            System.arraycopy(gi, 0, g, i * k, k);
            System.arraycopy(fi, 0, f, i * m * k, m * k);
        }
        this.penaltyGradient = new double[theta.length];
        scores.addPenalty(theta, penaltyGradient);
    }

    /**
     * @param scores the problem's scores
     * @param theta the point (e.g. theta*)
     * @param rows the rows
     * @return the curvature there
     */
    public static LocalCurvature at(LinearScores scores, double[] theta, Dataset rows) {
        return new LocalCurvature(scores, theta.clone(), rows);
    }

    /** @return the number of rows */
    public int size() {
        return n;
    }

    /** @return the parameter dimension */
    public int dimension() {
        return k * (d + 1);
    }

    /**
     * out = H v, H = (1/n) sum_i A_i ⊗ z_i z_i^T + D.
     *
     * @param v a direction
     * @param out the product (overwritten)
     */
    public void hessianTimes(double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        double[] t = new double[k];
        double[] u = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                int off = c * (d + 1);
                t[c] = rows.dot(i, v, off) + v[off + d];
            }
            java.util.Arrays.fill(u, 0);
            int fo = i * m * k;
            for (int j = 0; j < m; j++) {
                double lt = 0;
                for (int c = 0; c < k; c++) {
                    lt += f[fo + j * k + c] * t[c];
                }
                for (int c = 0; c < k; c++) {
                    u[c] += f[fo + j * k + c] * lt;
                }
            }
            for (int c = 0; c < k; c++) {
                if (u[c] != 0) {
                    int off = c * (d + 1);
                    rows.addScaled(i, u[c] / n, out, off);
                    out[off + d] += u[c] / n;
                }
            }
        }
        scores.addPenalty(v, out);
    }

    /**
     * Per-sample factors and gradients in the coordinates of an orthonormal basis U (r vectors):
     * the factors U^T (L_j ⊗ z_i) and the gradient U^T (g_i ⊗ z_i + D theta).
     *
     * @param basis r orthonormal vectors of the parameter dimension
     * @param factors output, n x m x r
     * @param gradients output, n x r
     */
    public void project(double[][] basis, double[] factors, double[] gradients) {
        int r = basis.length;
        double[] y = new double[k * r];
        double[] pg = new double[r];
        for (int t = 0; t < r; t++) {
            double s = 0;
            for (int a = 0; a < penaltyGradient.length; a++) {
                s += penaltyGradient[a] * basis[t][a];
            }
            pg[t] = s;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                int off = c * (d + 1);
                for (int t = 0; t < r; t++) {
                    y[c * r + t] = rows.dot(i, basis[t], off) + basis[t][off + d];
                }
            }
            for (int t = 0; t < r; t++) {
                double s = pg[t];
                for (int c = 0; c < k; c++) {
                    s += g[i * k + c] * y[c * r + t];
                }
                gradients[i * r + t] = s;
            }
            int fo = i * m * k;
            for (int j = 0; j < m; j++) {
                int out = (i * m + j) * r;
                for (int t = 0; t < r; t++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        s += f[fo + j * k + c] * y[c * r + t];
                    }
                    factors[out + t] = s;
                }
            }
        }
    }

    /**
     * @return tr Cov(c_i), the per-sample gradients c_i = g_i ⊗ z_i + D theta over the rows (in
     *     every direction of the parameter space)
     */
    public double gradientTrace() {
        int p = dimension();
        double[] mean = new double[p];
        double sq = 0;
        double[] zi = new double[d + 1];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(zi, 0);
            rows.addScaled(i, 1, zi, 0);
            zi[d] = 1;
            double z2 = 0;
            for (double v : zi) {
                z2 += v * v;
            }
            for (int c = 0; c < k; c++) {
                double gc = g[i * k + c];
                int off = c * (d + 1);
                double cross = 0;
                for (int a = 0; a <= d; a++) {
                    mean[off + a] += gc * zi[a] / n;
                    cross += zi[a] * penaltyGradient[off + a];
                }
                sq += (gc * gc * z2 + 2 * gc * cross) / n;
            }
        }
        double pen = 0;
        double m2 = 0;
        for (int a = 0; a < p; a++) {
            pen += penaltyGradient[a] * penaltyGradient[a];
            double ma = mean[a] + penaltyGradient[a];
            m2 += ma * ma;
        }
        return Math.max(0, sq + pen - m2);
    }
}
