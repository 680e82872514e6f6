package dev.asgd.theory;

import dev.asgd.core.Require;

/**
 * The stochastic modified equation's parameters for one mode (Zhu and Ying, section 2, after An,
 * Lu and Ying): dTheta = Y dt + tau dB, dY = -grad f(Theta) dt - gamma Y dt, with
 * <pre>
 *   deltaT = sqrt(eta (1 - kappa))            one ASGD step is deltaT of SME time
 *   gamma  = sqrt((1 - kappa) / eta)          friction
 *   tau    = eta^(3/4) (1 - kappa)^(-1/4) sigma
 *   beta   = 2 gamma / (tau^2 omega0^4)       inverse temperature of (2.4), (3.1)
 * </pre>
 * {@code beta} is infinite when {@code sigma = 0} (no noise: the equilibrium is a point mass).
 *
 * @param deltaT SME time per ASGD step
 * @param gamma friction
 * @param tau noise amplitude of the SME
 * @param beta inverse temperature of the Fokker-Planck equation (2.4)
 */
public record SmeParameters(double deltaT, double gamma, double tau, double beta) {

    /**
     * @param eta learning rate, {@code > 0}
     * @param kappa staleness rate, {@code 0 <= kappa < 1}
     * @param omega0 square root of the Hessian eigenvalue of this mode, {@code > 0}
     * @param sigma gradient-noise level, {@code >= 0}
     * @return the SME parameters of (2.2) and beta of (2.4)
     */
    public static SmeParameters of(double eta, double kappa, double omega0, double sigma) {
        Require.positiveFinite(eta, "eta");
        Require.inHalfOpen(kappa, 0, 1, "kappa");
        Require.positiveFinite(omega0, "omega0");
        Require.nonNegativeFinite(sigma, "sigma");
        double oneMinusKappa = 1 - kappa;
        double deltaT = Math.sqrt(eta * oneMinusKappa);
        double gamma = Math.sqrt(oneMinusKappa / eta);
        double tau = Math.pow(eta, 0.75) * Math.pow(oneMinusKappa, -0.25) * sigma;
        double omega4 = omega0 * omega0 * omega0 * omega0;
        double beta = tau == 0 ? Double.POSITIVE_INFINITY : 2 * gamma / (tau * tau * omega4);
        return new SmeParameters(deltaT, gamma, tau, beta);
    }
}
