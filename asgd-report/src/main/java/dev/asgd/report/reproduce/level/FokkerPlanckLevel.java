package dev.asgd.report.reproduce.level;

import dev.asgd.core.perturbation.Perturbation;

/**
 * The Fokker-Planck equation (2.4): its spectral gap and the measured decay of ||h||_*^2 for a
 * given initial density. Not in this build yet (asgd-fokkerplanck, issue 5): every method returns NaN.
 */
public final class FokkerPlanckLevel {
    /** Whether asgd-fokkerplanck is in this build. */
    public static final boolean AVAILABLE = false;

    private FokkerPlanckLevel() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param perturbation the loss perturbation
     * @return the spectral gap of the generator (a rate of the density, per unit SME time), NaN when not available
     */
    public static double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation) {
        return Double.NaN;
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param centred start with the mean at equilibrium (only degree-2 modes excited)
     * @return the measured decay exponent of ||h||_*^2 per unit SME time, NaN when not available
     */
    public static double measuredDecay(double eta, double kappa, double omega0, double sigma, boolean centred) {
        return Double.NaN;
    }
}
