package dev.asgd.training.engine;

import java.util.List;

/**
 * Everything needed to continue a run after a crash: the parameters and their version, the
 * optimizer state (empty for the policies here, kept for stateful ones), the workers' stream
 * positions (a worker's minibatch stream is a function of its step, so the step is its RNG
 * state), the staleness histograms, the metric series so far and the wall time spent.
 *
 * @param fingerprint the run's {@link TrainingConfig#fingerprint()}
 * @param version the version of {@code params}
 * @param params the parameters
 * @param optimizerState the policy's state (empty when stateless)
 * @param workerSteps per worker, its next minibatch step
 * @param histograms per worker, its staleness histogram
 * @param series the metrics so far
 * @param seconds wall time spent so far
 */
public record Checkpoint(String fingerprint, long version, double[] params, double[] optimizerState, long[] workerSteps,
        long[][] histograms, List<MetricPoint> series, double seconds) {
    /** Copies the list. */
    public Checkpoint {
        series = List.copyOf(series);
    }
}
