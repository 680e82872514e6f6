package dev.asgd.simulation;

/** Runs whole chains into a block's statistics; one instance per thread. */
interface ChainWorker {
    /**
     * @param chain the chain index (its stream)
     * @param stats where its records go
     */
    void run(long chain, EnsembleStatistics stats);

    /**
     * @param config the run
     * @return the fastest worker for its model
     */
    static ChainWorker of(SimulationConfig config) {
        return QuadraticChainRunner.applies(config) ? new QuadraticChainRunner(config) : new ChainRunner(config);
    }
}
