package dev.asgd.training.problem;

import dev.asgd.core.Require;
import dev.asgd.core.linalg.Vectors;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.SparseDataset;
import java.util.Arrays;

/**
 * Least squares with intercept: f(w, b) = (1 / 2n) sum_i (x_i . w + b - y_i)^2 + (lambda / 2) |w|^2.
 * Its Hessian is constant, H = Z^T Z / n + lambda diag(1, .., 1, 0) with z_i = (x_i, 1); the
 * empirical optimum solves H theta = Z^T y / n ({@link #optimum}).
 */
public final class LeastSquares implements LocalQuadraticProblem {
    private final int d;
    private final double l2;

    /**
     * @param features d
     * @param l2 lambda >= 0
     */
    public LeastSquares(int features, double l2) {
        this.d = Require.atLeast(features, 1, "features");
        this.l2 = Require.nonNegativeFinite(l2, "l2");
    }

    @Override
    public String name() {
        return "least-squares";
    }

    @Override
    public int dimension() {
        return d + 1;
    }

    @Override
    public double l2() {
        return l2;
    }

    @Override
    public double gradient(double[] w, Dataset data, int[] batch, double[] g) {
        if (data instanceof DenseDataset dense) {
            return denseGradient(w, dense, batch, g);
        }
        Arrays.fill(g, 0);
        double loss = 0;
        double inv = 1.0 / batch.length;
        for (int i : batch) {
            double r = data.dot(i, w, 0) + w[d] - data.label(i);
            loss += r * r;
            data.addScaled(i, r * inv, g, 0);
            g[d] += r * inv;
        }
        Problem.addPenaltyGradient(w, g, d, l2);
        return 0.5 * loss * inv;
    }

    /** The dense fast path: gathered rows, 4-row blocked scores, vectorised accumulation. */
    private double denseGradient(double[] w, DenseDataset data, int[] batch, double[] g) {
        int n = batch.length;
        DenseKernels.Scratch sc = DenseKernels.scratch();
        double[][] rows = DenseKernels.gather(sc, data, batch, 0, n);
        double[] z = sc.z(n);
        DenseKernels.scores(sc, rows, n, d, w, 1, z);
        double inv = 1.0 / n;
        double loss = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            double r = z[i] - data.label(batch[i]);
            loss += r * r;
            z[i] = r * inv;
            b += z[i];
        }
        DenseKernels.gradients(sc, rows, n, z, 1, g, d);
        g[d] = b;
        Problem.addPenaltyGradient(w, g, d, l2);
        return 0.5 * loss * inv;
    }

    /** Half the squared residual, (s - y)^2 / 2, and its slope s - y. */
    private static final LinearSupportGradient.Link SQUARED = new LinearSupportGradient.Link() {
        @Override
        public double loss(double s, double y) {
            double r = s - y;
            return 0.5 * (r * r);
        }

        @Override
        public double slope(double s, double y) {
            return s - y;
        }
    };

    @Override
    public boolean hasSupportGradient() {
        return l2 == 0;
    }

    @Override
    public double supportGradient(double[] wSupport, SparseDataset data, int[] batch, SparseSupport support,
            double[] g) {
        return LinearSupportGradient.compute(this, l2, SQUARED, wSupport, data, batch, support, g);
    }

    @Override
    public double loss(double[] w, Dataset data) {
        if (data instanceof DenseDataset dense) {
            double[] z = DenseKernels.scoreAll(dense, w, 1);
            double s = 0;
            for (int i = 0; i < z.length; i++) {
                double r = z[i] - data.label(i);
                s += r * r;
            }
            return 0.5 * s / data.size() + Problem.penalty(w, d, l2);
        }
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = data.dot(i, w, 0) + w[d] - data.label(i);
            s += r * r;
        }
        return 0.5 * s / data.size() + Problem.penalty(w, d, l2);
    }

    @Override
    public double accuracy(double[] w, Dataset data) {
        return Double.NaN;
    }

    /**
     * out = H v, matrix-free.
     *
     * @param data the training rows
     * @param v a vector of {@link #dimension()} entries
     * @param out output
     */
    public void hessianTimes(Dataset data, double[] v, double[] out) {
        Arrays.fill(out, 0);
        int n = data.size();
        for (int i = 0; i < n; i++) {
            double zi = (data.dot(i, v, 0) + v[d]) / n;
            data.addScaled(i, zi, out, 0);
            out[d] += zi;
        }
        for (int j = 0; j < d; j++) {
            out[j] += l2 * v[j];
        }
    }

    /**
     * The exact empirical optimum by conjugate gradients on H theta = Z^T y / n (H is symmetric
     * positive semi-definite; CG converges to the minimum-norm-in-the-Krylov-space solution).
     *
     * @param data the training rows
     * @return theta*, to a relative residual of 1e-13 or after 20 (d + 1) iterations
     */
    @Override
    public double[] optimum(Dataset data) {
        int p = d + 1;
        int n = data.size();
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            data.addScaled(i, data.label(i) / n, b, 0);
            b[d] += data.label(i) / n;
        }
        double[] x = new double[p];
        double[] r = b.clone();
        double[] q = r.clone();
        double[] hq = new double[p];
        double rr = Vectors.dot(r, r);
        double stop = 1e-26 * Math.max(rr, Double.MIN_NORMAL);
        for (int it = 0; it < 20 * p && rr > stop; it++) {
            hessianTimes(data, q, hq);
            double qhq = Vectors.dot(q, hq);
            if (!(qhq > 0)) {
                break;
            }
            double alpha = rr / qhq;
            for (int j = 0; j < p; j++) {
                x[j] += alpha * q[j];
                r[j] -= alpha * hq[j];
            }
            double rrNew = Vectors.dot(r, r);
            double beta = rrNew / rr;
            rr = rrNew;
            for (int j = 0; j < p; j++) {
                q[j] = r[j] + beta * q[j];
            }
        }
        return x;
    }

    /** The factor is z_i itself (w_i = 1) and the gradient z_i r_i + D theta, r_i = z_i . theta - y_i. */
    @Override
    public void sampleCurvature(double[] theta, Dataset data, int i, double[] factor, double[] gradient, int offset) {
        int p = d + 1;
        Arrays.fill(factor, offset, offset + p, 0);
        data.addScaled(i, 1, factor, offset);
        factor[offset + d] = 1;
        double r = data.dot(i, theta, 0) + theta[d] - data.label(i);
        for (int a = 0; a < p; a++) {
            gradient[offset + a] = factor[offset + a] * r + (a < d ? l2 : 0) * theta[a];
        }
    }

    @Override
    public boolean quadratic() {
        return true;
    }
}
