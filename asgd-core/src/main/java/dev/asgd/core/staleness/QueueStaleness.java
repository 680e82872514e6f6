package dev.asgd.core.staleness;

import dev.asgd.core.Require;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The staleness a parameter server sees with M workers whose compute times are i.i.d.
 * exponential: each worker reads the current parameter, computes, and the server applies its
 * gradient on arrival; the worker then reads again. By memorylessness the next finisher is
 * uniform among the M workers, and its staleness is the number of updates applied since it read.
 * All workers read theta_0 at the start, so tau_k &lt;= k without clipping.
 *
 * <p>The stationary marginal is geometric with kappa = (M - 1) / M (mean M - 1,
 * THEORY-NOTES section 6), but successive tau_k are dependent (a worker that just finished has
 * staleness 0 next time only if picked again at once): {@link #independentAcrossSteps()} is false,
 * and the i.i.d. exact moment recursions do not apply. The sampler keeps M read versions per chain.
 *
 * @param workers M, {@code >= 1}
 */
public record QueueStaleness(int workers) implements StalenessDistribution {

    /** Validates. */
    public QueueStaleness {
        Require.atLeast(workers, 1, "staleness");
    }

    /** @return kappa = (M - 1) / M of the stationary marginal */
    public double kappa() {
        return (workers - 1.0) / workers;
    }

    @Override
    public double pmf(int lag) {
        return new GeometricStaleness(kappa()).pmf(lag);
    }

    @Override
    public double survival(int lag) {
        return new GeometricStaleness(kappa()).survival(lag);
    }

    @Override
    public double mean() {
        return workers - 1.0;
    }

    @Override
    public int maxLag() {
        return workers == 1 ? 0 : UNBOUNDED;
    }

    @Override
    public int truncationLag(double tailTolerance) {
        return new GeometricStaleness(kappa()).truncationLag(tailTolerance);
    }

    @Override
    public boolean independentAcrossSteps() {
        return workers == 1;
    }

    @Override
    public String spec() {
        return "queue:" + workers;
    }

    @Override
    public StalenessSampler sampler(UniformRandomProvider rng) {
        final long[] readVersion = new long[workers];
        final int m = workers;
        return step -> {
            int j = m == 1 ? 0 : rng.nextInt(m);
            long tau = step - readVersion[j];
            readVersion[j] = step + 1;
            return (int) Math.min(Integer.MAX_VALUE, tau);
        };
    }

    /** @return this law's kappa: the closed form applies as it is */
    @Override
    public OptionalDouble theoryKappa() {
        return OptionalDouble.of(kappa());
    }
}
