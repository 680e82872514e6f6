package dev.asgd.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The shared flags of commands that run steps: horizon, sampling, seed, ensemble and threads. */
public class RunOptions {
    @Option(names = "--steps", defaultValue = "1000", paramLabel = "K",
            description = "Number of ASGD steps K (default: ${DEFAULT-VALUE}).")
    public long steps;

    @Option(names = "--every", defaultValue = "10", paramLabel = "N",
            description = "Record the series every N steps (default: ${DEFAULT-VALUE}, or --steps when fewer).")
    public long every;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of every random stream (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--runs", defaultValue = "10000", paramLabel = "N",
            description = "Number of independent chains N (default: ${DEFAULT-VALUE}).")
    public int runs;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    public Integer threads;

    /** @return the thread count to use */
    public int threadCount() {
        if (threads != null) {
            dev.asgd.core.Require.atLeast(threads, 1, "threads");
            dev.asgd.core.Limits.atMost("threads", threads, dev.asgd.core.Limits.MAX_THREADS, "one thread each");
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /**
     * Refuses sizes before running: --every at most --steps, the records in the heap, and at most
     * {@link dev.asgd.core.Limits#MAX_MEMBER_STEPS} member-steps.
     *
     * @param d the dimension
     * @param quantiles the number of quantile levels
     */
    public void requireSizes(int d, int quantiles) {
        requireSizes(d, quantiles, 1);
    }

    /**
     * @param d the dimension
     * @param quantiles the number of quantile levels
     * @param substeps integrator steps per step
     */
    public void requireSizes(int d, int quantiles, long substeps) {
        dev.asgd.core.Require.atLeast(steps, 1, "steps");
        dev.asgd.core.Require.atLeast(runs, 1, "runs");
        if (every > steps && !(mixee != null && mixee.commandLine().getParseResult().hasMatchedOption("--every"))) {
            every = steps;
        }
        if (every < 1 || every > steps) {
            throw new dev.asgd.core.InvalidParameterException("every", every, "1 <= every <= steps (" + steps + ")");
        }
        SeriesOutput.requireRecords(steps, every, d, quantiles);
        double work = (double) runs * steps * substeps;
        if (work > dev.asgd.core.Limits.MAX_MEMBER_STEPS) {
            throw new dev.asgd.core.InvalidParameterException("runs", runs, "runs x steps" + (substeps > 1
                    ? " x sub-steps" : "") + " <= " + dev.asgd.core.Limits.sci(dev.asgd.core.Limits.MAX_MEMBER_STEPS)
                    + " member-steps (about an hour at 3e8 per second; this is " + dev.asgd.core.Limits.sci(work)
                    + " with --steps " + steps + ")");
        }
    }
}
