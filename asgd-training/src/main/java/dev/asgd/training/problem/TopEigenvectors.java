package dev.asgd.training.problem;

import dev.asgd.core.linalg.Vectors;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The largest eigenpairs of a symmetric operator given by its products (a Hessian by
 * Hessian-vector products): {@code steps} steps of Lanczos with full reorthogonalisation (as
 * {@link HessianSpectrum}), the tridiagonal decomposed by Hipparchus, the top {@code k} Ritz
 * vectors assembled. Extreme Ritz values converge first, at both ends; the smallest is returned too.
 *
 * @param values the top k Ritz values, descending
 * @param vectors the matching Ritz vectors (orthonormal), k x p
 * @param smallest the smallest Ritz value
 * @param steps the Lanczos steps taken
 */
public record TopEigenvectors(double[] values, double[][] vectors, double smallest, int steps) {
    /** Copies. */
    public TopEigenvectors {
        values = values.clone();
        vectors = vectors.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[][] vectors() {
        return vectors.clone();
    }

    /**
     * @param operator (v, out): out = A v
     * @param start the start vector (nonzero; the Krylov space stays in its invariant subspace, so a
     *     start with no component along a null direction keeps it out)
     * @param steps Lanczos steps (at most p)
     * @param k how many top pairs (at most the steps)
     * @return the pairs
     */
    public static TopEigenvectors of(BiConsumer<double[], double[]> operator, double[] start, int steps, int k) {
        int p = start.length;
        int m = Math.min(steps, p);
        double[][] q = new double[m + 1][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] v = start.clone();
        scale(v, 1 / Math.sqrt(Vectors.dot(v, v)));
        q[0] = v;
        double[] w = new double[p];
        int taken = 0;
        for (; taken < m; taken++) {
            operator.accept(q[taken], w);
            alpha[taken] = Vectors.dot(w, q[taken]);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= taken; i++) {
                    double c = Vectors.dot(w, q[i]);
                    for (int j = 0; j < p; j++) {
                        w[j] -= c * q[i][j];
                    }
                }
            }
            double b = Math.sqrt(Vectors.dot(w, w));
            if (taken == m - 1 || b < 1e-10 * Math.abs(alpha[taken])) {
                taken++;
                break;
            }
            beta[taken] = b;
            q[taken + 1] = w.clone();
            scale(q[taken + 1], 1 / b);
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(Arrays.copyOf(alpha, taken),
                Arrays.copyOf(beta, Math.max(0, taken - 1)));
        double[] ev = eig.getEigenvalues();
        Integer[] order = new Integer[taken];
        for (int i = 0; i < taken; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        int r = Math.min(k, taken);
        double[] values = new double[r];
        double[][] vectors = new double[r][];
        for (int t = 0; t < r; t++) {
            values[t] = ev[order[t]];
            double[] s = eig.getEigenvector(order[t]).toArray();
            double[] x = new double[p];
            for (int i = 0; i < taken; i++) {
                for (int j = 0; j < p; j++) {
                    x[j] += s[i] * q[i][j];
                }
            }
            scale(x, 1 / Math.sqrt(Vectors.dot(x, x)));
            vectors[t] = x;
        }
        return new TopEigenvectors(values, vectors, ev[order[taken - 1]], taken);
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }
}
