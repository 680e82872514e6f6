package dev.asgd.simulation;

import dev.asgd.core.NumericalDivergenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * N independent chains of discrete ASGD on T threads. Chains are grouped in blocks of
 * {@link #BLOCK_SIZE} (chain c is in block c / BLOCK_SIZE whatever T is); a thread takes the next
 * block, runs its chains in index order into the block's own statistics, and hands them to an
 * in-order merger, which adds block b only after blocks 0..b-1. Every floating-point sum is thus
 * formed in the same order for any T: the result is bit-identical. Memory per thread: the ring of
 * L + 1 iterates, the statistics of the blocks in flight (O(R d) each, R records), never O(N K).
 */
public final class EnsembleSimulator {
    /** Chains per block. */
    public static final int BLOCK_SIZE = 256;

    private EnsembleSimulator() {
    }

    /**
     * @param config what to run
     * @param progress told the number of member-steps done (may be null); called from worker threads
     * @return the ensemble series and timing
     * @throws NumericalDivergenceException naming step and chain when a chain diverges
     */
    public static SimulationResult run(SimulationConfig config, LongConsumer progress) {
        long start = System.nanoTime();
        int records = config.records();
        int d = config.dimension();
        boolean quantiles = config.quantileLevels().length > 0;
        int blocks = (int) ((config.runs() + (long) BLOCK_SIZE - 1) / BLOCK_SIZE);
        int threads = Math.min(config.threads(), blocks);
        QuantileSketch[] sketches = quantiles ? EnsembleStatistics.newSketches(records) : null;
        long steps = config.steps();
        BlockEnsemble.InOrder merger = new BlockEnsemble.InOrder(new EnsembleStatistics(records, d, sketches),
                progress == null ? null : chains -> progress.accept(chains * steps));
        List<QuantileSketch[]> threadSketches = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable worker = () -> {
            ChainWorker runner = ChainWorker.of(config);
            QuantileSketch[] mine = quantiles ? EnsembleStatistics.newSketches(records) : null;
            if (quantiles) {
                threadSketches.add(mine);
            }
            int b;
            while (!stop.get() && (b = next.getAndIncrement()) < blocks) {
                EnsembleStatistics s = new EnsembleStatistics(records, d, mine);
                long from = (long) b * BLOCK_SIZE;
                long to = Math.min(config.runs(), from + BLOCK_SIZE);
                try {
                    runner.runBlock(from, to, s);
                } catch (RuntimeException e) {
                    stop.set(true);
                    throw e;
                }
                merger.offer(b, s);
            }
        };
        if (threads == 1) {
            worker.run();
        } else {
            BlockEnsemble.runOnPool(worker, threads, stop);
        }
        EnsembleStatistics total = merger.total;
        if (quantiles) {
            for (QuantileSketch[] t : threadSketches) {
                for (int r = 0; r < records; r++) {
                    sketches[r].merge(t[r]);
                }
            }
        }
        double[] star = config.oracle().loss().minimizer();
        double[] levels = config.quantileLevels();
        List<SeriesPoint> series = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            series.add(total.point(r, config.recordStep(r), star, levels));
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        long memberSteps = config.runs() * config.steps();
        Performance perf = new Performance(seconds, memberSteps, memberSteps / seconds, threads, config.historyLag(),
                BLOCK_SIZE);
        return new SimulationResult(config, series, perf);
    }
}
