package dev.asgd.core.staleness;

import dev.asgd.core.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Poisson staleness P(tau = l) = e^-lambda lambda^l / l!, E[tau] = lambda, sampled by Commons
 * RNG's {@link PoissonSampler}. Its support is unbounded; exact recursions truncate it where the
 * tail P(tau &gt; L) falls below their tolerance ({@link #truncationLag(double)}).
 *
 * @param lambda mean, {@code > 0} and at most 1e6
 */
public record PoissonStaleness(double lambda) implements StalenessDistribution {

    /** Validates. */
    public PoissonStaleness {
        Require.positiveFinite(lambda, "staleness");
        if (lambda > 1e6) {
            throw new dev.asgd.core.InvalidParameterException("staleness", lambda, "0 < lambda <= 1e6");
        }
    }

    @Override
    public double pmf(int l) {
        return PoissonDistribution.of(lambda).probability(l);
    }

    @Override
    public double survival(int l) {
        return PoissonDistribution.of(lambda).survivalProbability(l);
    }

    @Override
    public int truncationLag(double tailTolerance) {
        PoissonDistribution p = PoissonDistribution.of(lambda);
        int l = (int) Math.floor(lambda);
        while (p.survivalProbability(l) >= tailTolerance) {
            l++;
        }
        return l;
    }

    @Override
    public double mean() {
        return lambda;
    }

    @Override
    public int maxLag() {
        return UNBOUNDED;
    }

    @Override
    public String spec() {
        return "poisson:" + lambda;
    }

    @Override
    public StalenessSampler sampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler s = PoissonSampler.of(rng, lambda);
        return step -> s.sample();
    }
}
