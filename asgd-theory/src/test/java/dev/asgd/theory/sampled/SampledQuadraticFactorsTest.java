package dev.asgd.theory.sampled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Rows with several Hessian factors ({@link SampledQuadratic#ofFactors}) against every (row, lag) path. */
class SampledQuadraticFactorsTest {
    private static final double[] FACTORS = {0.7, 1, 0.3, -0.4, -1.3, 1, 0.5, 0.9, 2.1, 1, -0.6, 0.2};
    private static final double[] GRADS = {0.4, -0.2, -0.5, 0.3, 0.1, -0.1};

    /** n = 3, p = 2, two factors a row, B = 1 and 2, pmf with a zero inside: to 1e-12. */
    @Test
    void recursionMatchesEveryPath() {
        check(1, new double[] {0.6, 0.4}, 5);
        check(2, new double[] {0.5, 0, 0.5}, 4);
    }

    /** One factor is {@link SampledQuadratic#of}; a second factor of zeros changes nothing. */
    @Test
    void zeroSecondFactorIsTheRankOneModel() {
        double[] rows = {0.7, 1, -1.3, 1, 2.1, 1};
        double[] padded = new double[12];
        for (int i = 0; i < 3; i++) {
            padded[i * 4] = rows[i * 2];
            padded[i * 4 + 1] = rows[i * 2 + 1];
        }
        double[] pen = {0.05, 0};
        SampledQuadratic a = SampledQuadratic.of(rows, GRADS, pen, 2);
        SampledQuadratic b = SampledQuadratic.ofFactors(padded, 2, GRADS, pen, 2);
        double[] pmf = {0.5, 0.3, 0.2};
        assertThat(SampledRates.of(b, pmf).meanSquareEdge())
                .isCloseTo(SampledRates.of(a, pmf).meanSquareEdge(), within(1e-9));
        assertThat(SampledQuadratic.ofFactors(rows, 1, GRADS, pen, 2).hessian()).containsExactly(a.hessian());
    }

    private static void check(int batch, double[] pmf, int steps) {
        double[] pen = {0.1, 0.02};
        double eta = 0.25;
        double[] u0 = {-0.5, 1.5};
        SampledMoments exact = SampledMoments.start(SampledQuadratic.ofFactors(FACTORS, 2, GRADS, pen, batch), eta,
                pmf, u0);
        double[] c = GRADS.clone();
        for (int a = 0; a < 2; a++) {
            double s = (GRADS[a] + GRADS[2 + a] + GRADS[4 + a]) / 3;
            for (int i = 0; i < 3; i++) {
                c[i * 2 + a] -= s;
            }
        }
        for (int k = 1; k <= steps; k++) {
            exact.step();
            double[] mean = new double[2];
            double[] second = new double[4];
            double[][] hist = new double[k + 1][];
            hist[0] = u0;
            walk(hist, 0, k, 1, batch, pmf, eta, pen, c, mean, second);
            double[] m = exact.mean();
            double[] s = exact.secondMoment();
            for (int a = 0; a < 2; a++) {
                assertThat(m[a]).as("mean %d step %d", a, k).isCloseTo(mean[a], within(1e-12));
                for (int b = 0; b < 2; b++) {
                    assertThat(s[a * 2 + b]).as("second %d%d step %d", a, b, k).isCloseTo(second[a * 2 + b],
                            within(1e-12));
                }
            }
        }
    }

    private static void walk(double[][] hist, int k, int steps, double weight, int batch, double[] pmf, double eta,
            double[] pen, double[] c, double[] mean, double[] second) {
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
        int combos = (int) Math.pow(3, batch);
        for (int lag = 0; lag < pmf.length; lag++) {
            if (pmf[lag] == 0) {
                continue;
            }
            double[] read = hist[Math.max(0, k - lag)];
            for (int combo = 0; combo < combos; combo++) {
                double[] g = new double[2];
                int code = combo;
                for (int b = 0; b < batch; b++) {
                    int i = code % 3;
                    code /= 3;
                    for (int j = 0; j < 2; j++) {
                        int f = (i * 2 + j) * 2;
                        double ru = FACTORS[f] * read[0] + FACTORS[f + 1] * read[1];
                        for (int a = 0; a < 2; a++) {
                            g[a] += FACTORS[f + a] * ru / batch;
                        }
                    }
                    for (int a = 0; a < 2; a++) {
                        g[a] += (pen[a] * read[a] + c[i * 2 + a]) / batch;
                    }
                }
                hist[k + 1] = new double[] {hist[k][0] - eta * g[0], hist[k][1] - eta * g[1]};
                walk(hist, k + 1, steps, weight * pmf[lag] / combos, batch, pmf, eta, pen, c, mean, second);
            }
        }
    }
}
