package dev.asgd.simulation;

import dev.asgd.core.NumericalDivergenceException;

/** Runs whole chains into a block's statistics; one instance per thread. */
interface ChainWorker {
    /**
     * @param chain the chain index (its stream)
     * @param stats where its records go
     */
    void run(long chain, EnsembleStatistics stats);

    /**
     * Runs chains from..to-1 in index order (their records reach the statistics in chain order).
     *
     * @param from first chain
     * @param to one past the last chain
     * @param stats the block's statistics
     */
    default void runBlock(long from, long to, EnsembleStatistics stats) {
        for (long c = from; c < to; c++) {
            run(c, stats);
        }
    }

    /**
     * The error every runner throws when a chain leaves the bound or the finite numbers.
     *
     * @param step the step reached (k + 1)
     * @param chain the chain index
     * @param theta the coordinate's value
     * @param bound the divergence bound
     * @return the exception naming step, chain, value and reason
     */
    static NumericalDivergenceException diverged(long step, long chain, double theta, double bound) {
        return new NumericalDivergenceException(step, "chain " + chain, theta,
                Double.isFinite(theta) ? "|theta - theta*| > " + bound : "not finite");
    }

    /**
     * @param config the run
     * @return the fastest worker for its model
     */
    static ChainWorker of(SimulationConfig config) {
        if (GeometricScalarRunner.applies(config)) {
            return new GeometricScalarRunner(config);
        }
        if (ScalarInterleavedRunner.applies(config)) {
            return new ScalarInterleavedRunner(config);
        }
        return QuadraticChainRunner.applies(config) ? new QuadraticChainRunner(config) : new ChainRunner(config);
    }
}
