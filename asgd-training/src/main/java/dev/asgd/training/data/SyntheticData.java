package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Synthetic problems with known generating parameters. Features are i.i.d. N(0, 1); the true
 * weights w* are N(0, scale^2 / d) per entry with intercept 0.5:
 * <ul>
 * <li>{@code least-squares}: y = x . w* + b* + noise N(0, 1) (the empirical optimum is exact, see
 *     the least-squares problem);</li>
 * <li>{@code logistic}: y ~ Bernoulli(1 / (1 + exp(-(x . w* + b*))));</li>
 * <li>{@code softmax}: y ~ Categorical(softmax(W* x + b*)) over {@code classes} classes.</li>
 * </ul>
 * The sparse kinds ({@link #generateSparse}) store each row in CSR form with k = max(1,
 * round(density d)) non-zeros N(0, 1) at k distinct uniformly random positions; w* is then
 * N(0, scale^2 / k) per entry, so that a score x . w* has the same spread as in the dense kinds:
 * <ul>
 * <li>{@code sparse-least-squares}: y = x . w* + b* + noise N(0, noise^2);</li>
 * <li>{@code sparse-logistic}: y ~ Bernoulli(1 / (1 + exp(-(x . w* + b*)))), w* of scale 3 (times
 *     {@code noise}, 1 by default).</li>
 * </ul>
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** The kinds of synthetic data. */
    public enum Kind {
        /** Linear targets with Gaussian noise. */
        LEAST_SQUARES("least-squares"),
        /** Binary labels from a logistic model. */
        LOGISTIC("logistic"),
        /** Class labels from a softmax model. */
        SOFTMAX("softmax"),
        /** Linear targets with Gaussian noise, sparse rows. */
        SPARSE_LEAST_SQUARES("sparse-least-squares"),
        /** Binary labels from a logistic model, sparse rows. */
        SPARSE_LOGISTIC("sparse-logistic");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the spec name */
        public String label() {
            return label;
        }

        /** @return true for the kinds with sparse rows ({@link #generateSparse}) */
        public boolean sparse() {
            return this == SPARSE_LEAST_SQUARES || this == SPARSE_LOGISTIC;
        }
    }

    /**
     * @param d features
     * @param density share of non-zeros per row, in (0, 1]
     * @return the stored entries per row of {@link #generateSparse}, max(1, round(density d))
     */
    public static int nonZerosPerRow(int d, double density) {
        return (int) Math.max(1, Math.min(d, Math.round(density * d)));
    }

    /**
     * Sparse rows (CSR, indices increasing within a row) with a known generating weight vector.
     *
     * @param kind {@link Kind#SPARSE_LEAST_SQUARES} or {@link Kind#SPARSE_LOGISTIC}
     * @param n rows
     * @param d features
     * @param density share of non-zeros per row, in (0, 1]
     * @param noise label noise of least squares, or weight scale factor of logistic
     * @param rng the stream
     * @return the rows (a {@link SparseDataset}) and w* in the matching problem's layout (d weights, then the intercept 0.5)
     */
    public static TrainTest generateSparse(Kind kind, int n, int d, double density, double noise,
            UniformRandomProvider rng) {
        if (!kind.sparse()) {
            throw new InvalidParameterException("data", kind.label(), "a sparse kind (sparse-least-squares, sparse-logistic)");
        }
        Require.atLeast(n, 2, "n");
        Require.atLeast(d, 1, "d");
        Require.nonNegativeFinite(noise, "noise");
        if (!(density > 0 && density <= 1)) {
            throw new InvalidParameterException("density", density, "a share of non-zeros in (0, 1]");
        }
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int k = nonZerosPerRow(d, density);
        double scale = kind == Kind.SPARSE_LEAST_SQUARES ? 1 : 3 * noise;
        double[] w = new double[d + 1];
        for (int j = 0; j < d; j++) {
            w[j] = scale * g.sample() / Math.sqrt(k);
        }
        w[d] = 0.5;
        int[] start = new int[n + 1];
        int[] index = new int[Math.multiplyExact(n, k)];
        double[] value = new double[index.length];
        double[] y = new double[n];
        boolean[] taken = new boolean[d];
        int[] row = new int[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                int j;
                do {
                    j = rng.nextInt(d);
                } while (taken[j]);
                taken[j] = true;
                row[c] = j;
            }
            Arrays.sort(row);
            int at = i * k;
            double s = w[d];
            for (int c = 0; c < k; c++) {
                taken[row[c]] = false;
                double v = g.sample();
                index[at + c] = row[c];
                value[at + c] = v;
                s += v * w[row[c]];
            }
            start[i + 1] = at + k;
            y[i] = kind == Kind.SPARSE_LEAST_SQUARES ? s + noise * g.sample()
                    : rng.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
        }
        return new TrainTest(new SparseDataset(start, index, value, y, d), null, w);
    }

    /**
     * @param kind the model generating the labels
     * @param n rows
     * @param d features
     * @param classes classes (softmax only)
     * @param noise label noise of least squares, or weight scale of the classifiers
     * @param rng the stream
     * @return the rows and, in {@link TrainTest#trueWeights()} layout of the matching problem, w*
     */
    public static TrainTest generate(Kind kind, int n, int d, int classes, double noise, UniformRandomProvider rng) {
        Require.atLeast(n, 2, "n");
        Require.atLeast(d, 1, "d");
        Require.nonNegativeFinite(noise, "noise");
        if (kind.sparse()) {
            throw new InvalidParameterException("data", kind.label(), "a dense kind (least-squares, logistic, softmax)");
        }
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int k = kind == Kind.SOFTMAX ? Require.atLeast(classes, 2, "classes") : 1;
        double scale = kind == Kind.LEAST_SQUARES ? 1 : 3;
        double[] w = new double[k * (d + 1)];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                w[c * (d + 1) + j] = scale * g.sample() / Math.sqrt(d);
            }
            w[c * (d + 1) + d] = kind == Kind.SOFTMAX ? 0.5 * g.sample() : 0.5;
        }
        double[] x = new double[n * d];
        double[] y = new double[n];
        double[] z = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = g.sample();
            }
            for (int c = 0; c < k; c++) {
                double s = w[c * (d + 1) + d];
                for (int j = 0; j < d; j++) {
                    s += x[i * d + j] * w[c * (d + 1) + j];
                }
                z[c] = s;
            }
            switch (kind) {
                case LEAST_SQUARES:
                    y[i] = z[0] + noise * g.sample();
                    break;
                case LOGISTIC:
                    y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z[0])) ? 1 : 0;
                    break;
                default:
                    y[i] = sampleSoftmax(z, rng);
                    break;
            }
        }
        return new TrainTest(new DenseDataset(x, y, d), null, w);
    }

    private static int sampleSoftmax(double[] z, UniformRandomProvider rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double u = rng.nextDouble() * sum;
        for (int c = 0; c < z.length; c++) {
            u -= Math.exp(z[c] - max);
            if (u < 0) {
                return c;
            }
        }
        return z.length - 1;
    }
}
