package dev.asgd.spark;

import java.io.Serializable;

/**
 * A task's result, sent back to the driver: the minibatch gradient of one partition.
 *
 * @param partition the partition (= the worker)
 * @param step the minibatch step
 * @param readVersion the version of the parameters it was computed at
 * @param values the gradient
 * @param batchLoss the minibatch's mean loss
 */
record TaskGradient(int partition, long step, long readVersion, double[] values, double batchLoss)
        implements Serializable {
}
