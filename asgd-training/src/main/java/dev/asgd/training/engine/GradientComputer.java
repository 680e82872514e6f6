package dev.asgd.training.engine;

/**
 * How the workers' minibatch gradients are computed in a driver thread: in this JVM
 * ({@link LocalGradientComputer}, the threads engine and the executor tasks of the Spark engine)
 * or as a cluster job the thread waits for (the Spark engine's replay). The worker loop
 * ({@link WorkerLoop#work}) and replay ({@link ReplayEngine}) are written once against this interface.
 *
 * <p>A gradient is a pure function of (seed, worker, step, parameters): computed twice (a retried
 * remote task), it has the same bits.
 */
public interface GradientComputer extends RunControl {
    /**
     * One thread's use of the computer, made on that thread and used by it only: it may hold
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
    }

    /**
     * @param role the calling thread's role ({@code worker-W} or {@code replay}), which may name its
     *     work (e.g. a cluster's scheduler pool)
     * @return the computer as used by the calling thread
     */
    Caller caller(String role);
}
