package dev.asgd.core.loss;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;

/**
 * Finite-sum least squares f(theta) = (1/n) sum_gamma f_gamma(theta),
 * f_gamma = (a_gamma . theta - b_gamma)^2 / 2, on a data matrix A (n x d) and targets b. The
 * minimizer solves the normal equations A^T A theta = A^T b (Cholesky; A must have full column
 * rank). The paper's stochastic gradient is grad f_gamma with gamma uniform
 * ({@link dev.asgd.core.noise.FiniteSumSampling}). The d x d solve is hand-written to keep
 * asgd-core free of a linear-algebra dependency; d is small here.
 */
public final class FiniteSumLeastSquares implements Loss {
    private final double[][] a;
    private final double[] b;
    private final double[] thetaStar;
    private final double fStar;
    /** H = A^T A / n. */
    private final double[][] hessian;

    /**
     * @param a the rows a_gamma (n x d, n &gt;= 1, copied)
     * @param b the targets (length n, copied)
     */
    public FiniteSumLeastSquares(double[][] a, double[] b) {
        if (a == null || a.length == 0 || b == null || b.length != a.length) {
            throw new InvalidParameterException("data", a == null ? "null" : a.length + " rows",
                    "n >= 1 rows and as many targets");
        }
        int d = a[0].length;
        Require.atLeast(d, 1, "data columns");
        this.a = new double[a.length][];
        for (int g = 0; g < a.length; g++) {
            if (a[g].length != d) {
                throw new InvalidParameterException("data", "row " + g + " of length " + a[g].length,
                        "every row of length " + d);
            }
            for (double v : a[g]) {
                Require.finite(v, "data");
            }
            this.a[g] = a[g].clone();
            Require.finite(b[g], "data");
        }
        this.b = b.clone();
        this.hessian = new double[d][d];
        for (double[] row : this.a) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    hessian[i][j] += row[i] * row[j] / a.length;
                }
            }
        }
        this.thetaStar = solveNormalEquations();
        this.fStar = value(thetaStar);
    }

    private double[] solveNormalEquations() {
        int d = a[0].length;
        double[][] m = new double[d][d];
        double[] r = new double[d];
        for (int g = 0; g < a.length; g++) {
            for (int i = 0; i < d; i++) {
                r[i] += a[g][i] * b[g];
                for (int j = 0; j <= i; j++) {
                    m[i][j] += a[g][i] * a[g][j];
                }
            }
        }
        // Cholesky m = L L^T in place (lower triangle)
        for (int j = 0; j < d; j++) {
            double s = m[j][j];
            for (int k = 0; k < j; k++) {
                s -= m[j][k] * m[j][k];
            }
            if (!(s > 1e-12 * (1 + Math.abs(m[j][j])))) {
                throw new InvalidParameterException("data", "rank-deficient matrix", "a data matrix of full column rank");
            }
            m[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < d; i++) {
                double t = m[i][j];
                for (int k = 0; k < j; k++) {
                    t -= m[i][k] * m[j][k];
                }
                m[i][j] = t / m[j][j];
            }
        }
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double t = r[i];
            for (int k = 0; k < i; k++) {
                t -= m[i][k] * y[k];
            }
            y[i] = t / m[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double t = y[i];
            for (int k = i + 1; k < d; k++) {
                t -= m[k][i] * x[k];
            }
            x[i] = t / m[i][i];
        }
        return x;
    }

    /** @return n, the number of components */
    public int size() {
        return a.length;
    }

    @Override
    public int dimension() {
        return a[0].length;
    }

    @Override
    public double value(double[] theta) {
        double f = 0;
        for (int g = 0; g < a.length; g++) {
            double res = residual(g, theta);
            f += 0.5 * res * res;
        }
        return f / a.length;
    }

    @Override
    public void gradient(double[] theta, double[] out) {
        int d = dimension();
        java.util.Arrays.fill(out, 0, d, 0);
        for (int g = 0; g < a.length; g++) {
            double res = residual(g, theta);
            for (int i = 0; i < d; i++) {
                out[i] += a[g][i] * res;
            }
        }
        for (int i = 0; i < d; i++) {
            out[i] /= a.length;
        }
    }

    /**
     * @param component gamma
     * @param theta the point
     * @param out receives grad f_gamma(theta) = a_gamma (a_gamma . theta - b_gamma)
     */
    public void componentGradient(int component, double[] theta, double[] out) {
        double res = residual(component, theta);
        double[] row = a[component];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] * res;
        }
    }

    private double residual(int g, double[] theta) {
        double[] row = a[g];
        double s = -b[g];
        for (int i = 0; i < row.length; i++) {
            s += row[i] * theta[i];
        }
        return s;
    }

    /**
     * f is quadratic with Hessian H and grad f(theta*) = 0, so f(theta) - f* = (theta - theta*)^T H
     * (theta - theta*) / 2: O(d^2) rather than the O(n d) of {@link #value}, and free of the
     * cancellation of value(theta) - f*.
     */
    @Override
    public double excess(double[] theta) {
        int d = hessian.length;
        double q = 0;
        for (int i = 0; i < d; i++) {
            double ui = theta[i] - thetaStar[i];
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += hessian[i][j] * (theta[j] - thetaStar[j]);
            }
            q += ui * row;
        }
        return 0.5 * q;
    }

    /** @return a copy of the Hessian H = A^T A / n */
    public double[][] hessian() {
        double[][] h = new double[hessian.length][];
        for (int i = 0; i < h.length; i++) {
            h[i] = hessian[i].clone();
        }
        return h;
    }

    @Override
    public double[] minimizer() {
        return thetaStar.clone();
    }

    @Override
    public double minimumValue() {
        return fStar;
    }
}
