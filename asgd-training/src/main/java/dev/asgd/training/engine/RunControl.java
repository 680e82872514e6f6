package dev.asgd.training.engine;

/**
 * What the driver's worker threads ({@link WorkerLoop#runThreads}) may ask of the work they wait
 * on when the run fails: cancel it, and name the failure to report.
 */
public interface RunControl {
    /** Cancels the work under way (a worker failed, the run is stopped); by default there is nothing to cancel. */
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
