package dev.asgd.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The simulator's ensemble machinery for any chain model (used by the SDE integrators of
 * {@code dev.asgd.simulation.sde}): N chains in fixed blocks of {@link EnsembleSimulator#BLOCK_SIZE}
 * on T threads, each chain's records summed into its block's {@link EnsembleStatistics}, blocks
 * merged strictly in block order, quantile sketches (integer counts) kept per thread and merged at
 * the end. The result is therefore bit-identical for any thread count, exactly as for
 * {@link EnsembleSimulator} (which shares this class's in-order merge and thread pool).
 */
public final class BlockEnsemble {

    /** Where one chain puts its state at each record. */
    public interface RecordSink {
        /**
         * @param record the record index r (0 for the initial state)
         * @param u theta - theta* (length d, not kept)
         * @param excessLoss f(theta) - f*
         */
        void record(int record, double[] u, double excessLoss);
    }

    /** Runs one whole chain; one instance per thread, so it may own scratch buffers. */
    public interface ChainKernel {
        /**
         * @param chain the chain index (its random stream)
         * @param sink where its records go, in record order
         */
        void run(long chain, RecordSink sink);
    }

    /**
     * The shape of an ensemble run.
     *
     * @param runs N chains
     * @param threads T worker threads (the result does not depend on it)
     * @param records R records per chain
     * @param recordSteps the step of each record (R values)
     * @param thetaStar theta*
     * @param levels quantile levels of |theta - theta*| (may be empty)
     */
    public record Shape(long runs, int threads, int records, long[] recordSteps, double[] thetaStar,
            double[] levels) {
    }

    private BlockEnsemble() {
    }

    /**
     * @param shape the ensemble's shape
     * @param kernels makes one kernel per thread
     * @param chainsDone told the number of chains finished so far (may be null); called from worker threads
     * @return one record per record step, time left NaN
     * @throws RuntimeException whatever a kernel throws (the first failure), after stopping the others
     */
    public static List<SeriesPoint> run(Shape shape, Supplier<ChainKernel> kernels, LongConsumer chainsDone) {
        int records = shape.records();
        int d = shape.thetaStar().length;
        boolean quantiles = shape.levels().length > 0;
        long blockSize = EnsembleSimulator.BLOCK_SIZE;
        int blocks = (int) ((shape.runs() + blockSize - 1) / blockSize);
        int threads = Math.max(1, Math.min(shape.threads(), blocks));
        QuantileSketch[] sketches = quantiles ? EnsembleStatistics.newSketches(records) : null;
        InOrder merger = new InOrder(new EnsembleStatistics(records, d, sketches), chainsDone);
        List<QuantileSketch[]> threadSketches = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable worker = () -> {
            ChainKernel kernel = kernels.get();
            QuantileSketch[] mine = quantiles ? EnsembleStatistics.newSketches(records) : null;
            if (quantiles) {
                threadSketches.add(mine);
            }
            int b;
            while (!stop.get() && (b = next.getAndIncrement()) < blocks) {
                EnsembleStatistics s = new EnsembleStatistics(records, d, mine);
                RecordSink sink = (r, u, excess) -> s.add(r, u, 0, excess);
                long to = Math.min(shape.runs(), (b + 1) * blockSize);
                try {
                    for (long c = b * blockSize; c < to; c++) {
                        kernel.run(c, sink);
                        s.chains++;
                    }
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
            runOnPool(worker, threads, stop);
        }
        if (quantiles) {
            for (QuantileSketch[] t : threadSketches) {
                for (int r = 0; r < records; r++) {
                    sketches[r].merge(t[r]);
                }
            }
        }
        List<SeriesPoint> series = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            series.add(merger.total.point(r, shape.recordSteps()[r], shape.thetaStar(), shape.levels()));
        }
        return series;
    }

    /**
     * Runs the same worker on T daemon threads and rethrows the first failure after all have ended
     * (shared with {@link EnsembleSimulator}).
     */
    static void runOnPool(Runnable worker, int threads, AtomicBoolean stop) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "asgd-ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            RuntimeException failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null && e.getCause() instanceof RuntimeException re) {
                        failure = re;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds block statistics strictly in block order (shared with {@link EnsembleSimulator}). */
    static final class InOrder {
        final EnsembleStatistics total;
        private final Map<Integer, EnsembleStatistics> pending = new HashMap<>();
        private final LongConsumer chainsDone;
        private int nextBlock;

        InOrder(EnsembleStatistics total, LongConsumer chainsDone) {
            this.total = total;
            this.chainsDone = chainsDone;
        }

        synchronized void offer(int block, EnsembleStatistics s) {
            pending.put(block, s);
            EnsembleStatistics n;
            while ((n = pending.remove(nextBlock)) != null) {
                total.merge(n);
                nextBlock++;
            }
            if (chainsDone != null) {
                chainsDone.accept(total.chains);
            }
        }
    }
}
