package dev.asgd.core.staleness;

import dev.asgd.core.Require;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The paper's staleness, P(tau = l) = (1 - kappa) kappa^l, l = 0, 1, 2, ...; E[tau] =
 * kappa / (1 - kappa) (the paper prints 1 / (1 - kappa), which is E[tau] + 1; THEORY-NOTES
 * section 1). Sampled by inversion of one 64-bit word through a {@link GeometricTable} (exact,
 * unbounded), a pure function of the word, so that the simulator's fast loop draws the same
 * numbers as every other runner.
 *
 * @param kappa staleness rate, {@code 0 <= kappa < 1}
 */
public record GeometricStaleness(double kappa) implements StalenessDistribution {

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
        return samplers().apply(rng);
    }

    /** One table, shared by the samplers the factory makes. */
    @Override
    public Function<UniformRandomProvider, StalenessSampler> samplers() {
        if (kappa == 0) {
            return rng -> step -> 0;
        }
        GeometricTable table = new GeometricTable(kappa);
        return rng -> step -> table.sample(rng);
    }

    /** Up to {@link GeometricTable#MAX_CLIPPED_LAG}: one shared {@link GeometricTable#clipped} table. */
    @Override
    public Function<UniformRandomProvider, StalenessSampler> clippedSamplers(int maxLag) {
        if (kappa == 0 || maxLag > GeometricTable.MAX_CLIPPED_LAG) {
            return samplers();
        }
        GeometricTable table = GeometricTable.clipped(kappa, maxLag);
        return rng -> step -> table.sample(rng);
    }

    /** @return this law's kappa: the closed form applies as it is */
    @Override
    public OptionalDouble theoryKappa() {
        return OptionalDouble.of(kappa);
    }
}
