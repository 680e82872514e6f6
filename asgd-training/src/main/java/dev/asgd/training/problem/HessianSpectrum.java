package dev.asgd.training.problem;

import dev.asgd.core.linalg.Vectors;
import dev.asgd.training.data.Dataset;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Eigenvalues of the least-squares Hessian H = Z^T Z / n + lambda diag(1, .., 1, 0). Small
 * problems ({@code dimension <= exactLimit}) assemble H and decompose it exactly (Hipparchus);
 * larger ones run {@code steps} steps of the Lanczos iteration with full reorthogonalisation
 * (Golub and Van Loan, section 10.1), whose extreme Ritz values converge first: the largest and
 * smallest eigenvalues, which decide stability and the rate, are the ones the theory needs.
 *
 * @param eigenvalues ascending; all of them (exact) or the Ritz values (Lanczos)
 * @param exact whether they are exact
 */
public record HessianSpectrum(double[] eigenvalues, boolean exact) {
    /** Largest dimension decomposed exactly by default. */
    public static final int EXACT_LIMIT = 200;

    /** Copies. */
    public HessianSpectrum {
        eigenvalues = eigenvalues.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * @param problem the least-squares problem
     * @param data the training rows
     * @param exactLimit largest dimension decomposed exactly
     * @param steps Lanczos steps otherwise
     * @return the spectrum
     */
    public static HessianSpectrum of(LeastSquares problem, Dataset data, int exactLimit, int steps) {
        int p = problem.dimension();
        return p <= exactLimit ? exact(problem, data) : lanczos(problem, data, Math.min(steps, p));
    }

    static HessianSpectrum exact(LeastSquares problem, Dataset data) {
        int p = problem.dimension();
        double[][] h = new double[p][p];
        double[] e = new double[p];
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1;
            problem.hessianTimes(data, e, col);
            e[j] = 0;
            for (int i = 0; i < p; i++) {
                h[i][j] = col[i];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false)).getEigenvalues();
        Arrays.sort(ev);
        return new HessianSpectrum(ev, true);
    }

    static HessianSpectrum lanczos(LeastSquares problem, Dataset data, int m) {
        int p = problem.dimension();
        double[][] q = new double[m + 1][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            // A fixed start vector with components in every direction (no randomness needed).
            v[j] = 1 + 0.5 * Math.sin(1.0 + j);
        }
        scale(v, 1 / Math.sqrt(Vectors.dot(v, v)));
        q[0] = v;
        double[] w = new double[p];
        int k = 0;
        for (; k < m; k++) {
            problem.hessianTimes(data, q[k], w);
            alpha[k] = Vectors.dot(w, q[k]);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= k; i++) {
                    double c = Vectors.dot(w, q[i]);
                    for (int j = 0; j < p; j++) {
                        w[j] -= c * q[i][j];
                    }
                }
            }
            double b = Math.sqrt(Vectors.dot(w, w));
            if (k == m - 1 || b < 1e-12 * Math.abs(alpha[k])) {
                k++;
                break;
            }
            beta[k] = b;
            q[k + 1] = w.clone();
            scale(q[k + 1], 1 / b);
        }
        double[] main = Arrays.copyOf(alpha, k);
        double[] off = Arrays.copyOf(beta, Math.max(0, k - 1));
        double[] ev = new EigenDecompositionSymmetric(main, off).getEigenvalues();
        Arrays.sort(ev);
        return new HessianSpectrum(ev, false);
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }

    /**
     * @param relativeFloor eigenvalues below relativeFloor * max are dropped (flat directions do not decay)
     * @return sqrt of the kept eigenvalues: the omega_i of the theory, ascending
     */
    public double[] omegas(double relativeFloor) {
        double max = eigenvalues[eigenvalues.length - 1];
        return Arrays.stream(eigenvalues).filter(l -> l > relativeFloor * max).map(Math::sqrt).toArray();
    }
}
