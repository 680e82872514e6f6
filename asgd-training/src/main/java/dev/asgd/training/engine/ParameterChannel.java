package dev.asgd.training.engine;

/**
 * A worker's view of the parameter server: read the parameters to compute at, push the gradient
 * computed there. {@link WorkerLoop#work} is written once against it and runs in a driver thread
 * over {@link LocalParameterChannel} (the threads engine) or in a cluster task over a remote
 * channel (the Spark engine), whose server side is again a {@link LocalParameterChannel}.
 *
 * <p>The mode lives in the channel: a read blocks while an ssp worker is too far ahead, or while a
 * sync worker's gradient of the current round waits for the others. Updates are identified by
 * (worker, step): a push of a step already applied (a retried task that recomputes it) is
 * acknowledged as {@link Push#DUPLICATE} and changes nothing, so each update is applied exactly once.
 */
public interface ParameterChannel {
    /** What the server did with a pushed gradient. */
    enum Push {
        /** Applied (or, in sync mode, taken into its round). */
        APPLIED,
        /** That (worker, step) was applied before (or the round is over): acknowledged and ignored. */
        DUPLICATE,
        /** The run is over (target reached, stopped): the worker ends. */
        STOP
    }

    /**
     * @param worker the worker
     * @return its next minibatch step: the steps it had applied before (a resume, a retried task)
     */
    long nextStep(int worker);

    /**
     * Blocks as the mode requires (ssp clocks, sync rounds), then gives the parameters to compute at.
     *
     * @param worker the worker
     * @return the current version and its parameters (never modified: do not modify them), or null
     *     when the run is over
     * @throws InterruptedException when interrupted
     */
    ParameterServer.View read(int worker) throws InterruptedException;

    /**
     * @param gradient the worker's gradient of (worker, step) at its read version
     * @return what the server did with it
     * @throws InterruptedException when interrupted
     */
    Push push(Gradient gradient) throws InterruptedException;

    /**
     * The worker's loop ended (its task may be retried later and come back).
     *
     * @param worker the worker
     */
    default void leave(int worker) {
    }
}
