package dev.asgd.training.engine;

/**
 * How the workers' minibatch gradients are computed: in this JVM ({@link LocalGradientComputer},
 * the threads engine) or elsewhere, e.g. as jobs on a cluster (the Spark engine). The worker loop,
 * the sync rounds ({@link WorkerLoop}) and replay ({@link ReplayEngine}) are written once against
 * this interface; an engine supplies only its computer and its own lifecycle.
 *
 * <p>A gradient is a pure function of (seed, worker, step, parameters): computed twice (a retried
 * remote task), it has the same bits.
 */
public interface GradientComputer {
    /**
     * One driver thread's use of the computer, made on that thread and used by it only: it may hold
     * the thread's buffers (a gradient it returns is then valid until its next call) or settings (a
     * cluster's job group).
     */
    interface Caller {
        /**
         * @param worker the worker
         * @param step its minibatch step
         * @param readVersion the version of {@code params}
         * @param params the parameters read (not modified)
         * @param keepRead whether the gradient should carry {@code params} (delay compensation)
         * @return the gradient
         */
        Gradient compute(int worker, long step, long readVersion, double[] params, boolean keepRead);

        /**
         * A whole sync round in one call (computers that {@link GradientComputer#computesWholeRounds()}):
         * every worker's gradient at the same parameters, its minibatch step the round's version.
         *
         * @param version the round's version, the version of {@code params}
         * @param params the parameters read (not modified)
         * @param keepRead whether the gradients should carry {@code params}
         * @param out receives worker w's gradient at index w
         */
        default void computeRound(long version, double[] params, boolean keepRead, Gradient[] out) {
            throw new UnsupportedOperationException("this computer computes one worker's gradient per call");
        }
    }

    /**
     * @param role the calling thread's role ({@code worker-W}, {@code sync} or {@code replay}), which
     *     may name its work (e.g. a cluster's scheduler pool)
     * @return the computer as used by the calling thread
     */
    Caller caller(String role);

    /**
     * @return true when one call computes a whole sync round ({@link Caller#computeRound}, e.g. one
     *     cluster job over every worker's shard) on one driver thread; false (the default) when each
     *     worker's own thread computes its gradient of the round and the workers meet at a barrier
     */
    default boolean computesWholeRounds() {
        return false;
    }

    /** Cancels the computations under way (a worker failed, the run is stopped); by default there is nothing to cancel. */
    default void cancel() {
    }

    /**
     * @param failure the failure a worker's thread (or a background evaluation) ended the run with
     * @return the failure to report, e.g. the cluster's timeout that caused it; by default {@code failure}
     */
    default Throwable cause(Throwable failure) {
        return failure;
    }
}
