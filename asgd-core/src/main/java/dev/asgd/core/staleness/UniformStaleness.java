package dev.asgd.core.staleness;

import dev.asgd.core.Require;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * tau uniform on 0, 1, ..., L: P(tau = l) = 1 / (L + 1), E[tau] = L / 2.
 *
 * @param maxLag L, {@code >= 0}
 */
public record UniformStaleness(int maxLag) implements StalenessDistribution {

    /** Validates. */
    public UniformStaleness {
        Require.atLeast(maxLag, 0, "staleness");
    }

    @Override
    public double pmf(int l) {
        return l >= 0 && l <= maxLag ? 1.0 / (maxLag + 1) : 0;
    }

    @Override
    public double mean() {
        return maxLag / 2.0;
    }

    @Override
    public String spec() {
        return "uniform:" + maxLag;
    }

    @Override
    public StalenessSampler sampler(UniformRandomProvider rng) {
        final int n = maxLag + 1;
        return step -> rng.nextInt(n);
    }
}
