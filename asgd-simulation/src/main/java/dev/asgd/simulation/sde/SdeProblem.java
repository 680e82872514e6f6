package dev.asgd.simulation.sde;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.sme.LinearSme;
import java.util.Arrays;

/**
 * The stochastic modified equation (2.2) of ASGD on a (perturbed) quadratic, in d dimensions:
 * <pre>
 *   dTheta = Y dt + tau . dB,   dY = -grad f(Theta) dt - gamma Y dt,
 *   Theta_0 = theta_0,          Y_0 = -sqrt(eta / (1 - kappa)) grad f(theta_0),
 * </pre>
 * with the parameter map of {@link SmeParameters} (deltaT and gamma shared by every coordinate,
 * tau_i = eta^(3/4) (1 - kappa)^(-1/4) sigma_i). One ASGD step is deltaT of SME time.
 *
 * @param loss f (its minimizer is theta*)
 * @param eta learning rate &gt; 0
 * @param kappa staleness rate in [0, 1)
 * @param sigma gradient-noise standard deviation per coordinate (d values, &gt;= 0)
 * @param theta0 Theta_0 (d values)
 */
public record SdeProblem(QuadraticLoss loss, double eta, double kappa, double[] sigma, double[] theta0) {

    /** Validates and copies. */
    public SdeProblem {
        if (loss == null) {
            throw new InvalidParameterException("loss", "null", "a quadratic loss");
        }
        Require.positiveFinite(eta, "eta");
        Require.inHalfOpen(kappa, 0, 1, "kappa");
        int d = loss.dimension();
        sigma = Require.nonNegativeFiniteAll(sigma, "sigma");
        requireLength(sigma, d, "sigma");
        requireLength(theta0, d, "theta0");
        theta0 = theta0.clone();
        for (double t : theta0) {
            Require.finite(t, "theta0");
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
        return theta0.length;
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    @Override
    public double[] theta0() {
        return theta0.clone();
    }

    /** @return the SME parameters of coordinate i (deltaT and gamma are the same for all) */
    public SmeParameters sme(int i) {
        return SmeParameters.of(eta, kappa, omega0()[i], sigma[i]);
    }

    /** @return deltaT = sqrt(eta (1 - kappa)), the SME time of one ASGD step */
    public double deltaT() {
        return Math.sqrt(eta * (1 - kappa));
    }

    /** @return gamma = sqrt((1 - kappa) / eta) */
    public double gamma() {
        return Math.sqrt((1 - kappa) / eta);
    }

    /** @return tau_i per coordinate */
    public double[] tau() {
        double[] t = new double[dimension()];
        for (int i = 0; i < t.length; i++) {
            t[i] = sme(i).tau();
        }
        return t;
    }

    /** @return omega_i = sqrt of the Hessian's diagonal at theta* (without the perturbation) */
    public double[] omega0() {
        double[] h = loss.hessianDiagonal();
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.sqrt(h[i]);
        }
        return h;
    }

    /** @return Y_0 = -sqrt(eta / (1 - kappa)) grad f(theta_0) */
    public double[] y0() {
        double[] g = new double[dimension()];
        loss.gradient(theta0, g);
        double c = -Math.sqrt(eta / (1 - kappa));
        for (int i = 0; i < g.length; i++) {
            g[i] *= c;
        }
        return g;
    }

    /** @return true when the loss is unperturbed: the SME is linear and its moments are exact */
    public boolean linear() {
        return loss.isUnperturbed();
    }

    /**
     * @param i a coordinate
     * @return its linear SME (the unperturbed part of the drift)
     */
    public LinearSme linearSme(int i) {
        return LinearSme.of(sme(i), omega0()[i]);
    }

    /**
     * @param newEta another learning rate
     * @return the same problem at newEta
     */
    public SdeProblem withEta(double newEta) {
        return new SdeProblem(loss, newEta, kappa, sigma, theta0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdeProblem p && loss.equals(p.loss) && Double.compare(eta, p.eta) == 0
                && Double.compare(kappa, p.kappa) == 0 && Arrays.equals(sigma, p.sigma)
                && Arrays.equals(theta0, p.theta0);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {loss, eta, kappa, Arrays.hashCode(sigma), Arrays.hashCode(theta0)});
    }

    @Override
    public String toString() {
        return "SdeProblem[eta=" + eta + ", kappa=" + kappa + ", omega0=" + Arrays.toString(omega0()) + ", sigma="
                + Arrays.toString(sigma) + ", theta0=" + Arrays.toString(theta0) + ", perturbation="
                + loss.perturbation().spec() + "]";
    }
}
