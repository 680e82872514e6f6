package dev.asgd.theory.moments;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.QueueStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import java.util.Arrays;

/**
 * ASGD on the unperturbed quadratic f = sum_i omega_i^2 (theta_i - theta*_i)^2 / 2 with additive
 * Gaussian noise sigma_i per coordinate and i.i.d. staleness: the problem whose moments are exact.
 *
 * @param eta learning rate &gt; 0
 * @param omega0 square roots of the Hessian eigenvalues (d of them)
 * @param sigma noise standard deviation per coordinate (d of them, &gt;= 0)
 * @param theta0 the initial point (d)
 * @param thetaStar the minimizer (d)
 * @param staleness an i.i.d. staleness law ({@code queue:M} is rejected: its lags are dependent)
 */
public record MomentProblem(double eta, double[] omega0, double[] sigma, double[] theta0, double[] thetaStar,
        StalenessDistribution staleness) {

    /** Validates and copies. */
    public MomentProblem {
        Require.positiveFinite(eta, "eta");
        omega0 = Require.positiveFiniteAll(omega0, "omega0");
        int d = omega0.length;
        sigma = Require.nonNegativeFiniteAll(sigma, "sigma");
        requireLength(sigma, d, "sigma");
        theta0 = theta0 == null ? null : theta0.clone();
        requireLength(theta0, d, "theta0");
        for (double t : theta0) {
            Require.finite(t, "theta0");
        }
        thetaStar = thetaStar == null ? new double[d] : thetaStar.clone();
        requireLength(thetaStar, d, "thetaStar");
        if (staleness == null) {
            throw new InvalidParameterException("staleness", "null", "a staleness law");
        }
        if (!staleness.independentAcrossSteps()) {
            String hint = staleness instanceof QueueStaleness q
                    ? "; its marginal is geometric: use --staleness geometric --kappa " + q.kappa()
                            + " for the i.i.d. law with the same marginal, or asgd simulate for the queue itself"
                    : "";
            throw new InvalidParameterException("staleness", staleness.spec(),
                    "an i.i.d. staleness law for exact moments (" + staleness.spec()
                            + " has dependent lags, no exact recursion is implemented for it)" + hint);
        }
    }

    private static void requireLength(double[] v, int d, String name) {
        if (v == null || v.length != d) {
            throw new InvalidParameterException(name, v == null ? "null" : Arrays.toString(v),
                    d + " values (one per coordinate of omega0)");
        }
    }

    /** @return d */
    public int dimension() {
        return omega0.length;
    }

    /** @return true when the closed geometric recursion applies */
    public boolean geometric() {
        return staleness instanceof GeometricStaleness;
    }

    @Override
    public double[] omega0() {
        return omega0.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    @Override
    public double[] theta0() {
        return theta0.clone();
    }

    @Override
    public double[] thetaStar() {
        return thetaStar.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentProblem p && Double.compare(eta, p.eta) == 0 && Arrays.equals(omega0, p.omega0)
                && Arrays.equals(sigma, p.sigma) && Arrays.equals(theta0, p.theta0)
                && Arrays.equals(thetaStar, p.thetaStar) && staleness.equals(p.staleness);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {eta, Arrays.hashCode(omega0), Arrays.hashCode(sigma),
            Arrays.hashCode(theta0), Arrays.hashCode(thetaStar), staleness});
    }

    @Override
    public String toString() {
        return "MomentProblem[eta=" + eta + ", omega0=" + Arrays.toString(omega0) + ", sigma=" + Arrays.toString(sigma)
                + ", theta0=" + Arrays.toString(theta0) + ", thetaStar=" + Arrays.toString(thetaStar)
                + ", staleness=" + staleness.spec() + "]";
    }
}
