package dev.asgd.training.engine;

/**
 * Schedules workers around a {@link TrainingSession}. The session holds everything on the
 * driver's side (the parameter server, the policy, the staleness log, the schedule recorder,
 * checkpoints, metrics); an engine only decides where and when gradients are computed:
 * <ul>
 * <li>read: {@code session.server().read(buffer)} gives the parameters and their version;</li>
 * <li>compute: a {@link GradientComputer} (this JVM's is {@code session.computer()}) gives the
 *     gradient of (worker, step) at the parameters read, a pure function of (seed, worker, step,
 *     parameters), so a retried remote task returns the same bits;</li>
 * <li>apply: {@code session.server().apply(gradient)} exactly once per gradient, on the driver.</li>
 * </ul>
 * Worker w's first step is {@code session.firstStep(w)} (non-zero after a resume). The loops that
 * do this for async, ssp and sync runs ({@link WorkerLoop}) and for replay ({@link ReplayEngine})
 * take the computer as a parameter: an engine supplies the computer and its own lifecycle.
 */
public interface Engine {
    /** @return the engine's name, e.g. {@code "threads"} */
    String name();

    /**
     * Runs until the server reaches its target version.
     *
     * @param session the run's driver-side state
     * @return the result
     * @throws InterruptedException when interrupted
     */
    RunResult run(TrainingSession session) throws InterruptedException;
}
