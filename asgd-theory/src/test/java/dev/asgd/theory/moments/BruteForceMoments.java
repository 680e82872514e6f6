package dev.asgd.theory.moments;

import dev.asgd.core.staleness.StalenessDistribution;

/**
 * Test oracle: the exact mean and second moment of u_k for k = 0..K by enumerating every path of
 * clipped staleness values (min(tau_j, j) for j &lt; k) with its probability. Along a path u_k is
 * linear in (u_0, xi_0, ..., xi_{K-1}), so E u_k = c_0 u_0 and E u_k^2 = c_0^2 u_0^2 + sum c_j^2.
 * Independent of the recursions: no path averages, no covariance states.
 */
final class BruteForceMoments {
    final double[] mean;
    final double[] second;
    private final int steps;
    private final double b;
    private final double etaSigma;
    private final double u0;
    private final StalenessDistribution law;
    private final double[][] coef;

    BruteForceMoments(double eta, double omega, double sigma, double u0, StalenessDistribution law, int steps) {
        this.steps = steps;
        this.b = eta * omega * omega;
        this.etaSigma = eta * sigma;
        this.u0 = u0;
        this.law = law;
        this.mean = new double[steps + 1];
        this.second = new double[steps + 1];
        this.coef = new double[steps + 1][steps + 1];
        coef[0][0] = 1;
        walk(0, 1.0);
    }

    private void walk(int k, double weight) {
        double[] c = coef[k];
        double s = c[0] * c[0] * u0 * u0;
        for (int j = 1; j <= steps; j++) {
            s += c[j] * c[j];
        }
        mean[k] += weight * c[0] * u0;
        second[k] += weight * s;
        if (k == steps) {
            return;
        }
        for (int l = 0; l <= k; l++) {
            // P(min(tau, k) = l): the pmf below k, the whole tail at k
            double p = l < k ? law.pmf(l) : survivalFrom(k);
            if (p == 0) {
                continue;
            }
            double[] read = coef[k - l];
            double[] next = coef[k + 1];
            for (int j = 0; j <= steps; j++) {
                next[j] = c[j] - b * read[j];
            }
            next[k + 1] -= etaSigma; // coefficient of xi_k sits at index k + 1
            walk(k + 1, weight * p);
        }
    }

    private double survivalFrom(int k) {
        return k == 0 ? 1 : law.survival(k - 1);
    }
}
