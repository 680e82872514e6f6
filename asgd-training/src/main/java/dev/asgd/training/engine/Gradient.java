package dev.asgd.training.engine;

/**
 * One worker's minibatch gradient, as submitted to the server. Its value depends only on the
 * parameters read, the seed, the worker and the worker's step, never on timing or on a retry.
 *
 * @param worker the worker (-1 for the averaged gradient of a sync round)
 * @param workerStep the worker's gradient counter (its minibatch stream position)
 * @param readVersion the version of the parameters it was computed at
 * @param values the gradient (owned by the gradient from now on)
 * @param batchLoss the minibatch's mean loss
 * @param readParameters the parameters read, or null when the policy does not need them
 */
public record Gradient(int worker, long workerStep, long readVersion, double[] values, double batchLoss,
        double[] readParameters) {
}
