package dev.asgd.training.problem;

import dev.asgd.core.Require;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
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
        if (data instanceof DenseDataset dense) {
            return denseGradient(w, dense, batch, g);
        }
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

    /** The dense fast path: gathered rows, blocked scores, vectorised per-class accumulation. */
    private double denseGradient(double[] w, DenseDataset data, int[] batch, double[] g) {
        int n = batch.length;
        DenseKernels.Scratch s = DenseKernels.scratch();
        double[][] rows = DenseKernels.gather(s, data, batch, 0, n);
        double[] z = s.z(n * k);
        DenseKernels.scores(s, rows, n, d, w, k, z);
        double inv = 1.0 / n;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int y = (int) data.label(batch[i]);
            loss += softmaxInPlace(z, i * k, y);
            for (int c = 0; c < k; c++) {
                z[i * k + c] = (z[i * k + c] - (c == y ? 1 : 0)) * inv;
            }
        }
        int p = d + 1;
        DenseKernels.gradients(s, rows, n, z, k, g, d);
        for (int c = 0; c < k; c++) {
            double b = 0;
            for (int i = 0; i < n; i++) {
                b += z[i * k + c];
            }
            g[c * p + d] = b;
        }
        Problem.addPenaltyGradient(w, g, d, l2);
        return loss * inv;
    }

    /**
     * Turns the scores z[at..at+k-1] into probabilities and returns the loss of label y. The shift
     * is the largest score by a plain comparison (a conditional move; {@link Math#max}'s NaN and
     * signed-zero handling cost a long dependency chain here): for finite scores the same bits (a
     * shift of -0 or +0 changes no exp and no sum), and a NaN score still gives a NaN loss.
     */
    private double softmaxInPlace(double[] z, int at, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double v = z[at + c];
            max = v > max ? v : max;
        }
        double sy = z[at + y];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(z[at + c] - max);
            z[at + c] = e;
            sum += e;
        }
        for (int c = 0; c < k; c++) {
            z[at + c] /= sum;
        }
        return Math.log(sum) + max - sy;
    }

    /**
     * Loss sum and correct count over a dense dataset in blocks of rows (one pass for both).
     *
     * @return {sum of the rows' losses, rows classified correctly}
     */
    private double[] denseLossAndRight(double[] w, DenseDataset data) {
        DenseKernels.Scratch s = DenseKernels.scratch();
        int nAll = data.size();
        double sumLoss = 0;
        int right = 0;
        for (int from = 0; from < nAll; from += DenseKernels.BLOCK) {
            int n = Math.min(DenseKernels.BLOCK, nAll - from);
            double[][] rows = DenseKernels.gatherRange(s, data, from, n);
            double[] z = s.z(n * k);
            DenseKernels.scores(s, rows, n, d, w, k, z);
            for (int i = 0; i < n; i++) {
                int y = (int) data.label(from + i);
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    if (z[i * k + c] > bestScore) {
                        bestScore = z[i * k + c];
                        best = c;
                    }
                }
                if (best == y) {
                    right++;
                }
                sumLoss += softmaxInPlace(z, i * k, y);
            }
        }
        return new double[] {sumLoss, right};
    }

    @Override
    public double[] lossAndAccuracy(double[] w, Dataset data) {
        if (data instanceof DenseDataset dense) {
            double[] r = denseLossAndRight(w, dense);
            return new double[] {r[0] / data.size() + Problem.penalty(w, d, l2), r[1] / data.size()};
        }
        return new double[] {loss(w, data), accuracy(w, data)};
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
        if (data instanceof DenseDataset dense) {
            return denseLossAndRight(w, dense)[0] / data.size() + Problem.penalty(w, d, l2);
        }
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            s += probabilities(w, data, i, p, (int) data.label(i));
        }
        return s / data.size() + Problem.penalty(w, d, l2);
    }

    @Override
    public double accuracy(double[] w, Dataset data) {
        if (data instanceof DenseDataset dense) {
            return denseLossAndRight(w, dense)[1] / data.size();
        }
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
