package dev.asgd.benchmarks;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.MinibatchSampler;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import java.util.Locale;

/**
 * Long training runs fit JMH badly (one run is one measurement, and the interesting output is a
 * time to a loss, not an operation's cost), so this is a plain main, run by hand:
 * <pre>
 *   java -cp asgd-benchmarks/target/benchmarks.jar dev.asgd.benchmarks.TrainingThroughput [UPDATES] [D] [quick]
 * </pre>
 * With {@code quick} it prints only the sequential loop and async M = 1, 2 (one line each, after a
 * warm-up pass of each), for {@code asgd-benchmarks/bench/train_vs_numpy.sh}; these async runs compute
 * their metrics at the start and the end only, like the sequential loop (which has none): 200 metric
 * points on 14,000 rows would be about 0.45x the training's arithmetic, on the cores the workers use.
 * It prints updates per second of each mode against a tight sequential SGD loop on the same data
 * and minibatches (the ceiling), and the time to reach a target excess loss for sequential, async
 * and sync.
 */
public final class TrainingThroughput {
    private TrainingThroughput() {
    }

    /**
     * @param args updates (default 200000) and features d (default 100)
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        long updates = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String spec = "synthetic:least-squares,n=20000,d=" + d + ",noise=0.1";
        TrainTest data = DataSources.load(spec, 0.2, 1);
        LeastSquares ls = new LeastSquares(d, 0);
        double lossStar = ls.loss(ls.optimum(data.train()), data.train());
        System.out.printf(Locale.ROOT, "data %s, %d updates, batch 16, eta 0.01%n", spec, updates);
        if (args.length > 2 && args[2].equals("quick")) {
            tightLoop(ls, data, updates);
            run(spec, data, ls, "async", 1, updates, 0.01, updates);
            run(spec, data, ls, "async", 2, updates, 0.01, updates);
            System.out.printf(Locale.ROOT, "%-26s %12.0f updates/s%n", "sequential", tightLoop(ls, data, updates));
            for (int m = 1; m <= 2; m++) {
                RunResult res = run(spec, data, ls, "async", m, updates, 0.01, updates);
                System.out.printf(Locale.ROOT, "%-26s %12.0f updates/s  mean staleness %.3f%n", "async_M" + m,
                        res.updatesPerSecond(), res.fit().mean());
            }
            return;
        }
        for (int rep = 0; rep < 2; rep++) {
            double tight = tightLoop(ls, data, updates);
            System.out.printf(Locale.ROOT, "%-26s %12.0f updates/s%n", "sequential tight loop", tight);
        }
        String[][] runs = {{"async", "1"}, {"async", "2"}, {"async", "4"}, {"hogwild", "2"}, {"hogwild", "4"},
            {"sync", "2"}, {"ssp:2", "2"}};
        for (String[] r : runs) {
            RunResult res = run(spec, data, ls, r[0], Integer.parseInt(r[1]), updates, 0.01);
            System.out.printf(Locale.ROOT, "%-26s %12.0f updates/s  final excess loss %.3g  mean staleness %.3f%n",
                    r[0] + " M=" + r[1], res.updatesPerSecond(), res.last().trainLoss() - lossStar, res.fit().mean());
        }
        timeToTarget(spec, data, ls, lossStar, updates);
    }

    /**
     * Time to a target excess loss at a learning rate small enough that the transient spans many
     * metric points (eta 0.002, a metric point every 100 updates). Engine runs report the wall time
     * of the first point below the target (metric evaluation included); the sequential loop is timed
     * without evaluation, and its update count to the target is read off a separate evaluated pass.
     */
    static void timeToTarget(String spec, TrainTest data, LeastSquares ls, double lossStar, long updates)
            throws InterruptedException {
        double eta = 0.002;
        double initial = ls.loss(new double[ls.dimension()], data.train()) - lossStar;
        double target = 1e-3 * initial;
        System.out.printf(Locale.ROOT, "time to excess loss %.3g (1e-3 of the initial %.3g), eta %.3g:%n", target,
                initial, eta);
        long seqUpdates = sequentialUpdatesToTarget(ls, data, lossStar, target, eta, updates);
        double seqRate = tightLoop(ls, data, Math.max(seqUpdates, 1), eta);
        System.out.printf(Locale.ROOT, "%-26s %8.3f s at update %d (tight loop, no evaluation)%n", "sequential",
                seqUpdates / seqRate, seqUpdates);
        String[][] ttt = {{"async", "1"}, {"async", "2"}, {"async", "4"}, {"sync", "2"}, {"hogwild", "2"}};
        for (String[] r : ttt) {
            RunResult res = run(spec, data, ls, r[0], Integer.parseInt(r[1]), updates, eta, 100);
            double t = Double.NaN;
            long u = -1;
            for (var p : res.series()) {
                if (p.trainLoss() - lossStar < target) {
                    t = p.seconds();
                    u = p.update();
                    break;
                }
            }
            System.out.printf(Locale.ROOT, "%-26s %8.3f s at update %d  (mean staleness %.2f)%n",
                    r[0] + " M=" + r[1], t, u, res.fit().mean());
        }
    }

    private static long sequentialUpdatesToTarget(LeastSquares ls, TrainTest data, double lossStar, double target,
            double eta, long max) {
        double[] w = new double[ls.dimension()];
        double[] g = new double[w.length];
        int[] batch = new int[16];
        for (long k = 0; k < max; k++) {
            if (k % 100 == 0 && ls.loss(w, data.train()) - lossStar < target) {
                return k;
            }
            MinibatchSampler.sample(1, 0, k, data.train().size(), batch);
            ls.gradient(w, data.train(), batch, g);
            for (int i = 0; i < w.length; i++) {
                w[i] -= eta * g[i];
            }
        }
        return max;
    }

    private static RunResult run(String spec, TrainTest data, LeastSquares ls, String mode, int m, long updates, double eta)
            throws InterruptedException {
        return run(spec, data, ls, mode, m, updates, eta, Math.max(1, updates / 200));
    }

    private static RunResult run(String spec, TrainTest data, LeastSquares ls, String mode, int m, long updates,
            double eta, long evalEvery) throws InterruptedException {
        TrainingConfig c = new TrainingConfig(spec, "least-squares", 0, Mode.parse(mode), m,
                new LearningRatePolicy.Constant(), eta, 16, updates, 1, evalEvery, 0, WorkerDelay.none());
        return new ThreadsEngine().run(TrainingSession.start(c, ls, data, TrainingSession.Options.none()));
    }

    /** The ceiling: plain SGD in one thread, same minibatches, no server, no copies. */
    static double tightLoop(LeastSquares ls, TrainTest data, long updates) {
        return tightLoop(ls, data, updates, 0.01);
    }

    static double tightLoop(LeastSquares ls, TrainTest data, long updates, double eta) {
        double[] w = new double[ls.dimension()];
        double[] g = new double[w.length];
        int[] batch = new int[16];
        long t0 = System.nanoTime();
        for (long k = 0; k < updates; k++) {
            MinibatchSampler.sample(1, 0, k, data.train().size(), batch);
            ls.gradient(w, data.train(), batch, g);
            for (int i = 0; i < w.length; i++) {
                w[i] -= eta * g[i];
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (!Double.isFinite(w[0])) {
            throw new IllegalStateException("diverged");
        }
        return updates / s;
    }
}
