package dev.asgd.core.staleness;

import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A staleness law: the distribution of tau_k in theta_{k+1} = theta_k - eta g(theta_{k - tau_k})
 * (Zhu and Ying, section 2). {@link #pmf(int)} is the marginal law; {@link #independentAcrossSteps()}
 * says whether successive tau_k are i.i.d. (every law but the queue).
 */
public interface StalenessDistribution {
    /** {@link #maxLag()} of a law with unbounded support. */
    int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * @param lag l
     * @return P(tau = l) (the stationary marginal for the queue law)
     */
    double pmf(int lag);

    /** @return E[tau] */
    double mean();

    /** @return the largest lag with positive probability, or {@link #UNBOUNDED} */
    int maxLag();

    /** @return the specification, e.g. {@code "fixed:3"} or {@code "geometric:0.9"} */
    String spec();

    /**
     * @param rng the chain's random stream (the sampler keeps it)
     * @return a new sampler for one chain
     */
    StalenessSampler sampler(UniformRandomProvider rng);

    /**
     * A factory of per-chain samplers for one thread, which may share precomputed tables between
     * the samplers it makes (Commons RNG's {@code withUniformRandomProvider}). Not thread-safe:
     * make one per thread.
     *
     * @return a factory equivalent to {@link #sampler(UniformRandomProvider)}
     */
    default java.util.function.Function<UniformRandomProvider, StalenessSampler> samplers() {
        return this::sampler;
    }

    /**
     * A factory like {@link #samplers()} whose samplers may return min(tau, maxLag) instead of tau,
     * for callers that clip lags at maxLag anyway (the simulator), where that is cheaper (the
     * geometric law: exactly one word per draw).
     *
     * @param maxLag the caller's clipping lag, {@code >= 0}
     * @return a factory of samplers of tau or of min(tau, maxLag)
     */
    default java.util.function.Function<UniformRandomProvider, StalenessSampler> clippedSamplers(int maxLag) {
        return samplers();
    }

    /**
     * The staleness rate the paper's closed-form theory applies with: the law's own kappa when it
     * is geometric, or the kappa of the geometric law it has the same marginal as (the queue of M
     * workers: (M - 1) / M); empty for the laws the closed form does not cover.
     *
     * @return kappa, or empty
     */
    default OptionalDouble theoryKappa() {
        return OptionalDouble.empty();
    }

    /** @return true when tau_0, tau_1, ... are i.i.d. with law {@link #pmf(int)} */
    default boolean independentAcrossSteps() {
        return true;
    }

    /**
     * The history a simulator keeps: the support bound, or for unbounded support the smallest L
     * with P(tau &gt; L) &lt; tailTolerance (lags beyond it are clipped to L).
     *
     * @param tailTolerance the neglected tail mass, e.g. 1e-16
     * @return L &gt;= 0
     */
    default int truncationLag(double tailTolerance) {
        int max = maxLag();
        if (max != UNBOUNDED) {
            return max;
        }
        double cdf = 0;
        int l = 0;
        while (true) {
            cdf += pmf(l);
            if (1 - cdf < tailTolerance || l >= 100_000_000) {
                return l;
            }
            l++;
        }
    }

    /**
     * @param lag l
     * @return P(tau &gt; l), by summing the pmf (laws with a closed form override it)
     */
    default double survival(int lag) {
        double cdf = 0;
        for (int l = 0; l <= lag; l++) {
            cdf += pmf(l);
        }
        return Math.max(0, 1 - cdf);
    }
}
