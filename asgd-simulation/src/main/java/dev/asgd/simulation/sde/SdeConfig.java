package dev.asgd.simulation.sde;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import java.util.Arrays;

/**
 * What SME ensemble to run and how. Records fall on ASGD steps (SME time t = k deltaT); each ASGD
 * step is integrated in {@code substeps} steps of h = deltaT / substeps.
 *
 * @param problem the SME
 * @param scheme the integrator
 * @param substeps SME steps per ASGD step, &gt;= 1
 * @param steps K, ASGD steps of SME time deltaT each, &gt;= 1
 * @param every record interval in steps, &gt;= 1 (steps 0, every, 2 every, ... and K are recorded)
 * @param runs N chains, &gt;= 1
 * @param seed the seed of every stream
 * @param threads worker threads &gt;= 1 (results do not depend on it)
 * @param divergenceBound a chain with |Theta_i - theta*_i| above it (or a non-finite value) stops the run
 * @param quantileLevels levels in [0, 1] of the quantiles of |Theta - theta*| (may be empty)
 */
public record SdeConfig(SdeProblem problem, SchemeKind scheme, int substeps, long steps, long every, int runs,
        long seed, int threads, double divergenceBound, double[] quantileLevels) {

    /** Validates and copies. */
    public SdeConfig {
        if (problem == null || scheme == null) {
            throw new InvalidParameterException(problem == null ? "problem" : "scheme", "null", "a value");
        }
        Require.atLeast(substeps, 1, "substeps");
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
        if (steps / every + 2 > 50_000_000L) {
            throw new InvalidParameterException("every", every, "at most 5e7 records (steps / every)");
        }
        if (scheme == SchemeKind.EXACT && !problem.linear()) {
            throw new InvalidParameterException("scheme", "exact",
                    "em or splitting for a perturbed loss (exact sampling needs the unperturbed quadratic)");
        }
    }

    /**
     * The substeps that give a step of at most dt.
     *
     * @param dt the requested SME step, 0 &lt; dt &lt;= deltaT
     * @param deltaT the SME time of one ASGD step
     * @return ceil(deltaT / dt)
     */
    public static int substepsFor(double dt, double deltaT) {
        if (!(dt > 0) || !(dt <= deltaT * (1 + 1e-9))) {
            throw new InvalidParameterException("dt", dt, "0 < dt <= deltaT = " + deltaT
                    + " (one or more SME steps per ASGD step)");
        }
        double n = Math.ceil(deltaT / dt * (1 - 1e-12));
        if (n > 1e6) {
            throw new InvalidParameterException("dt", dt, "dt >= deltaT / 1e6 = " + deltaT / 1e6);
        }
        return (int) Math.max(1, n);
    }

    @Override
    public double[] quantileLevels() {
        return quantileLevels.clone();
    }

    /** @return h = deltaT / substeps */
    public double dt() {
        return problem.deltaT() / substeps;
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

    /** @return a copy with another thread count */
    public SdeConfig withThreads(int t) {
        return new SdeConfig(problem, scheme, substeps, steps, every, runs, seed, t, divergenceBound, quantileLevels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdeConfig c && problem.equals(c.problem) && scheme == c.scheme && substeps == c.substeps
                && steps == c.steps && every == c.every && runs == c.runs && seed == c.seed && threads == c.threads
                && Double.compare(divergenceBound, c.divergenceBound) == 0
                && Arrays.equals(quantileLevels, c.quantileLevels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {problem, scheme, substeps, steps, every, runs, seed, threads,
            divergenceBound, Arrays.hashCode(quantileLevels)});
    }

    @Override
    public String toString() {
        return "SdeConfig[" + problem + ", scheme=" + scheme.label() + ", substeps=" + substeps + ", steps=" + steps
                + ", every=" + every + ", runs=" + runs + ", seed=" + seed + ", threads=" + threads + "]";
    }
}
