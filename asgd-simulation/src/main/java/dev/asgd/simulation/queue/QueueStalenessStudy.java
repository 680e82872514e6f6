package dev.asgd.simulation.queue;

import dev.asgd.core.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Mean staleness of m workers with exponential compute times (mean 1) around a server that applies
 * each gradient on arrival; a worker reads the current version when it starts. By memorylessness
 * the other m - 1 workers each finish once, on average, while one computes, so E tau = m - 1 and the
 * geometric kappa = E tau / (1 + E tau) = (m - 1)/m (docs/theory.md, erratum 10).
 */
public final class QueueStalenessStudy {
    private QueueStalenessStudy() {
    }

    /**
     * The simulated staleness.
     *
     * @param workers m
     * @param updates gradients applied
     * @param meanStaleness the mean staleness over the updates
     */
    public record Result(int workers, int updates, double meanStaleness) {
    }

    /**
     * @param workers m &gt;= 1
     * @param updates gradients applied &gt;= 1
     * @param seed the seed of the compute times (Commons RNG XO_RO_SHI_RO_128_PP)
     * @return the mean staleness
     */
    public static Result run(int workers, int updates, long seed) {
        return run(workers, updates, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    /**
     * @param workers m &gt;= 1
     * @param updates gradients applied &gt;= 1
     * @param rng the source of the exponential compute times
     * @return the mean staleness
     */
    public static Result run(int workers, int updates, UniformRandomProvider rng) {
        Require.atLeast(workers, 1, "workers");
        Require.atLeast(updates, 1, "updates");
        double[] finish = new double[workers];
        long[] read = new long[workers];
        for (int w = 0; w < workers; w++) {
            finish[w] = -Math.log1p(-rng.nextDouble());
        }
        long version = 0;
        double total = 0;
        for (int u = 0; u < updates; u++) {
            int w = 0;
            for (int i = 1; i < workers; i++) {
                if (finish[i] < finish[w]) {
                    w = i;
                }
            }
            total += version - read[w];
            version++;
            read[w] = version;
            finish[w] += -Math.log1p(-rng.nextDouble());
        }
        return new Result(workers, updates, total / updates);
    }

    /**
     * @param workers m
     * @return the closed form E tau = m - 1
     */
    static double exactMeanStaleness(int workers) {
        return workers - 1;
    }
}
