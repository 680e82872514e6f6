package dev.asgd.core.staleness;

import dev.asgd.core.Require;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Constant staleness tau = L: the delayed-gradient method. L = 0 is plain SGD.
 *
 * @param lag L, {@code >= 0}
 */
public record FixedStaleness(int lag) implements StalenessDistribution {

    /** Validates. */
    public FixedStaleness {
        Require.atLeast(lag, 0, "staleness");
    }

    @Override
    public double pmf(int l) {
        return l == lag ? 1 : 0;
    }

    @Override
    public double mean() {
        return lag;
    }

    @Override
    public int maxLag() {
        return lag;
    }

    @Override
    public String spec() {
        return "fixed:" + lag;
    }

    @Override
    public StalenessSampler sampler(UniformRandomProvider rng) {
        final int l = lag;
        return step -> l;
    }
}
