package dev.asgd.spark;

/** The failure {@code --inject-task-failures} throws in a task attempt (no stack trace: it is expected). */
final class InjectedTaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedTaskFailure(int partition, long step, int attempt) {
        super("injected failure of partition " + partition + " step " + step + " attempt " + attempt, null, false, false);
    }

    /** Salt of the failure stream, apart from the minibatch streams of the same (seed, partition, step). */
    private static final long SALT = 0x5DEECE66DL;

    /**
     * Whether an attempt fails: only first attempts fail, each with probability p, decided by a hash of
     * (seed, partition, step) so that the same run fails the same tasks and every retry succeeds.
     *
     * @param seed the run's seed
     * @param partition the partition
     * @param step the minibatch step
     * @param attempt the attempt number (0 first)
     * @param p the probability
     * @return whether to throw
     */
    static boolean fails(long seed, int partition, long step, int attempt, double p) {
        if (attempt > 0 || p <= 0) {
            return false;
        }
        long h = dev.asgd.training.engine.MinibatchSampler.streamSeed(seed ^ SALT, partition, step);
        return (h >>> 11) * 0x1.0p-53 < p;
    }
}
