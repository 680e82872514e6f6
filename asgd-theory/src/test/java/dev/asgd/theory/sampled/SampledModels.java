package dev.asgd.theory.sampled;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Seeded test models: least squares with an intercept and its per-row gradients at the optimum. */
final class SampledModels {
    private SampledModels() {
    }

    /**
     * Rows z_i = (x_i, 1) with x_i Gaussian of unequal scales, targets y_i = z_i . beta + noise; theta*
     * solves the ridge problem and c_i = z_i (z_i . theta* - y_i) + D theta*.
     */
    static SampledQuadratic regression(UniformRandomProvider rng, int n, int p, int batch, double ridge) {
        double[][] data = data(rng, n, p, ridge);
        return SampledQuadratic.of(data[0], data[1], data[2], batch);
    }

    /** @return {rows, gradients at the optimum, penalty, targets y, theta*} */
    static double[][] data(UniformRandomProvider rng, int n, int p, double ridge) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] rows = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int a = 0; a < p - 1; a++) {
                double x = g.sample() * (1 + a) / p + 0.3 * (a % 3 == 0 ? g.sample() * g.sample() : 0);
                rows[i * p + a] = x;
                t += x * (a % 2 == 0 ? 1 : -0.5);
            }
            rows[i * p + p - 1] = 1;
            y[i] = t + 0.5 + 0.7 * g.sample() * (1 + Math.abs(rows[i * p]));
        }
        double[] penalty = new double[p];
        for (int a = 0; a < p - 1; a++) {
            penalty[a] = ridge;
        }
        // theta* = (Z^T Z / n + D)^{-1} Z^T y / n
        double[][] h = new double[p][p + 1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    h[a][b] += rows[i * p + a] * rows[i * p + b] / n;
                }
                h[a][p] += rows[i * p + a] * y[i] / n;
            }
        }
        for (int a = 0; a < p; a++) {
            h[a][a] += penalty[a];
        }
        double[] theta = solve(h, p);
        double[] grads = new double[n * p];
        for (int i = 0; i < n; i++) {
            double r = -y[i];
            for (int a = 0; a < p; a++) {
                r += rows[i * p + a] * theta[a];
            }
            for (int a = 0; a < p; a++) {
                grads[i * p + a] = rows[i * p + a] * r + penalty[a] * theta[a];
            }
        }
        return new double[][] {rows, grads, penalty, y, theta};
    }

    private static double[] solve(double[][] m, int p) {
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = c + 1; r < p; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= p; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
