package dev.asgd.training.problem;

import dev.asgd.training.data.SparseDataset;
import java.util.Arrays;

/**
 * The support gradient of a linear model with an intercept, loss l(s, y) of the score
 * s = x . w + b: the score of each minibatch row from the weights at its non-zeros, then its
 * derivative dl/ds added back onto those non-zeros and the intercept. Least squares and logistic
 * regression differ only in their {@link Link}.
 */
final class LinearSupportGradient {
    private LinearSupportGradient() {
    }

    /** The loss of one row as a function of its score, and its derivative. */
    interface Link {
        /**
         * @param s the row's score
         * @param y its label
         * @return the row's loss
         */
        double loss(double s, double y);

        /**
         * @param s the row's score
         * @param y its label
         * @return dl/ds
         */
        double slope(double s, double y);
    }

    /**
     * @param problem the model (its name for the error)
     * @param l2 its ridge penalty: the support gradient exists only without one (a penalty touches every
     *     weight at every update, which is what a support gradient avoids)
     * @param link the model's loss
     * @param wSupport the weights at the support's slots, then the intercept
     * @param data the rows
     * @param batch the minibatch's rows
     * @param support the minibatch's support
     * @param g receives the mean gradient in the layout of {@code wSupport}
     * @return the mean loss over the batch
     * @throws UnsupportedOperationException when {@code l2 != 0} ({@link Problem#hasSupportGradient()} is false)
     */
    static double compute(Problem problem, double l2, Link link, double[] wSupport, SparseDataset data, int[] batch,
            SparseSupport support, double[] g) {
        if (l2 != 0) {
            throw new UnsupportedOperationException(problem.name() + " with an L2 penalty has no support gradient");
        }
        int m = support.size();
        Arrays.fill(g, 0, m + 1, 0);
        double b = wSupport[m];
        double loss = 0;
        double inv = 1.0 / batch.length;
        for (int i : batch) {
            int from = data.rowStart(i);
            int to = data.rowEnd(i);
            double s = 0;
            for (int k = from; k < to; k++) {
                s += data.valueAt(k) * wSupport[support.slot(data.indexAt(k))];
            }
            s += b;
            double y = data.label(i);
            loss += link.loss(s, y);
            double r = link.slope(s, y) * inv;
            for (int k = from; k < to; k++) {
                g[support.slot(data.indexAt(k))] += r * data.valueAt(k);
            }
            g[m] += r;
        }
        return loss * inv;
    }
}
