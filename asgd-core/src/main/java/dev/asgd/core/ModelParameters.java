package dev.asgd.core;

import java.util.Arrays;

/**
 * The parameters of ASGD on the quadratic of Zhu and Ying (section 2): learning rate
 * {@code eta}, staleness rate {@code kappa} of the geometric staleness
 * P(tau = l) = (1 - kappa) kappa^l, the square roots {@code omega0} of the Hessian's eigenvalues
 * (one per coordinate of a diagonal Hessian) and the gradient-noise level {@code sigma}.
 *
 * @param eta learning rate, {@code > 0}
 * @param kappa staleness rate, {@code 0 <= kappa < 1}
 * @param omega0 square roots of the Hessian eigenvalues, each {@code > 0}; the array is copied
 * @param sigma standard deviation of the additive gradient noise, {@code >= 0}
 */
public record ModelParameters(double eta, double kappa, double[] omega0, double sigma) {

    /** Validates and copies. */
    public ModelParameters {
        Require.positiveFinite(eta, "eta");
        Require.inHalfOpen(kappa, 0, 1, "kappa");
        omega0 = Require.positiveFiniteAll(omega0, "omega0");
        Require.nonNegativeFinite(sigma, "sigma");
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue of a one-dimensional quadratic
     * @param sigma noise level
     * @return the parameters of a one-dimensional problem
     */
    public static ModelParameters of(double eta, double kappa, double omega0, double sigma) {
        return new ModelParameters(eta, kappa, new double[] {omega0}, sigma);
    }

    /** @return a copy of the square roots of the Hessian eigenvalues */
    @Override
    public double[] omega0() {
        return omega0.clone();
    }

    /** @return the dimension d */
    public int dimension() {
        return omega0.length;
    }

    /** @return the smallest omega0 (the slowest mode of the quadratic) */
    public double omegaMin() {
        return Arrays.stream(omega0).min().orElseThrow();
    }

    /** @return the largest omega0 (the stiffest mode, which limits stability) */
    public double omegaMax() {
        return Arrays.stream(omega0).max().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelParameters p
                && Double.compare(eta, p.eta) == 0
                && Double.compare(kappa, p.kappa) == 0
                && Arrays.equals(omega0, p.omega0)
                && Double.compare(sigma, p.sigma) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(eta) + Double.hashCode(kappa)) + Arrays.hashCode(omega0))
                + Double.hashCode(sigma);
    }

    @Override
    public String toString() {
        return "ModelParameters[eta=" + eta + ", kappa=" + kappa + ", omega0=" + Arrays.toString(omega0)
                + ", sigma=" + sigma + "]";
    }
}
