package dev.asgd.report.reproduce.level;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.fokkerplanck.study.FokkerPlanckRates;

/**
 * The Fokker-Planck spectral gap for the experiments that still call it by this name: each method
 * is asgd-fokkerplanck's {@link FokkerPlanckRates}, nothing is computed here.
 */
public final class FokkerPlanckLevel {
    private FokkerPlanckLevel() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param perturbation the loss perturbation
     * @return {@link FokkerPlanckRates#spectralGap(double, double, double, double, Perturbation)}
     */
    public static double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation) {
        return FokkerPlanckRates.spectralGap(eta, kappa, omega0, sigma, perturbation);
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param perturbation the loss perturbation
     * @param degree the Hermite truncation degree
     * @return {@link FokkerPlanckRates#spectralGap(double, double, double, double, Perturbation, int)}
     */
    public static double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation,
            int degree) {
        return FokkerPlanckRates.spectralGap(eta, kappa, omega0, sigma, perturbation, degree);
    }
}
