package dev.asgd.spark;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Engine throughput side by side in one JVM (run by {@code asgd-spark/bench/scaling.sh}): for each
 * case, runs alternate between the engines (and worker counts) on one SparkContext, after an untimed
 * warm-up of each, and the median steady-state rate is printed: updates per second from the first
 * progress report at or after 10 % of the run to the last update (so the context's, the shards' and
 * the tasks' start-up is not counted; metrics are evaluated at the start and the end only, so the
 * evaluator does not compete with the workers; both engines are measured the same way).
 *
 * <pre>
 * EngineScaling MASTER REPS UPDATES DATA PROBLEM BATCH ETA ENGINES:WORKERS...
 *   e.g. local[2] 5 20000 synthetic:logistic,n=20000,d=20 logistic 16 0.05 threads:2 spark:2 sparktcp:2
 * </pre>
 * Engines: {@code threads}; {@code spark} (worker tasks in the driver's JVM use the server without a
 * socket); {@code sparktcp} (every worker over TCP, as on a cluster).
 * With a {@code spark://} master, {@code -Dspark.jars=asgd-spark-app/target/asgd-spark.jar} ships
 * the engine to the executors.
 */
public final class EngineScaling {
    private EngineScaling() {
    }

    /**
     * @param args see the class comment
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        String master = args[0];
        int reps = Integer.parseInt(args[1]);
        long updates = Long.parseLong(args[2]);
        String data = args[3];
        String problem = args[4];
        int batch = Integer.parseInt(args[5]);
        double eta = Double.parseDouble(args[6]);
        List<String> cases = Arrays.asList(args).subList(7, args.length);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("asgd engine scaling")
                .setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                .setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.scheduler.mode", "FAIR")
                .setIfMissing("spark.locality.wait", "0");
        JavaSparkContext jsc = new JavaSparkContext(conf);
        try {
            TrainTest d = DataSources.load(data, 0.2, 1);
            System.out.printf(Locale.ROOT, "# %s, %s %s n_train=%d d=%d batch=%d eta=%s updates=%d reps=%d%n", master,
                    data, problem, d.train().size(), d.train().features(), batch, eta, updates, reps);
            List<List<Double>> rates = new ArrayList<>();
            for (String c : cases) {
                rates.add(new ArrayList<>());
                run(c, d, data, problem, batch, eta, Math.max(200, updates / 5), master); // warm-up, untimed
            }
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < cases.size(); i++) {
                    double rate = run(cases.get(i), d, data, problem, batch, eta, updates, master);
                    rates.get(i).add(rate);
                    System.out.printf(Locale.ROOT, "rep %d %-10s %10.1f updates/s%n", r, cases.get(i), rate);
                }
            }
            double first = median(rates.get(0));
            for (int i = 0; i < cases.size(); i++) {
                double m = median(rates.get(i));
                System.out.printf(Locale.ROOT, "median %-10s %10.1f updates/s  (x%.2f of %s)  runs %s%n", cases.get(i), m,
                        m / first, cases.get(0), format(rates.get(i)));
            }
        } finally {
            jsc.stop();
        }
    }

    private static double run(String c, TrainTest d, String data, String problem, int batch, double eta, long updates,
            String master) throws InterruptedException {
        String[] f = c.split(":");
        int workers = Integer.parseInt(f[1]);
        TrainingConfig config = new TrainingConfig(data, problem, 0, Mode.parse("async"), workers,
                new LearningRatePolicy.Constant(), eta, batch, updates, 1, updates, 0, WorkerDelay.none());
        SparkEngine spark = f[0].equals("threads") ? null
                : new SparkEngine(new EngineProvider.Options(master, 0, 120, null, true));
        // spark: the context's transport (in-JVM on local masters); sparktcp: every worker over TCP
        JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate())
                .setLocalProperty(ExecutorWorkers.TRANSPORT, f[0].equals("sparktcp") ? "tcp" : null);
        Engine engine = spark == null ? new ThreadsEngine() : spark;
        long[] from = {-1, 0};
        long[] to = {0, 0};
        TrainingSession.Listener clock = (version, target, loss, rate, staleness) -> {
            long now = System.nanoTime();
            if (from[0] < 0 && version >= target / 10) {
                from[0] = version;
                from[1] = now;
            }
            to[0] = version;
            to[1] = now;
        };
        TrainingSession s = TrainingSession.start(config, Problems.of(problem, d.train(), 0), d,
                new TrainingSession.Options(null, false, null, clock));
        RunResult r = engine.run(s);
        if (r.updates() != updates) {
            throw new IllegalStateException(c + " did " + r.updates() + " updates");
        }
        if (spark != null) {
            double[] k = spark.lastRun().meanCosts();
            System.out.printf(Locale.ROOT, "    %s per update: gradient %.1f us, push round trip %.1f us, driver apply %.1f us"
                    + ", mean staleness %.2f%n", c, k[0] * 1e6, k[1] * 1e6, k[2] * 1e6, r.fit().mean());
        }
        return (to[0] - from[0]) / ((to[1] - from[1]) / 1e9);
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static String format(List<Double> xs) {
        StringBuilder b = new StringBuilder("[");
        for (double x : xs) {
            b.append(b.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.0f", x));
        }
        return b.append(']').toString();
    }
}
