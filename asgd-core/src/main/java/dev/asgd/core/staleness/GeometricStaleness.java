package dev.asgd.core.staleness;

import dev.asgd.core.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * The paper's staleness, P(tau = l) = (1 - kappa) kappa^l, l = 0, 1, 2, ...; E[tau] =
 * kappa / (1 - kappa) (the paper prints 1 / (1 - kappa), which is E[tau] + 1; THEORY-NOTES
 * section 1). For kappa &gt;= 0.5 sampled exactly by an alias table (Commons RNG
 * {@link AliasMethodDiscreteSampler}) over lags 0..62 and a memoryless tail cell, which costs
 * about a third of Commons RNG's {@link GeometricSampler} (an exponential ziggurat variate divided
 * by -ln kappa and floored); for smaller kappa by the latter.
 *
 * @param kappa staleness rate, {@code 0 <= kappa < 1}
 */
public record GeometricStaleness(double kappa) implements StalenessDistribution {
    /** Lags in the alias table before the memoryless tail cell (a table of 64 cells). */
    private static final int TABLE = 63;

    /** Validates. */
    public GeometricStaleness {
        Require.inHalfOpen(kappa, 0, 1, "kappa");
    }

    @Override
    public double pmf(int lag) {
        if (lag < 0) {
            return 0;
        }
        return kappa == 0 ? (lag == 0 ? 1 : 0) : (1 - kappa) * Math.pow(kappa, lag);
    }

    @Override
    public double survival(int lag) {
        return lag < 0 ? 1 : Math.pow(kappa, lag + 1.0);
    }

    @Override
    public double mean() {
        return kappa / (1 - kappa);
    }

    @Override
    public int maxLag() {
        return kappa == 0 ? 0 : UNBOUNDED;
    }

    @Override
    public int truncationLag(double tailTolerance) {
        if (kappa == 0) {
            return 0;
        }
        // P(tau > L) = kappa^(L+1) < tol  <=>  L + 1 > ln tol / ln kappa
        double l = Math.floor(Math.log(tailTolerance) / Math.log(kappa));
        return (int) Math.min(100_000_000, Math.max(0, l));
    }

    @Override
    public String spec() {
        return "geometric:" + kappa;
    }

    @Override
    public StalenessSampler sampler(UniformRandomProvider rng) {
        if (kappa == 0) {
            return step -> 0;
        }
        if (kappa < 0.5) {
            SharedStateDiscreteSampler s = GeometricSampler.of(rng, 1 - kappa);
            return step -> s.sample();
        }
        return aliasSampler(AliasMethodDiscreteSampler.of(rng, aliasProbabilities()));
    }

    /**
     * Alias table over lags 0..T-1 plus one tail cell of mass kappa^T; by memorylessness a tail draw
     * means "T more, then draw again": tau = T m + x exactly, with O(1) work per draw.
     */
    private double[] aliasProbabilities() {
        double[] p = new double[TABLE + 1];
        for (int l = 0; l < TABLE; l++) {
            p[l] = pmf(l);
        }
        p[TABLE] = Math.pow(kappa, TABLE);
        return p;
    }

    private static StalenessSampler aliasSampler(SharedStateDiscreteSampler alias) {
        return step -> {
            int base = 0;
            int x = alias.sample();
            while (x == TABLE) {
                base += TABLE;
                x = alias.sample();
            }
            return base + x;
        };
    }

    /** Shares one alias table among the samplers of a thread. */
    @Override
    public java.util.function.Function<UniformRandomProvider, StalenessSampler> samplers() {
        if (kappa < 0.5) {
            return this::sampler;
        }
        final double[] p = aliasProbabilities();
        return new java.util.function.Function<>() {
            private SharedStateDiscreteSampler prototype;

            @Override
            public StalenessSampler apply(UniformRandomProvider rng) {
                if (prototype == null) {
                    prototype = AliasMethodDiscreteSampler.of(rng, p);
                    return aliasSampler(prototype);
                }
                return aliasSampler(prototype.withUniformRandomProvider(rng));
            }
        };
    }
}
