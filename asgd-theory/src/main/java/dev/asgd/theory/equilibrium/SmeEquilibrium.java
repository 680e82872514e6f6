package dev.asgd.theory.equilibrium;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.sme.LinearSme;

/** The stationary spread of the SME (2.2) on the quadratic, one mode at a time. */
public final class SmeEquilibrium {
    private SmeEquilibrium() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 the modes
     * @param sigma the noise per mode (as many as modes)
     * @return per mode, the standard deviation of Theta at the SME's equilibrium, sqrt of the
     *     (Theta, Theta) entry of its stationary covariance
     */
    public static double[] thetaStandardDeviations(double eta, double kappa, double[] omega0, double[] sigma) {
        if (sigma.length != omega0.length) {
            throw new InvalidParameterException("sigma", sigma.length + " values", omega0.length + " (one per mode)");
        }
        double[] sd = new double[omega0.length];
        for (int i = 0; i < omega0.length; i++) {
            SmeParameters sme = SmeParameters.of(eta, kappa, omega0[i], sigma[i]);
            sd[i] = Math.sqrt(LinearSme.of(sme, omega0[i]).stationaryCovariance().a());
        }
        return sd;
    }
}
