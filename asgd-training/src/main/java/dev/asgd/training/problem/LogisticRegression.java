package dev.asgd.training.problem;

import dev.asgd.core.Require;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.SparseDataset;
import java.util.Arrays;

/**
 * Binary logistic regression with intercept: labels &gt; 0 are the positive class,
 * f = (1/n) sum_i [log(1 + exp(s_i)) - t_i s_i] + (lambda / 2) |w|^2 with s_i = x_i . w + b and
 * t_i in {0, 1}. The log-sum is computed without overflow.
 */
public final class LogisticRegression implements Problem {
    private final int d;
    private final double l2;

    /**
     * @param features d
     * @param l2 lambda >= 0
     */
    public LogisticRegression(int features, double l2) {
        this.d = Require.atLeast(features, 1, "features");
        this.l2 = Require.nonNegativeFinite(l2, "l2");
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public int dimension() {
        return d + 1;
    }

    @Override
    public double l2() {
        return l2;
    }

    @Override
    public double gradient(double[] w, Dataset data, int[] batch, double[] g) {
        if (data instanceof DenseDataset dense) {
            return denseGradient(w, dense, batch, g);
        }
        Arrays.fill(g, 0);
        double loss = 0;
        double inv = 1.0 / batch.length;
        for (int i : batch) {
            double s = data.dot(i, w, 0) + w[d];
            double t = data.label(i) > 0 ? 1 : 0;
            loss += softplus(s) - t * s;
            double r = (sigmoid(s) - t) * inv;
            data.addScaled(i, r, g, 0);
            g[d] += r;
        }
        Problem.addPenaltyGradient(w, g, d, l2);
        return loss * inv;
    }

    /** The dense fast path: gathered rows, 4-row blocked scores, vectorised accumulation. */
    private double denseGradient(double[] w, DenseDataset data, int[] batch, double[] g) {
        int n = batch.length;
        DenseKernels.Scratch sc = DenseKernels.scratch();
        double[][] rows = DenseKernels.gather(sc, data, batch, 0, n);
        double[] z = sc.z(n);
        DenseKernels.scores(rows, n, d, w, 1, z);
        double inv = 1.0 / n;
        double loss = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            double s = z[i];
            double t = data.label(batch[i]) > 0 ? 1 : 0;
            loss += softplus(s) - t * s;
            z[i] = (sigmoid(s) - t) * inv;
            b += z[i];
        }
        DenseKernels.accumulate(rows, n, z, 1, 0, g, d);
        g[d] = b;
        Problem.addPenaltyGradient(w, g, d, l2);
        return loss * inv;
    }

    @Override
    public boolean hasSupportGradient() {
        return l2 == 0;
    }

    @Override
    public double supportGradient(double[] wSupport, SparseDataset data, int[] batch, SparseSupport support,
            double[] g) {
        if (l2 != 0) {
            throw new UnsupportedOperationException(name() + " with an L2 penalty has no support gradient");
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
            double t = data.label(i) > 0 ? 1 : 0;
            loss += softplus(s) - t * s;
            double r = (sigmoid(s) - t) * inv;
            for (int k = from; k < to; k++) {
                g[support.slot(data.indexAt(k))] += r * data.valueAt(k);
            }
            g[m] += r;
        }
        return loss * inv;
    }

    @Override
    public double loss(double[] w, Dataset data) {
        if (data instanceof DenseDataset dense) {
            double[] z = DenseKernels.scoreAll(dense, w, 1);
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                sum += softplus(z[i]) - (data.label(i) > 0 ? z[i] : 0);
            }
            return sum / data.size() + Problem.penalty(w, d, l2);
        }
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double s = data.dot(i, w, 0) + w[d];
            sum += softplus(s) - (data.label(i) > 0 ? s : 0);
        }
        return sum / data.size() + Problem.penalty(w, d, l2);
    }

    @Override
    public double accuracy(double[] w, Dataset data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean positive = data.dot(i, w, 0) + w[d] > 0;
            if (positive == data.label(i) > 0) {
                right++;
            }
        }
        return right / (double) data.size();
    }

    /** One pass over sparse rows (a score each) for both; dense rows score in blocks twice. */
    @Override
    public double[] lossAndAccuracy(double[] w, Dataset data) {
        if (data instanceof DenseDataset) {
            return new double[] {loss(w, data), accuracy(w, data)};
        }
        double sum = 0;
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            double s = data.dot(i, w, 0) + w[d];
            boolean positive = data.label(i) > 0;
            sum += softplus(s) - (positive ? s : 0);
            if (s > 0 == positive) {
                right++;
            }
        }
        return new double[] {sum / data.size() + Problem.penalty(w, d, l2), right / (double) data.size()};
    }

    /** log(1 + exp(s)) without overflow. */
    static double softplus(double s) {
        return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
    }

    static double sigmoid(double s) {
        if (s >= 0) {
            return 1 / (1 + Math.exp(-s));
        }
        double e = Math.exp(s);
        return e / (1 + e);
    }
}
