package dev.asgd.training.problem;

import dev.asgd.core.Require;
import dev.asgd.training.data.Dataset;
import java.util.Arrays;

/**
 * Multinomial softmax regression with K classes: parameters are K blocks (w_c, b_c),
 * f = (1/n) sum_i [logsumexp_c s_ic - s_i,y_i] + (lambda / 2) sum_c |w_c|^2 with
 * s_ic = x_i . w_c + b_c. Labels are class indices 0..K-1.
 */
public final class SoftmaxRegression implements Problem {
    private final int d;
    private final int k;
    private final double l2;

    /**
     * @param features d
     * @param classes K >= 2
     * @param l2 lambda >= 0
     */
    public SoftmaxRegression(int features, int classes, double l2) {
        this.d = Require.atLeast(features, 1, "features");
        this.k = Require.atLeast(classes, 2, "classes");
        this.l2 = Require.nonNegativeFinite(l2, "l2");
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public int dimension() {
        return k * (d + 1);
    }

    @Override
    public double l2() {
        return l2;
    }

    /** @return the number of classes */
    public int classes() {
        return k;
    }

    @Override
    public double gradient(double[] w, Dataset data, int[] batch, double[] g) {
        Arrays.fill(g, 0);
        double[] p = new double[k];
        double loss = 0;
        double inv = 1.0 / batch.length;
        for (int i : batch) {
            int y = (int) data.label(i);
            loss += probabilities(w, data, i, p, y);
            for (int c = 0; c < k; c++) {
                double r = (p[c] - (c == y ? 1 : 0)) * inv;
                int off = c * (d + 1);
                data.addScaled(i, r, g, off);
                g[off + d] += r;
            }
        }
        Problem.addPenaltyGradient(w, g, d, l2);
        return loss * inv;
    }

    /** Fills p with the class probabilities of row i and returns the loss of label y. */
    private double probabilities(double[] w, Dataset data, int i, double[] p, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            int off = c * (d + 1);
            p[c] = data.dot(i, w, off) + w[off + d];
            max = Math.max(max, p[c]);
        }
        double sy = p[y];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return Math.log(sum) + max - sy;
    }

    @Override
    public double loss(double[] w, Dataset data) {
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            s += probabilities(w, data, i, p, (int) data.label(i));
        }
        return s / data.size() + Problem.penalty(w, d, l2);
    }

    @Override
    public double accuracy(double[] w, Dataset data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int off = c * (d + 1);
                double s = data.dot(i, w, off) + w[off + d];
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (best == (int) data.label(i)) {
                right++;
            }
        }
        return right / (double) data.size();
    }
}
