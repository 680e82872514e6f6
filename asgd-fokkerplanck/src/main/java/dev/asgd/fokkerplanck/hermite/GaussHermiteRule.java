package dev.asgd.fokkerplanck.hermite;

import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Gauss-Hermite quadrature for the standard normal measure: sum_k w_k f(z_k) = E f(Z), exact for
 * polynomials of degree below 2n. Nodes by Golub-Welsch (the eigenvalues of the Jacobi matrix
 * with zero diagonal and off-diagonal sqrt(1), ..., sqrt(n - 1), Hipparchus' tridiagonal
 * symmetric eigen-solver), refined by one Newton step; weights by the Christoffel formula
 * w_k = 1 / sum_{j &lt; n} phi_j(z_k)^2, which keeps the tiny outer weights relatively accurate
 * (Golub-Welsch's squared eigenvector components are only absolutely accurate).
 * Hipparchus' HermiteRuleFactory is for the weight exp(-x^2) and works in its own caching
 * factory; this class keeps the rule for the normal measure in one place.
 */
public final class GaussHermiteRule {
    private final double[] nodes;
    private final double[] weights;

    private GaussHermiteRule(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * @param n the number of nodes, {@code >= 1}
     * @return the n-point rule for N(0, 1)
     */
    public static GaussHermiteRule of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + ": allowed n >= 1");
        }
        double[] main = new double[n];
        double[] off = new double[Math.max(0, n - 1)];
        for (int k = 0; k < off.length; k++) {
            off[k] = Math.sqrt(k + 1.0);
        }
        double[] z = n == 1 ? new double[] {0} : new EigenDecompositionSymmetric(main, off).getEigenvalues().clone();
        java.util.Arrays.sort(z);
        double[] w = new double[n];
        double[] phi = new double[n + 1];
        for (int k = 0; k < n; k++) {
            // Newton on phi_n: phi_n' = sqrt(n) phi_{n-1}.
            HermiteFunctions.values(z[k], phi);
            z[k] -= phi[n] / (Math.sqrt(n) * phi[n - 1]);
            HermiteFunctions.values(z[k], phi);
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += phi[j] * phi[j];
            }
            w[k] = 1 / s;
        }
        return new GaussHermiteRule(z, w);
    }

    /** @return a copy of the nodes, ascending */
    public double[] nodes() {
        return nodes.clone();
    }

    /** @return a copy of the weights (summing to 1) */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the number of nodes */
    public int size() {
        return nodes.length;
    }
}
