package dev.asgd.report.reproduce.level;

import dev.asgd.simulation.study.MonteCarloDecay;

/**
 * Monte Carlo ASGD's second-moment decay for the experiments that still call it by this name:
 * asgd-simulation's {@link MonteCarloDecay}, nothing is computed here.
 */
public final class MonteCarloLevel {
    private MonteCarloLevel() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param runs chains
     * @param seed seed
     * @param threads threads (the result does not depend on them)
     * @return {@link MonteCarloDecay#secondMomentDecayPerStep}
     */
    public static Estimate secondMomentDecayPerStep(double eta, double kappa, double omega0, int runs, long seed,
            int threads) {
        MonteCarloDecay.Estimate e = MonteCarloDecay.secondMomentDecayPerStep(eta, kappa, omega0, runs, seed, threads);
        return new Estimate(e.value(), e.exact());
    }

    /**
     * A Monte Carlo decay exponent and the exact one it estimates ({@link MonteCarloDecay.Estimate}).
     *
     * @param value the ensemble's exponent per step
     * @param exact the exact second-moment exponent per step
     */
    public record Estimate(double value, double exact) {
    }
}
