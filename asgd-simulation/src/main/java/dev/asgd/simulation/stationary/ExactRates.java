package dev.asgd.simulation.stationary;

import dev.asgd.theory.moments.ExactMoments;

/**
 * The exact asymptotic per-step rates of discrete ASGD beside a fitted one.
 *
 * @param secondMomentFactorPerStep rho_2, the second moment's spectral radius
 * @param secondMomentLogPerStep ln rho_2
 * @param meanContractionPerStep the mean's per-step contraction
 */
public record ExactRates(double secondMomentFactorPerStep, double secondMomentLogPerStep,
        double meanContractionPerStep) {
    /**
     * @param exact the exact moments
     * @return their rates
     */
    public static ExactRates of(ExactMoments exact) {
        double rho2 = exact.secondMomentRate();
        return new ExactRates(rho2, Math.log(rho2), exact.meanRate());
    }
}
