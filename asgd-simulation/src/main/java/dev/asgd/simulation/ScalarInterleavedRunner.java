package dev.asgd.simulation;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.random.ChainStreams;
import dev.asgd.core.random.ZigguratNormal;
import dev.asgd.core.staleness.StalenessSampler;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The d = 1 fast path: {@link #LANES} chains advanced step by step together, each with its own
 * stream, sampler and ring, so the processor overlaps the independent work of several chains.
 * Each chain draws exactly what {@link QuadraticChainRunner} draws, and at every record the lanes
 * add their states in chain order, so the sums (and results) are identical to one chain at a time.
 */
final class ScalarInterleavedRunner implements ChainWorker {
    /** Chains advanced together. */
    static final int LANES = 4;

    private final SimulationConfig config;
    private final Function<UniformRandomProvider, StalenessSampler> samplers;
    private final ChainStreams streams;
    private final int lag;
    private final int size;
    private final int mask;
    private final double[] ring;
    private final double[] u = new double[1];
    private final double omega2;
    private final double sigma;
    private final double u0;
    private final double star;
    private final double eta;
    private final double bound;
    private final long steps;
    private final long every;
    private final StalenessSampler[] staleness = new StalenessSampler[LANES];
    private final UniformRandomProvider[] rngs = new UniformRandomProvider[LANES];

    ScalarInterleavedRunner(SimulationConfig config) {
        this.config = config;
        this.samplers = config.staleness().clippedSamplers(config.historyLag());
        AdditiveGaussianNoise noise = (AdditiveGaussianNoise) config.oracle();
        QuadraticLoss loss = (QuadraticLoss) noise.loss();
        this.streams = new ChainStreams(config.seed());
        this.lag = config.historyLag();
        this.size = config.ringSize();
        this.mask = size - 1;
        this.ring = new double[LANES * size];
        this.omega2 = loss.hessianDiagonal()[0];
        this.sigma = noise.sigma()[0];
        this.star = loss.minimizer()[0];
        this.u0 = config.theta0()[0] - star;
        this.eta = config.eta();
        this.bound = config.divergenceBound();
        this.steps = config.steps();
        this.every = config.every();
    }

    /** @return true for the unperturbed one-dimensional quadratic with additive noise */
    static boolean applies(SimulationConfig config) {
        return QuadraticChainRunner.applies(config) && config.dimension() == 1;
    }

    @Override
    public void run(long chain, EnsembleStatistics stats) {
        runBlock(chain, chain + 1, stats);
    }

    @Override
    public void runBlock(long from, long to, EnsembleStatistics stats) {
        for (long c = from; c < to; c += LANES) {
            runGroup(c, (int) Math.min(LANES, to - c), stats);
        }
    }

    private void runGroup(long first, int lanes, EnsembleStatistics stats) {
        for (int j = 0; j < lanes; j++) {
            UniformRandomProvider rng = streams.stream(first + j);
            staleness[j] = samplers.apply(rng);
            rngs[j] = rng;
            ring[j * size] = u0;
        }
        final double[] ring = this.ring;
        final long mask = this.mask;
        final double eta = this.eta;
        final double a = omega2;
        final double s = sigma;
        final double bound = this.bound;
        for (int j = 0; j < lanes; j++) {
            record(stats, 0, ring[j * size]);
        }
        int rec = 1;
        long nextRecord = Math.min(every, steps);
        for (long k = 0; k < steps; k++) {
            long limit = Math.min(k, lag);
            int cur = (int) (k & mask);
            int dst = (int) ((k + 1) & mask);
            for (int j = 0; j < lanes; j++) {
                int tau = staleness[j].next(k);
                if (tau > limit || tau < 0) {
                    tau = (int) limit;
                }
                int base = j * size;
                double g = a * ring[base + (int) ((k - tau) & mask)] + s * ZigguratNormal.sample(rngs[j]);
                double v = ring[base + cur] - eta * g;
                ring[base + dst] = v;
                if (!(Math.abs(v) <= bound)) {
                    throw ChainWorker.diverged(k + 1, first + j, v + star, bound);
                }
            }
            if (k + 1 == nextRecord) {
                for (int j = 0; j < lanes; j++) {
                    record(stats, rec, ring[j * size + dst]);
                }
                rec++;
                nextRecord = Math.min(nextRecord + every, steps);
                if (nextRecord == k + 1) {
                    nextRecord = -1;
                }
            }
        }
        stats.chains += lanes;
    }

    private void record(EnsembleStatistics stats, int r, double v) {
        u[0] = v;
        stats.add(r, u, 0, 0.5 * omega2 * v * v);
    }
}
