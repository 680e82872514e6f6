package dev.asgd.simulation;

/**
 * How fast a simulation ran.
 *
 * @param seconds wall time of the simulation loop (streams, steps and statistics)
 * @param memberSteps N K
 * @param memberStepsPerSecond N K / seconds
 * @param threads worker threads used
 * @param historyLag L, the lags kept per chain (longer lags are clipped)
 * @param blockSize chains per block (fixed, independent of the thread count)
 */
public record Performance(double seconds, long memberSteps, double memberStepsPerSecond, int threads, int historyLag,
        int blockSize) {
}
