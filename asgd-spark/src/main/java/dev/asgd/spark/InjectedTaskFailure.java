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

    /** Salt of the per-attempt failure streams of executor workers. */
    private static final long ATTEMPT_SALT = 0x2545F4914F6CDD1DL;

    /**
     * Whether and when a long-running worker task's attempt fails: each attempt but the last one the
     * master allows fails with probability p, after sending its k-th gradient (before reading the
     * answer), k uniform in 1..horizon; decided by a hash of (seed, partition, attempt), so a run fails
     * the same attempts every time and the last attempt always finishes.
     *
     * @param seed the run's seed
     * @param partition the partition (worker)
     * @param attempt the attempt number (0 first)
     * @param p the probability
     * @param attempts the attempts a task gets (spark.task.maxFailures, or F of local[N,F])
     * @param horizon the largest k (e.g. half a worker's share of the updates)
     * @return k, or -1 when the attempt does not fail
     */
    static long failAfter(long seed, int partition, int attempt, double p, int attempts, long horizon) {
        if (p <= 0 || attempt >= attempts - 1) {
            return -1;
        }
        long h = dev.asgd.training.engine.MinibatchSampler.streamSeed(seed ^ ATTEMPT_SALT, partition, attempt);
        if ((h >>> 11) * 0x1.0p-53 >= p) {
            return -1;
        }
        long k = dev.asgd.training.engine.MinibatchSampler.streamSeed(seed ^ SALT, partition, attempt);
        return 1 + Long.remainderUnsigned(k, Math.max(1, horizon));
    }
}
