package dev.asgd.simulation;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.random.ChainStreams;
import dev.asgd.core.random.OpenXoRoShiRo128PlusPlus;
import dev.asgd.core.random.ZigguratNormal;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.GeometricTable;

/**
 * The paper's own model, fastest: d = 1, the unperturbed quadratic, additive Gaussian noise and
 * geometric staleness with kappa &gt; 0 (and a history of at most 2^16 steps). One chain at a time
 * with its generator's state in local variables (XoRoShiRo128++ stepped inline), the staleness a
 * lookup of the word just drawn in the {@link GeometricTable#clipped} table and the noise a
 * {@link ZigguratNormal} lookup of the next word; the rare case (a ziggurat wedge or tail, about
 * 1 % of steps) hands the state to an {@link OpenXoRoShiRo128PlusPlus} and takes it back. It draws
 * exactly the words, and computes exactly the values, of {@link QuadraticChainRunner} (tested), so
 * results do not depend on which runner ran.
 */
final class GeometricScalarRunner implements ChainWorker {
    /** Record values buffered per chunk of chains (64 KB, so that the buffer stays in the L2 cache). */
    private static final int BUFFER = 1 << 13;

    private final ChainStreams streams;
    private final long[] thresholds;
    private final int[] guide;
    private final int shift;
    private final double[] ring;
    private final int records;
    private final int chunk;
    private final double[] buffer;
    private final double halfCurvature;
    private final double omega2;
    private final double sigma;
    private final double u0;
    private final double star;
    private final double eta;
    private final double bound;
    private final long steps;
    private final long every;
    private final int recordsPerCall;
    /** The chain in flight between calls of advance: index, generator state, theta - theta*, step. */
    private long chain;
    private long s0;
    private long s1;
    private double theta;
    private long k;
    private final OpenXoRoShiRo128PlusPlus spare = new OpenXoRoShiRo128PlusPlus(0, 1);

    GeometricScalarRunner(SimulationConfig config) {
        AdditiveGaussianNoise noise = (AdditiveGaussianNoise) config.oracle();
        QuadraticLoss loss = (QuadraticLoss) noise.loss();
        this.streams = new ChainStreams(config.seed());
        int lag = config.historyLag();
        GeometricTable table = GeometricTable.clipped(((GeometricStaleness) config.staleness()).kappa(), lag);
        this.thresholds = table.thresholds();
        this.guide = table.guide();
        this.shift = table.guideShift();
        int size = config.ringSize();
        this.ring = new double[size];
        this.omega2 = loss.hessianDiagonal()[0];
        this.sigma = noise.sigma()[0];
        this.star = loss.minimizer()[0];
        this.u0 = config.theta0()[0] - star;
        this.eta = config.eta();
        this.bound = config.divergenceBound();
        this.steps = config.steps();
        this.every = config.every();
        this.records = config.records();
        this.chunk = Math.max(1, Math.min(EnsembleSimulator.BLOCK_SIZE, BUFFER / records));
        this.buffer = new double[records * chunk];
        this.halfCurvature = 0.5 * omega2;
        this.recordsPerCall = (int) Math.max(1, Math.min(records, 128 / every));
    }

    /** @return true for d = 1, the unperturbed quadratic, additive noise, geometric kappa &gt; 0 */
    static boolean applies(SimulationConfig config) {
        return ScalarInterleavedRunner.applies(config) && config.staleness() instanceof GeometricStaleness g
                && g.kappa() > 0 && config.historyLag() <= GeometricTable.MAX_CLIPPED_LAG;
    }

    @Override
    public void run(long chain, EnsembleStatistics stats) {
        runBlock(chain, chain + 1, stats);
    }

    /**
     * Runs the chains a chunk at a time, keeping their records in a buffer, then adds the chunk to
     * the statistics record by record (in chain order: the same sums as one chain at a time), so
     * that each record's quantile sketch is touched in one burst rather than once per chain.
     */
    @Override
    public void runBlock(long from, long to, EnsembleStatistics stats) {
        for (long c = from; c < to; c += chunk) {
            int n = (int) Math.min(chunk, to - c);
            for (int j = 0; j < n; j++) {
                runChain(c + j, j, n);
            }
            for (int r = 0; r < records; r++) {
                stats.addScalars(r, buffer, r * n, n, halfCurvature);
            }
            stats.chains += n;
        }
    }

    /** One chain; its record r goes to buffer[r * n + j]. */
    private void runChain(long chain, int j, int n) {
        OpenXoRoShiRo128PlusPlus start = streams.openStream(chain);
        this.chain = chain;
        this.s0 = start.s0;
        this.s1 = start.s1;
        this.theta = u0;
        this.k = 0;
        // every slot holds theta_0: a lag beyond k reads a slot not yet written (lag < ring size)
        java.util.Arrays.fill(ring, u0);
        buffer[j] = u0;
        for (int r = 1; r < records; r += recordsPerCall) {
            advance(r, Math.min(records, r + recordsPerCall), j, n);
        }
    }

    /**
     * Records rFrom..rTo-1 of the chain in flight, its state in fields between calls and in local
     * variables within. Called every {@code recordsPerCall} records (about 128 steps) rather than
     * once per chain, so that the method is compiled after a few chains instead of after about 60
     * chains in the interpreter (about 1.6 microseconds a step there).
     */
    private void advance(int rFrom, int rTo, int j, int n) {
        long s0 = this.s0;
        long s1 = this.s1;
        double theta = this.theta;
        long k = this.k;
        final long chain = this.chain;
        final double[] ring = this.ring;
        final double[] buffer = this.buffer;
        final int mask = ring.length - 1;
        final double eta = this.eta;
        final double a = omega2;
        final double s = sigma;
        final double bound = this.bound;
        final long[] thresholds = this.thresholds;
        final int[] guide = this.guide;
        final int guideMask = guide.length - 1;
        final int shift = this.shift;
        for (int r = rFrom; r < rTo; r++) {
            long end = Math.min(steps, r * every);
            for (; k < end; k++) {
                // staleness: one word, inverted through the table
                long word = Long.rotateLeft(s0 + s1, 17) + s0;
                long t = s1 ^ s0;
                s0 = Long.rotateLeft(s0, 49) ^ t ^ (t << 21);
                s1 = Long.rotateLeft(t, 28);
                long x = word >>> 2;
                int tau = guide[(int) (x >>> shift) & guideMask];
                if (tau < 0) {
                    tau = ~tau;
                    while (x >= thresholds[tau]) {
                        tau++;
                    }
                }
                // tau <= lag (the clipped table); a read before step 0 finds theta_0 in the ring

                // noise: one word through the ziggurat
                word = Long.rotateLeft(s0 + s1, 17) + s0;
                t = s1 ^ s0;
                s0 = Long.rotateLeft(s0, 49) ^ t ^ (t << 21);
                s1 = Long.rotateLeft(t, 28);
                double z;
                if (ZigguratNormal.isFast(word)) {
                    z = ZigguratNormal.fastValue(word);
                } else {
                    spare.s0 = s0;
                    spare.s1 = s1;
                    z = ZigguratNormal.slowValue(word, spare);
                    s0 = spare.s0;
                    s1 = spare.s1;
                }
                int p = (int) k;
                double v = theta - eta * (a * ring[(p - tau) & mask] + s * z);
                ring[(p + 1) & mask] = v;
                theta = v;
                if (!(Math.abs(v) <= bound)) {
                    throw ChainWorker.diverged(k + 1, chain, v + star, bound);
                }
            }
            buffer[r * n + j] = theta;
        }
        this.s0 = s0;
        this.s1 = s1;
        this.theta = theta;
        this.k = k;
    }
}
