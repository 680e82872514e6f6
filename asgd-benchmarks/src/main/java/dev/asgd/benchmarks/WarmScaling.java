package dev.asgd.benchmarks;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.MinibatchSampler;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.problem.VectorOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import org.apache.commons.statistics.descriptive.Median;

/**
 * Two workers against one on Fashion-MNIST softmax (batch 32, eta 0.1, the second half's iterates
 * averaged, metrics at the ends only: the runs of {@code train_vs_numpy.sh}), in one JVM whose JIT
 * is warm, interleaved round by round, each round after a measurement of the cores' cache-line round
 * trip ({@link CoreToCore}). Beside them, the machine's ceiling: two threads computing the same
 * minibatch gradients at parameters of their own, which share nothing, against one. What it
 * separates: {@code train_vs_numpy.sh} times whole processes, whose first second the JIT shares
 * with the workers, and the host's placement of the two virtual CPUs moves its ratios by a third;
 * here each ratio is the engine's, at a known placement. A plain main:
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp asgd-benchmarks/target/benchmarks.jar \
 *       dev.asgd.benchmarks.WarmScaling [ROUNDS=7] [UPDATES=100000]
 * </pre>
 * It prints each round, then the medians over the rounds whose cores shared a cache (round trip
 * below {@link #SHARED_CACHE_NANOS}) and over the others.
 */
public final class WarmScaling {
    /** Round trips below this (ns) come from two cores that share a cache (about 50-200 ns against about 450). */
    static final double SHARED_CACHE_NANOS = 300;

    private WarmScaling() {
    }

    /**
     * @param args rounds (default 7) and updates per run (default 100000)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        TrainTest data = DataSources.load("fashion-mnist", 0.2, 1);
        Problem p = Problems.of("softmax", data.train(), 0);
        System.out.printf(Locale.ROOT, "Fashion-MNIST softmax, %d training rows, batch 32, eta 0.1, %d updates per"
                + " run, --average tail:0.5; JIT warm-up: one run of each first%n", data.train().size(), updates);
        run(p, data, 1, updates, 0);
        run(p, data, 2, updates, 0);
        independent(p, data, 1, updates / 4);
        independent(p, data, 2, updates / 4);
        List<double[]> rows = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double c2c = CoreToCore.roundTripNanos(300_000);
            double m1 = run(p, data, 1, updates, r);
            double m2 = run(p, data, 2, updates, r);
            double i1 = independent(p, data, 1, updates / 4);
            double i2 = independent(p, data, 2, updates / 4);
            rows.add(new double[] {c2c, m1, m2, i1, i2});
            System.out.printf(Locale.ROOT, "round %d  cores %4.0f ns apart  async M=1 %6.0f  M=2 %6.0f updates/s"
                    + "  (x%.3f)   own parameters: 1 thread %6.0f  2 threads %6.0f gradients/s  (x%.3f)%n",
                    r, c2c, m1, m2, m2 / m1, i1, i2, i2 / i1);
        }
        summary("cores sharing a cache", rows, true);
        summary("cores not sharing one", rows, false);
    }

    private static void summary(String label, List<double[]> rows, boolean shared) {
        List<Double> engine = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        for (double[] row : rows) {
            if (row[0] < SHARED_CACHE_NANOS == shared) {
                engine.add(row[2] / row[1]);
                ceiling.add(row[4] / row[3]);
            }
        }
        if (engine.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-22s no round%n", label);
            return;
        }
        System.out.printf(Locale.ROOT, "%-22s %d rounds: async M=2 / M=1 median %.3f; two threads at parameters of"
                + " their own / one: median %.3f%n", label, engine.size(), median(engine), median(ceiling));
    }

    private static double median(List<Double> values) {
        return Median.withDefaults().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One threads-engine run as {@code train} makes it: updates per second. */
    private static double run(Problem p, TrainTest data, int workers, int updates, long seed) throws Exception {
        TrainingConfig c = TrainingConfig.builder("fashion-mnist", "softmax").l2(0).mode(Mode.parse("async"))
                .workers(workers).policy(new LearningRatePolicy.Constant()).batchSize(32).updates(updates)
                .evalEvery(updates).delay(WorkerDelay.parse("none", workers)).eta(0.1).seed(seed + 1).build();
        TrainingSession.Options o = TrainingSession.Options.none().withAverageTail(0.5);
        return new ThreadsEngine().run(TrainingSession.start(c, p, data, o)).updatesPerSecond();
    }

    /**
     * Threads that each compute minibatch gradients and SGD steps at parameters of their own (nothing
     * shared, no server): the most two workers can do on this machine.
     *
     * @return gradients per second of all threads
     */
    private static double independent(Problem p, TrainTest data, int threads, int perThread) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        long[] nanos = new long[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int w = t;
            ts[t] = new Thread(() -> {
                double[] theta = new double[p.dimension()];
                double[] g = new double[p.dimension()];
                int[] batch = new int[32];
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long t0 = System.nanoTime();
                for (int k = 0; k < perThread; k++) {
                    MinibatchSampler.sample(1, w, k, data.train().size(), batch);
                    p.gradient(theta, data.train(), batch, g);
                    VectorOps.step(theta, 0.1, g, theta);
                }
                nanos[w] = System.nanoTime() - t0;
            });
            ts[t].start();
        }
        double total = 0;
        for (int t = 0; t < threads; t++) {
            ts[t].join();
            total += perThread / (nanos[t] / 1e9);
        }
        return total;
    }
}
