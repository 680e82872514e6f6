package dev.asgd.training.engine;

/**
 * The metrics at one version.
 *
 * @param update the version (number of updates applied)
 * @param seconds wall time since the start of the run (resumed runs continue the clock)
 * @param trainLoss loss on the training rows (a fixed subset of at most the evaluation size)
 * @param testLoss loss on the held-out rows, NaN without a test set
 * @param testAccuracy accuracy on the held-out rows, NaN for regression or without a test set
 * @param meanStaleness mean staleness of the updates since the previous point, NaN if none
 */
public record MetricPoint(long update, double seconds, double trainLoss, double testLoss, double testAccuracy,
        double meanStaleness) {
}
