package dev.asgd.theory.sampled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The exact recursion against the enumeration of every (row, lag) path. */
class SampledMomentsBruteForceTest {

    /** n = 3, p = 2 (slope and intercept), B = 1, pmf on {0, 1}: all 6^k paths, k &lt;= 6, to 1e-12. */
    @Test
    void recursionMatchesEveryPathForBatchOne() {
        double[] rows = {0.7, 1, -1.3, 1, 2.1, 1};
        double[] grads = {0.4, -0.2, -0.5, 0.3, 0.1, -0.1};
        double[] penalty = {0.05, 0};
        double eta = 0.3;
        double[] pmf = {0.6, 0.4};
        double[] u0 = {1.2, -0.8};
        check(rows, grads, penalty, 1, eta, pmf, u0, 6);
    }

    /** B = 2 with a pmf on {0, 2} (a zero inside the support): all (9 x 2)^k paths, k &lt;= 4. */
    @Test
    void recursionMatchesEveryPathForBatchTwo() {
        double[] rows = {0.7, 1, -1.3, 1, 2.1, 1};
        double[] grads = {0.4, -0.2, -0.5, 0.3, 0.1, -0.1};
        double[] penalty = {0.1, 0.02};
        check(rows, grads, penalty, 2, 0.25, new double[] {0.5, 0, 0.5}, new double[] {-0.5, 1.5}, 4);
    }

    private static void check(double[] rows, double[] grads, double[] penalty, int batch, double eta, double[] pmf,
            double[] u0, int steps) {
        SampledQuadratic model = SampledQuadratic.of(rows, grads, penalty, batch);
        SampledMoments exact = SampledMoments.start(model, eta, pmf, u0);
        for (int k = 1; k <= steps; k++) {
            exact.step();
            BruteForce brute = new BruteForce(rows, grads, penalty, batch, eta, pmf, u0, k);
            double[] m = exact.mean();
            double[] s = exact.secondMoment();
            for (int a = 0; a < 2; a++) {
                assertThat(m[a]).as("mean %d at step %d", a, k).isCloseTo(brute.mean[a], within(1e-12));
                for (int b = 0; b < 2; b++) {
                    assertThat(s[a * 2 + b]).as("second moment %d%d at step %d", a, b, k)
                            .isCloseTo(brute.second[a * 2 + b], within(1e-12));
                }
            }
            assertThat(exact.steps()).isEqualTo(k);
        }
    }

    /** Enumerates every sequence of minibatches and lags for k steps (centred gradients, as the model). */
    static final class BruteForce {
        final double[] mean = new double[2];
        final double[] second = new double[4];
        private final double[] rows;
        private final double[] grads;
        private final double[] penalty;
        private final int batch;
        private final double eta;
        private final double[] pmf;
        private final int n;

        BruteForce(double[] rows, double[] grads, double[] penalty, int batch, double eta, double[] pmf, double[] u0,
                int steps) {
            this.rows = rows;
            this.penalty = penalty;
            this.batch = batch;
            this.eta = eta;
            this.pmf = pmf;
            this.n = rows.length / 2;
            double[] c = grads.clone();
            for (int a = 0; a < 2; a++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += grads[i * 2 + a];
                }
                for (int i = 0; i < n; i++) {
                    c[i * 2 + a] -= s / n;
                }
            }
            this.grads = c;
            double[][] hist = new double[steps + 1][];
            hist[0] = u0.clone();
            walk(hist, 0, steps, 1.0);
        }

        private void walk(double[][] hist, int k, int steps, double weight) {
            if (k == steps) {
                double[] u = hist[k];
                for (int a = 0; a < 2; a++) {
                    mean[a] += weight * u[a];
                    for (int b = 0; b < 2; b++) {
                        second[a * 2 + b] += weight * u[a] * u[b];
                    }
                }
                return;
            }
            int combos = (int) Math.pow(n, batch);
            for (int lag = 0; lag < pmf.length; lag++) {
                if (pmf[lag] == 0) {
                    continue;
                }
                double[] read = hist[Math.max(0, k - lag)];
                for (int combo = 0; combo < combos; combo++) {
                    double[] g = new double[2];
                    int code = combo;
                    for (int b = 0; b < batch; b++) {
                        int i = code % n;
                        code /= n;
                        double zu = rows[i * 2] * read[0] + rows[i * 2 + 1] * read[1];
                        for (int a = 0; a < 2; a++) {
                            g[a] += (rows[i * 2 + a] * zu + penalty[a] * read[a] + grads[i * 2 + a]) / batch;
                        }
                    }
                    double[] next = {hist[k][0] - eta * g[0], hist[k][1] - eta * g[1]};
                    hist[k + 1] = next;
                    walk(hist, k + 1, steps, weight * pmf[lag] / combos);
                }
            }
        }
    }
}
