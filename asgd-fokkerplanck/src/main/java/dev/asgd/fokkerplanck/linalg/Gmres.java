package dev.asgd.fokkerplanck.linalg;

import dev.asgd.core.linalg.Vectors;

/**
 * Restarted GMRES(m) with right preconditioning (Saad, "Iterative Methods for Sparse Linear
 * Systems", 2nd ed., Algorithm 9.5): solves A x = b for a non-symmetric A given only as a
 * {@link LinearOperator}, with the preconditioner P ~ A^-1 applied as A P y = b, x = P y, so the
 * residual it monitors is the true one. Givens rotations update the least-squares problem.
 * Hipparchus offers only symmetric Krylov solvers (conjugate gradients, SYMMLQ), hence this class.
 */
public final class Gmres {
    private final int restart;
    private final int maxIterations;
    private final double relativeTolerance;

    /**
     * @param restart Krylov dimension m before a restart
     * @param maxIterations total iterations allowed
     * @param relativeTolerance stop when ||b - A x|| &lt;= tol ||b||
     */
    public Gmres(int restart, int maxIterations, double relativeTolerance) {
        this.restart = restart;
        this.maxIterations = maxIterations;
        this.relativeTolerance = relativeTolerance;
    }

    /**
     * @param a the operator
     * @param preconditioner P, approximately A^-1
     * @param b the right-hand side
     * @param x the initial guess, overwritten with the solution
     * @return the number of iterations used
     * @throws ArithmeticException when the tolerance is not met within the allowed iterations
     */
    public int solve(LinearOperator a, LinearOperator preconditioner, double[] b, double[] x) {
        int n = b.length;
        double bNorm = norm(b);
        if (bNorm == 0) {
            java.util.Arrays.fill(x, 0);
            return 0;
        }
        double[][] v = new double[restart + 1][n];
        double[][] h = new double[restart + 1][restart];
        double[] cs = new double[restart];
        double[] sn = new double[restart];
        double[] g = new double[restart + 1];
        double[] w = new double[n];
        double[] z = new double[n];
        int iterations = 0;
        double residual = Double.NaN;
        while (iterations < maxIterations) {
            a.apply(x, w);
            for (int i = 0; i < n; i++) {
                v[0][i] = b[i] - w[i];
            }
            double beta = norm(v[0]);
            residual = beta;
            if (!Double.isFinite(beta) || !Double.isFinite(bNorm)) {
                throw new dev.asgd.core.NumericalDivergenceException(iterations, "GMRES", beta / bNorm,
                        "relative residual not finite: the operator or the right-hand side overflows");
            }
            if (beta <= relativeTolerance * bNorm) {
                return iterations;
            }
            scale(v[0], 1 / beta);
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int j = 0;
            for (; j < restart && iterations < maxIterations; j++, iterations++) {
                preconditioner.apply(v[j], z);
                a.apply(z, w);
                for (int i = 0; i <= j; i++) {
                    double d = Vectors.dot(w, v[i]);
                    h[i][j] = d;
                    axpy(-d, v[i], w);
                }
                double hn = norm(w);
                h[j + 1][j] = hn;
                if (hn > 0) {
                    for (int i = 0; i < n; i++) {
                        v[j + 1][i] = w[i] / hn;
                    }
                }
                for (int i = 0; i < j; i++) {
                    double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                    h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                    h[i][j] = t;
                }
                double den = Math.hypot(h[j][j], h[j + 1][j]);
                cs[j] = den == 0 ? 1 : h[j][j] / den;
                sn[j] = den == 0 ? 0 : h[j + 1][j] / den;
                h[j][j] = den;
                h[j + 1][j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                residual = Math.abs(g[j + 1]);
                if (residual <= relativeTolerance * bNorm || hn == 0) {
                    j++;
                    iterations++;
                    break;
                }
            }
            // Back-substitution for y, then x += P (V y).
            double[] y = new double[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < j; k++) {
                    s -= h[i][k] * y[k];
                }
                y[i] = s / h[i][i];
            }
            java.util.Arrays.fill(w, 0);
            for (int i = 0; i < j; i++) {
                axpy(y[i], v[i], w);
            }
            preconditioner.apply(w, z);
            axpy(1, z, x);
            if (residual <= relativeTolerance * bNorm) {
                return iterations;
            }
        }
        if (!Double.isFinite(residual)) {
            throw new dev.asgd.core.NumericalDivergenceException(iterations, "GMRES", residual / bNorm,
                    "relative residual not finite: the operator or the right-hand side overflows");
        }
        throw new ArithmeticException("GMRES did not converge in " + maxIterations + " iterations: relative residual "
                + residual / bNorm);
    }

    static double norm(double[] a) {
        return Math.sqrt(Vectors.dot(a, a));
    }


    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }
}
