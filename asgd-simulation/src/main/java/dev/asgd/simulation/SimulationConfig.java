package dev.asgd.simulation;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.noise.GradientOracle;
import dev.asgd.core.staleness.StalenessDistribution;
import java.util.Arrays;

/**
 * What to simulate and how.
 *
 * @param oracle the stochastic gradient (its loss gives theta* and f*)
 * @param staleness the staleness law
 * @param eta learning rate &gt; 0
 * @param theta0 the initial point (d values)
 * @param steps K &gt;= 1
 * @param every record interval &gt;= 1 (steps 0, every, 2 every, ... and K are recorded)
 * @param runs N &gt;= 1 chains
 * @param seed the seed of every stream
 * @param threads worker threads &gt;= 1 (results do not depend on it)
 * @param divergenceBound a chain whose |theta_i - theta*_i| exceeds it (or is not finite) stops the run
 * @param quantileLevels levels in [0, 1] of the quantiles of |theta - theta*| (may be empty)
 */
public record SimulationConfig(GradientOracle oracle, StalenessDistribution staleness, double eta, double[] theta0,
        long steps, long every, int runs, long seed, int threads, double divergenceBound, double[] quantileLevels) {

    /** Tail mass of an unbounded staleness law that is clipped to the history length. */
    public static final double TAIL_TOLERANCE = 1e-16;
    /** The default quantile levels. */
    public static final double[] DEFAULT_LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

    /** Validates and copies. */
    public SimulationConfig {
        Require.positiveFinite(eta, "eta");
        int d = oracle.loss().dimension();
        if (theta0 == null || theta0.length != d) {
            throw new InvalidParameterException("theta0", theta0 == null ? "null" : Arrays.toString(theta0),
                    d + " values (one per coordinate)");
        }
        theta0 = theta0.clone();
        for (double t : theta0) {
            Require.finite(t, "theta0");
        }
        Require.atLeast(steps, 1, "steps");
        Require.atLeast(every, 1, "every");
        Require.atLeast(runs, 1, "runs");
        Require.atLeast(threads, 1, "threads");
        Require.positiveFinite(divergenceBound, "divergence-bound");
        quantileLevels = quantileLevels == null ? new double[0] : quantileLevels.clone();
        for (double p : quantileLevels) {
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidParameterException("quantiles", Arrays.toString(quantileLevels), "levels in [0, 1]");
            }
        }
        if (staleness == null) {
            throw new InvalidParameterException("staleness", "null", "a staleness law");
        }
        if ((steps / every + 2) > 50_000_000L) {
            throw new InvalidParameterException("every", every, "at most 5e7 records (steps / every)");
        }
    }

    @Override
    public double[] theta0() {
        return theta0.clone();
    }

    @Override
    public double[] quantileLevels() {
        return quantileLevels.clone();
    }

    /** @return d */
    public int dimension() {
        return theta0.length;
    }

    /** @return the number of records: steps 0, every, ..., and K */
    public int records() {
        return (int) (steps / every + 1 + (steps % every == 0 ? 0 : 1));
    }

    /**
     * @param r record index
     * @return its step
     */
    public long recordStep(int r) {
        return Math.min(steps, r * every);
    }

    /**
     * @return the length of a chain's ring of iterates: the smallest power of two &gt;= L + 2, so
     *     that an index is reduced by a mask and a lag of up to L never reaches the slot being written
     */
    public int ringSize() {
        return Integer.highestOneBit(Math.max(2, historyLag() + 2) - 1) << 1;
    }

    /** @return the history kept per chain: lags above it are clipped (at most K) */
    public int historyLag() {
        return (int) Math.min(steps, staleness.truncationLag(TAIL_TOLERANCE));
    }

    /** @return a copy with another thread count */
    public SimulationConfig withThreads(int t) {
        return new SimulationConfig(oracle, staleness, eta, theta0, steps, every, runs, seed, t, divergenceBound,
                quantileLevels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulationConfig c && oracle.equals(c.oracle) && staleness.equals(c.staleness)
                && Double.compare(eta, c.eta) == 0 && Arrays.equals(theta0, c.theta0) && steps == c.steps
                && every == c.every && runs == c.runs && seed == c.seed && threads == c.threads
                && Double.compare(divergenceBound, c.divergenceBound) == 0
                && Arrays.equals(quantileLevels, c.quantileLevels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {oracle, staleness, eta, Arrays.hashCode(theta0), steps, every, runs, seed,
            threads, divergenceBound, Arrays.hashCode(quantileLevels)});
    }

    @Override
    public String toString() {
        return "SimulationConfig[" + oracle.describe() + ", staleness=" + staleness.spec() + ", eta=" + eta
                + ", theta0=" + Arrays.toString(theta0) + ", steps=" + steps + ", every=" + every + ", runs=" + runs
                + ", seed=" + seed + ", threads=" + threads + "]";
    }
}
