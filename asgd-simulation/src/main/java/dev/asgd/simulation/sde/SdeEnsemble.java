package dev.asgd.simulation.sde;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.random.ChainStreams;
import dev.asgd.simulation.BlockEnsemble;
import dev.asgd.simulation.SeriesPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * N independent paths of the SME, integrated by one {@link SdeScheme}, with the simulator's
 * ensemble statistics at every record step (the shared loop of every scheme). Chain c draws its
 * normals from stream c of {@link ChainStreams} (Commons RNG ziggurat), chains run in the
 * simulator's fixed blocks ({@link BlockEnsemble}), so the result is bit-identical for any thread
 * count.
 */
public final class SdeEnsemble {
    private SdeEnsemble() {
    }

    /**
     * @param config what to run
     * @param progress told the number of SME steps done over all chains (may be null)
     * @return the series, with SME time t = step deltaT
     * @throws NumericalDivergenceException naming the ASGD step and the chain when a path diverges
     */
    public static SdeResult run(SdeConfig config, LongConsumer progress) {
        long start = System.nanoTime();
        int records = config.records();
        long[] recordSteps = new long[records];
        for (int r = 0; r < records; r++) {
            recordSteps[r] = config.recordStep(r);
        }
        SdeProblem problem = config.problem();
        BlockEnsemble.Shape shape = new BlockEnsemble.Shape(config.runs(), config.threads(), records, recordSteps,
                problem.loss().minimizer(), config.quantileLevels());
        long perChain = config.steps() * config.substeps();
        LongConsumer chains = progress == null ? null : n -> progress.accept(n * perChain);
        List<SeriesPoint> raw = BlockEnsemble.run(shape, () -> new Kernel(config), chains);
        double deltaT = problem.deltaT();
        List<SeriesPoint> series = new ArrayList<>(raw.size());
        for (SeriesPoint p : raw) {
            series.add(withTime(p, p.step() * deltaT));
        }
        int threads = (int) Math.min(config.threads(),
                (config.runs() + (long) dev.asgd.simulation.EnsembleSimulator.BLOCK_SIZE - 1)
                        / dev.asgd.simulation.EnsembleSimulator.BLOCK_SIZE);
        return new SdeResult(config, series, (System.nanoTime() - start) * 1e-9, config.runs() * perChain, threads);
    }

    /**
     * @param p a record
     * @param time its SME time
     * @return the record with {@code time} set
     */
    public static SeriesPoint withTime(SeriesPoint p, double time) {
        return new SeriesPoint(p.step(), time, p.mean(), p.meanStdErr(), p.secondMomentPerCoordinate(),
                p.secondMoment(), p.secondMomentStdErr(), p.excessLoss(), p.excessLossStdErr(), p.quantiles());
    }

    /** One thread's chain loop: the scheme, the state and the divergence check. */
    private static final class Kernel implements BlockEnsemble.ChainKernel {
        private final SdeConfig config;
        private final QuadraticLoss loss;
        private final SdeScheme scheme;
        private final ChainStreams streams;
        private final double[] theta0;
        private final double[] y0;
        private final double[] star;
        private final double[] theta;
        private final double[] y;
        private final double[] u;
        private final double bound;

        Kernel(SdeConfig config) {
            this.config = config;
            SdeProblem p = config.problem();
            this.loss = p.loss();
            this.scheme = config.scheme().create(p, config.dt());
            this.streams = new ChainStreams(config.seed());
            this.theta0 = p.theta0();
            this.y0 = p.y0();
            this.star = loss.minimizer();
            this.theta = new double[theta0.length];
            this.y = new double[theta0.length];
            this.u = new double[theta0.length];
            this.bound = config.divergenceBound();
        }

        @Override
        public void run(long chain, BlockEnsemble.RecordSink sink) {
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(streams.stream(chain));
            NormalSource normal = gauss::sample;
            System.arraycopy(theta0, 0, theta, 0, theta.length);
            System.arraycopy(y0, 0, y, 0, y.length);
            scheme.begin(theta, y);
            record(sink, 0);
            long steps = config.steps();
            long every = config.every();
            int substeps = config.substeps();
            int rec = 1;
            for (long k = 1; k <= steps; k++) {
                for (int s = 0; s < substeps; s++) {
                    scheme.step(theta, y, normal);
                }
                check(k, chain);
                if (k % every == 0 || k == steps) {
                    record(sink, rec++);
                }
            }
        }

        private void check(long k, long chain) {
            for (int i = 0; i < theta.length; i++) {
                double v = theta[i];
                if (!(Math.abs(v - star[i]) <= bound) || !Double.isFinite(y[i])) {
                    double bad = Double.isFinite(y[i]) ? v : y[i];
                    throw new NumericalDivergenceException(k, "chain " + chain + " (SME, scheme "
                            + config.scheme().label() + ")", bad,
                            Double.isFinite(bad) ? "|Theta - theta*| > " + bound : "not finite");
                }
            }
        }

        private void record(BlockEnsemble.RecordSink sink, int r) {
            for (int i = 0; i < u.length; i++) {
                u[i] = theta[i] - star[i];
            }
            sink.record(r, u, loss.value(theta) - loss.minimumValue());
        }
    }
}
