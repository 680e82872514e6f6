package dev.asgd.simulation;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.random.ChainStreams;
import dev.asgd.core.random.OpenXoRoShiRo128PlusPlus;
import dev.asgd.core.random.ZigguratNormal;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.GeometricTable;

/**
 * The paper's own model, fastest: d = 1, the unperturbed quadratic, additive Gaussian noise and
 * geometric staleness with kappa &gt; 0. One chain at a time with its generator's state in local
 * variables (XoRoShiRo128++ stepped inline), the staleness a {@link GeometricTable} lookup and the
 * noise a {@link ZigguratNormal} lookup of the word just drawn; the rare cases (a ziggurat wedge or
 * tail, a lag beyond the table) hand the state to an {@link OpenXoRoShiRo128PlusPlus} and take it
 * back. It draws exactly the words, and computes exactly the values, of {@link QuadraticChainRunner}
 * (tested), so results do not depend on which runner ran.
 */
final class GeometricScalarRunner implements ChainWorker {
    /** Record values buffered per chunk of chains (2 MB). */
    private static final int BUFFER = 1 << 18;

    private final ChainStreams streams;
    private final GeometricTable table;
    private final int cells;
    private final int lag;
    private final int mask;
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
    private final OpenXoRoShiRo128PlusPlus spare = new OpenXoRoShiRo128PlusPlus(0, 1);

    GeometricScalarRunner(SimulationConfig config) {
        AdditiveGaussianNoise noise = (AdditiveGaussianNoise) config.oracle();
        QuadraticLoss loss = (QuadraticLoss) noise.loss();
        this.streams = new ChainStreams(config.seed());
        this.table = new GeometricTable(((GeometricStaleness) config.staleness()).kappa());
        this.cells = table.cells();
        this.lag = config.historyLag();
        int size = Integer.highestOneBit(Math.max(2, lag + 2) - 1) << 1;
        this.mask = size - 1;
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
    }

    /** @return true for d = 1, the unperturbed quadratic, additive noise, geometric kappa &gt; 0 */
    static boolean applies(SimulationConfig config) {
        return ScalarInterleavedRunner.applies(config) && config.staleness() instanceof GeometricStaleness g
                && g.kappa() > 0;
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
        long s0 = start.s0;
        long s1 = start.s1;
        final double[] ring = this.ring;
        final double[] buffer = this.buffer;
        final int mask = this.mask;
        final double eta = this.eta;
        final double a = omega2;
        final double s = sigma;
        final double bound = this.bound;
        final GeometricTable table = this.table;
        final int cells = this.cells;
        final long lag = this.lag;
        ring[0] = u0;
        double theta = u0; // theta - theta*
        buffer[j] = theta;
        long k = 0;
        for (int r = 1; r < records; r++) {
            long end = Math.min(steps, r * every);
            for (; k < end; k++) {
                // staleness: one word, inverted through the table
                long word = OpenXoRoShiRo128PlusPlus.mix(s0, s1);
                long t = OpenXoRoShiRo128PlusPlus.next0(s0, s1);
                s1 = OpenXoRoShiRo128PlusPlus.next1(s0, s1);
                s0 = t;
                long tau = table.cell(word);
                if (tau == cells) {
                    spare.s0 = s0;
                    spare.s1 = s1;
                    tau = cells + table.sample(spare);
                    s0 = spare.s0;
                    s1 = spare.s1;
                }
                long limit = Math.min(k, lag);
                if (tau > limit) {
                    tau = limit;
                }
                // noise: one word through the ziggurat
                word = OpenXoRoShiRo128PlusPlus.mix(s0, s1);
                t = OpenXoRoShiRo128PlusPlus.next0(s0, s1);
                s1 = OpenXoRoShiRo128PlusPlus.next1(s0, s1);
                s0 = t;
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
                double v = theta - eta * (a * ring[(int) ((k - tau) & mask)] + s * z);
                ring[(int) ((k + 1) & mask)] = v;
                theta = v;
                if (!(Math.abs(v) <= bound)) {
                    throw new NumericalDivergenceException(k + 1, "chain " + chain, v + star,
                            Double.isFinite(v) ? "|theta - theta*| > " + bound : "not finite");
                }
            }
            buffer[r * n + j] = theta;
        }
    }
}
