package dev.asgd.report.reproduce.level;

import dev.asgd.theory.sme.SmeDecay;

/**
 * The SME's exact decay rates for the experiments that still call them by this name: each method
 * is asgd-theory's {@link SmeDecay}, nothing is computed here.
 */
public final class SmeLevel {
    private SmeLevel() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return {@link SmeDecay#decayPerUnitTime}
     */
    public static double decayPerUnitTime(double eta, double kappa, double omega0) {
        return SmeDecay.decayPerUnitTime(eta, kappa, omega0);
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return {@link SmeDecay#decayPerStep}
     */
    public static double decayPerStep(double eta, double kappa, double omega0) {
        return SmeDecay.decayPerStep(eta, kappa, omega0);
    }
}
