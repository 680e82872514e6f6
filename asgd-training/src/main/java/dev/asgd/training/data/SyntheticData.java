package dev.asgd.training.data;

import dev.asgd.core.Require;
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
        SOFTMAX("softmax");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the spec name */
        public String label() {
            return label;
        }
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
