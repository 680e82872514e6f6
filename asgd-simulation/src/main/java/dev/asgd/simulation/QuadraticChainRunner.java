package dev.asgd.simulation;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.random.ChainStreams;
import dev.asgd.core.random.ZigguratNormal;
import dev.asgd.core.staleness.StalenessSampler;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fast path of {@link ChainRunner} for the unperturbed quadratic with additive Gaussian noise
 * (the paper's model and the benchmark's): the gradient omega_i^2 (theta_i - theta*_i) +
 * sigma_i xi is inlined, the ring is indexed directly, and the excess loss at a record is
 * sum omega_i^2 u_i^2 / 2. It draws the same random numbers in the same order as
 * {@link ChainRunner} (staleness, then d normals per step), so both give identical chains.
 */
final class QuadraticChainRunner implements ChainWorker {
    private final SimulationConfig config;
    private final java.util.function.Function<UniformRandomProvider, StalenessSampler> samplers;
    private final ChainStreams streams;
    private final int d;
    private final int lag;
    private final int mask;
    private final double[] ring;
    private final double[] u;
    private final double[] omega2;
    private final double[] sigma;
    private final double[] theta0;
    private final double[] star;
    private final double eta;
    private final double bound;
    private final long steps;
    private final long every;

    QuadraticChainRunner(SimulationConfig config) {
        this.config = config;
        this.samplers = config.staleness().clippedSamplers(config.historyLag());
        AdditiveGaussianNoise noise = (AdditiveGaussianNoise) config.oracle();
        QuadraticLoss loss = (QuadraticLoss) noise.loss();
        this.streams = new ChainStreams(config.seed());
        this.d = config.dimension();
        this.lag = config.historyLag();
        int size = config.ringSize();
        this.mask = size - 1;
        this.ring = new double[size * d];
        this.u = new double[d];
        this.omega2 = loss.hessianDiagonal();
        this.sigma = noise.sigma();
        this.theta0 = config.theta0();
        this.star = loss.minimizer();
        this.eta = config.eta();
        this.bound = config.divergenceBound();
        this.steps = config.steps();
        this.every = config.every();
    }

    /** @return true when the config's model is the one this runner inlines */
    static boolean applies(SimulationConfig config) {
        return config.oracle() instanceof AdditiveGaussianNoise n && n.loss() instanceof QuadraticLoss q
                && q.isUnperturbed();
    }

    @Override
    public void run(long chain, EnsembleStatistics stats) {
        UniformRandomProvider rng = streams.stream(chain);
        StalenessSampler staleness = samplers.apply(rng);
        final double[] ring = this.ring;
        final int d = this.d;
        final long mask = this.mask;
        final double eta = this.eta;
        final double bound = this.bound;
        // the ring holds u = theta - theta*
        for (int i = 0; i < d; i++) {
            ring[i] = theta0[i] - star[i];
        }
        record(stats, 0, 0);
        int rec = 1;
        long nextRecord = Math.min(every, steps);
        for (long k = 0; k < steps; k++) {
            int tau = staleness.next(k);
            long limit = Math.min(k, lag);
            if (tau > limit || tau < 0) {
                tau = (int) limit;
            }
            int src = (int) ((k - tau) & mask) * d;
            int cur = (int) (k & mask) * d;
            int dst = (int) ((k + 1) & mask) * d;
            for (int i = 0; i < d; i++) {
                double g = omega2[i] * ring[src + i] + sigma[i] * ZigguratNormal.sample(rng);
                double v = ring[cur + i] - eta * g;
                ring[dst + i] = v;
                if (!(Math.abs(v) <= bound)) {
                    throw ChainWorker.diverged(k + 1, chain, v + star[i], bound);
                }
            }
            if (k + 1 == nextRecord) {
                record(stats, rec++, dst);
                nextRecord = Math.min(nextRecord + every, steps);
                if (nextRecord == k + 1) {
                    nextRecord = -1;
                }
            }
        }
        stats.chains++;
    }

    private void record(EnsembleStatistics stats, int r, int at) {
        double f = 0;
        for (int i = 0; i < d; i++) {
            double v = ring[at + i];
            u[i] = v;
            f += 0.5 * omega2[i] * v * v;
        }
        stats.add(r, u, 0, f);
    }
}
