package dev.asgd.report.reproduce.level;

import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.DiscreteMeanSpectrum;

/**
 * Discrete ASGD's mean for the experiments that still call it by this name: each method is the
 * library's ({@link DiscreteMeanRate}, {@link DiscreteMeanSpectrum}), nothing is computed here.
 */
public final class DiscreteLevel {
    private DiscreteLevel() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return {@link DiscreteMeanRate#contractionPerStep}
     */
    public static double contraction(double eta, double kappa, double omega0) {
        return DiscreteMeanRate.contractionPerStep(eta, kappa, omega0);
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return {@link DiscreteMeanSpectrum#companion}
     */
    public static DiscreteMeanSpectrum.Spectrum companion(double eta, double kappa, double omega0) {
        return DiscreteMeanSpectrum.companion(eta, kappa, omega0);
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param steps the horizon K
     * @return {@link DiscreteMeanSpectrum#bruteForceContraction}
     */
    public static double bruteForceContraction(double eta, double kappa, double omega0, int steps) {
        return DiscreteMeanSpectrum.bruteForceContraction(eta, kappa, omega0, steps);
    }
}
