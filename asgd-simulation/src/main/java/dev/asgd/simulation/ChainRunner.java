package dev.asgd.simulation;

import dev.asgd.core.loss.Loss;
import dev.asgd.core.noise.GradientOracle;
import dev.asgd.core.random.ChainStreams;
import dev.asgd.core.staleness.StalenessSampler;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs one chain at a time through all K steps, keeping only the last L + 1 iterates in a ring of
 * power-of-two size (O(L d) memory), and adds its state at every record step to the block's
 * statistics. One instance per thread (it owns its buffers).
 * <pre>
 *   tau = min(sampled tau_k, k, L);  theta_{k+1} = theta_k - eta g(theta_{k - tau})
 * </pre>
 */
final class ChainRunner implements ChainWorker {
    private final SimulationConfig config;
    private final java.util.function.Function<UniformRandomProvider, StalenessSampler> samplers;
    private final GradientOracle oracle;
    private final Loss loss;
    private final ChainStreams streams;
    private final int d;
    private final int lag;
    private final int mask;
    private final double[] ring;
    private final double[] read;
    private final double[] grad;
    private final double[] point;
    private final double[] u;
    private final double[] theta0;
    private final double[] star;
    private final double eta;
    private final double bound;
    private final long steps;
    private final long every;

    ChainRunner(SimulationConfig config) {
        this.config = config;
        this.samplers = config.staleness().clippedSamplers(config.historyLag());
        this.oracle = config.oracle();
        this.loss = oracle.loss();
        this.streams = new ChainStreams(config.seed());
        this.d = config.dimension();
        this.lag = config.historyLag();
        int size = config.ringSize();
        this.mask = size - 1;
        this.ring = new double[size * d];
        this.read = new double[d];
        this.grad = new double[d];
        this.point = new double[d];
        this.u = new double[d];
        this.theta0 = config.theta0();
        this.star = loss.minimizer();
        this.eta = config.eta();
        this.bound = config.divergenceBound();
        this.steps = config.steps();
        this.every = config.every();
    }

    /**
     * @param chain the chain index (its stream)
     * @param stats where its records go
     */
    @Override
    public void run(long chain, EnsembleStatistics stats) {
        UniformRandomProvider rng = streams.stream(chain);
        StalenessSampler staleness = samplers.apply(rng);
        GradientOracle.Sampler gradient = oracle.sampler(rng);
        final double[] ring = this.ring;
        final int d = this.d;
        final long mask = this.mask;
        System.arraycopy(theta0, 0, ring, 0, d);
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
            System.arraycopy(ring, src, read, 0, d);
            gradient.sample(read, grad);
            for (int i = 0; i < d; i++) {
                double v = ring[cur + i] - eta * grad[i];
                ring[dst + i] = v;
                if (!(Math.abs(v - star[i]) <= bound)) {
                    throw ChainWorker.diverged(k + 1, chain, v, bound);
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
        for (int i = 0; i < d; i++) {
            point[i] = ring[at + i];
            u[i] = point[i] - star[i];
        }
        stats.add(r, u, 0, loss.excess(point));
    }
}
