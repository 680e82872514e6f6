package dev.asgd.report.reproduce.level;

/**
 * Monte Carlo ensembles of discrete ASGD: the per-step decay factor of E|theta_k - theta*|^2
 * fitted from an ensemble. Not in this build yet (asgd-simulation, issue 3): every method says so.
 */
public final class MonteCarloLevel {
    /** Whether asgd-simulation is in this build. */
    public static final boolean AVAILABLE = false;

    private MonteCarloLevel() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param runs chains
     * @param seed seed
     * @param threads threads
     * @return the fitted per-step exponent -ln(factor) of E|theta_k|^2, NaN when not available
     */
    public static Estimate secondMomentDecayPerStep(double eta, double kappa, double omega0, int runs, long seed,
            int threads) {
        return Estimate.NONE;
    }

    /**
     * A fitted decay exponent with its standard error.
     *
     * @param value the exponent per step
     * @param stdErr its standard error
     */
    public record Estimate(double value, double stdErr) {
        /** Not computed. */
        public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN);
    }
}
