package dev.asgd.training.problem;

import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.SparseDataset;

/**
 * A differentiable training loss of a linear model over a dataset. Parameters are laid out in
 * blocks of d + 1 (the weights of one output, then its intercept). Implementations are stateless
 * and thread-safe.
 */
public interface Problem {
    /** @return the name, e.g. {@code "least-squares"} */
    String name();

    /** @return the number of parameters */
    int dimension();

    /** @return the L2 coefficient lambda */
    double l2();

    /**
     * The minibatch gradient.
     *
     * @param w parameters (not modified)
     * @param data the rows
     * @param batch row indices of the minibatch (repeats allowed)
     * @param g output: the mean gradient over the batch plus lambda w, overwritten
     * @return the mean loss over the batch (without the penalty)
     */
    double gradient(double[] w, Dataset data, int[] batch, double[] g);

    /**
     * @return true when {@link #supportGradient} is available: a single-output problem without a
     *     penalty (whose gradient is then zero off the minibatch's support)
     */
    default boolean hasSupportGradient() {
        return false;
    }

    /**
     * The minibatch gradient on sparse rows restricted to the minibatch's support (the intercept
     * included): O(stored entries of the batch), no work proportional to d. It has the bits of
     * {@link #gradient} at the support's coordinates (the same operations in the same order); the
     * gradient is exactly 0 elsewhere.
     *
     * @param wSupport the weights at the support's coordinates in slot order, then the intercept
     *     (at index {@code support.size()})
     * @param data the rows
     * @param batch row indices of the minibatch (repeats allowed)
     * @param support the minibatch's support, {@linkplain SparseSupport#collect collected}
     * @param g output in the layout of {@code wSupport}: its first {@code support.size() + 1}
     *     entries are overwritten
     * @return the mean loss over the batch
     * @throws UnsupportedOperationException unless {@link #hasSupportGradient()}
     */
    default double supportGradient(double[] wSupport, SparseDataset data, int[] batch, SparseSupport support,
            double[] g) {
        throw new UnsupportedOperationException(name() + " has no support gradient");
    }

    /**
     * @param w parameters
     * @param data the rows
     * @return the mean loss over all rows plus the penalty
     */
    double loss(double[] w, Dataset data);

    /**
     * @param w parameters
     * @param data the rows
     * @return the share of rows classified correctly, NaN for regression
     */
    double accuracy(double[] w, Dataset data);

    /**
     * Loss and accuracy in one call (dense problems score the rows once for both).
     *
     * @param w parameters
     * @param data the rows
     * @return {@code {loss(w, data), accuracy(w, data)}}
     */
    default double[] lossAndAccuracy(double[] w, Dataset data) {
        return new double[] {loss(w, data), accuracy(w, data)};
    }

    /**
     * Adds the penalty's gradient lambda w (weights only) to g.
     *
     * @param w parameters
     * @param g gradient
     * @param d features per block
     * @param l2 lambda
     */
    static void addPenaltyGradient(double[] w, double[] g, int d, double l2) {
        if (l2 == 0) {
            return;
        }
        for (int i = 0; i < w.length; i++) {
            if (i % (d + 1) != d) {
                g[i] += l2 * w[i];
            }
        }
    }

    /**
     * @param w parameters
     * @param d features per block
     * @param l2 lambda
     * @return (lambda / 2) |w|^2 over the weights
     */
    static double penalty(double[] w, int d, double l2) {
        if (l2 == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (i % (d + 1) != d) {
                s += w[i] * w[i];
            }
        }
        return 0.5 * l2 * s;
    }
}
