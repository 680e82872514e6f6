package dev.asgd.cli;

import picocli.CommandLine.Option;

/** The shared flags of commands that run steps: horizon, sampling, seed, ensemble and threads. */
public class RunOptions {
    @Option(names = "--steps", defaultValue = "1000", paramLabel = "K",
            description = "Number of ASGD steps K (default: ${DEFAULT-VALUE}).")
    public long steps;

    @Option(names = "--every", defaultValue = "10", paramLabel = "N",
            description = "Record the series every N steps (default: ${DEFAULT-VALUE}).")
    public long every;

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
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
