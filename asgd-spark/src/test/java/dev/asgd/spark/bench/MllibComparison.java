package dev.asgd.spark.bench;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.spark.SparkEngine;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LeastSquaresGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The peer, side by side: least squares on the same synthetic data and the same master, trained by
 * Spark MLlib's synchronous mini-batch SGD ({@code GradientDescent.runMiniBatchSGD}, step
 * eta0 / sqrt(t), M * B rows per iteration, the MLlib least-squares gradient, which is asgd's:
 * 0.5 (x . w + b - y)^2 with the intercept as a last feature of 1) and by the asgd Spark engine,
 * async with M workers and batch B. Both losses are asgd's training loss on the same rows, from
 * parameters snapshotted as the runs go (after an untimed warm-up of both); the clock of each starts with the data on the driver and
 * the context up (so each includes caching its data on the executors). Reported: wall time to
 * reach excess loss {@code target} over the exact optimum, and the ratio MLlib / asgd.
 *
 * <p>A benchmark run by hand, in asgd-spark's test sources (not shipped in the application jar):
 * <pre>
 * mvn -q -DskipTests -pl asgd-spark-app -am package
 * java @asgd-spark/spark-jvm.options \
 *     -cp asgd-spark/target/test-classes:asgd-spark-app/target/asgd-spark.jar:$(cat asgd-spark-app/target/spark-classpath.txt) \
 *     dev.asgd.spark.bench.MllibComparison [n] [d] [workers] [target] [master] [max updates]
 * </pre>
 */
public final class MllibComparison {
    /**
     * @param n rows (80 % train)
     * @param d features
     * @param workers M, the partitions of both
     * @param batch B rows per asgd gradient (MLlib: M * B per iteration)
     * @param asgdEta asgd's constant learning rate
     * @param mllibEta MLlib's initial step eta0
     * @param target excess training loss to reach
     * @param maxUpdates the most updates (asgd) and iterations (MLlib)
     * @param seed the data seed
     */
    public record Settings(int n, int d, int workers, int batch, double asgdEta, double mllibEta, double target,
            int maxUpdates, long seed) {
        /** Validates. */
        public Settings {
            if (n < 10 || d < 1 || workers < 1 || batch < 1 || !(asgdEta > 0) || !(mllibEta > 0) || !(target > 0)
                    || maxUpdates < 1) {
                throw new InvalidParameterException("settings", "n=" + n + ",d=" + d + ",workers=" + workers,
                        "n >= 10, d, workers, batch, etas, target and updates positive");
            }
        }
    }

    /**
     * @param name the method
     * @param seconds wall time to reach the target (NaN if it did not)
     * @param steps updates or iterations to reach it
     * @param finalExcess excess loss at the end of the run
     * @param totalSeconds wall time of the whole run
     */
    public record Outcome(String name, double seconds, long steps, double finalExcess, double totalSeconds) {
    }

    /**
     * @param asgd the asgd async run
     * @param mllib the MLlib run
     * @param lossStar the optimal training loss
     */
    public record Comparison(Outcome asgd, Outcome mllib, double lossStar) {
        /** @return MLlib's time to target over asgd's */
        public double ratio() {
            return mllib.seconds() / asgd.seconds();
        }
    }

    private MllibComparison() {
    }

    /**
     * Runs both on the given context.
     *
     * @param jsc the context (both runs share it)
     * @param s the settings
     * @return the comparison
     * @throws InterruptedException when interrupted
     */
    public static Comparison compare(JavaSparkContext jsc, Settings s) throws InterruptedException {
        String spec = "synthetic:least-squares,n=" + s.n() + ",d=" + s.d() + ",noise=0.1";
        TrainTest data = DataSources.load(spec, 0.2, s.seed());
        LeastSquares ls = new LeastSquares(s.d(), 0);
        Dataset train = data.train();
        double lossStar = ls.loss(ls.optimum(train), train);
        // Warm-up, untimed: both code paths once (class loading, JIT, MLlib's BLAS lookup), so that neither
        // run pays the cold JVM alone.
        Settings warm = new Settings(s.n(), s.d(), s.workers(), s.batch(), s.asgdEta(), s.mllibEta(), s.target(),
                Math.min(20, s.maxUpdates()), s.seed());
        mllib(jsc, train, ls, lossStar, warm);
        asgd(data, ls, lossStar, warm, spec, jsc.sc().master());
        Outcome mllib = mllib(jsc, train, ls, lossStar, s);
        Outcome asgd = asgd(data, ls, lossStar, s, spec, jsc.sc().master());
        return new Comparison(asgd, mllib, lossStar);
    }

    private static Outcome asgd(TrainTest data, LeastSquares ls, double lossStar, Settings s, String spec, String master)
            throws InterruptedException {
        long every = Math.max(1, s.maxUpdates() / 500);
        TrainingConfig c = new TrainingConfig(spec, "least-squares", 0, Mode.parse("async"), s.workers(),
                new LearningRatePolicy.Constant(), s.asgdEta(), s.batch(), s.maxUpdates(), s.seed(), every, 0,
                WorkerDelay.none());
        TrainingSession session = TrainingSession.start(c, ls, data, TrainingSession.Options.none());
        RunResult r = new SparkEngine(new EngineProvider.Options(master, 0, 120, null)).run(session);
        for (MetricPoint p : r.series()) {
            if (p.trainLoss() - lossStar <= s.target()) {
                return new Outcome("asgd async (spark engine)", p.seconds(), p.update(), r.last().trainLoss() - lossStar,
                        r.seconds());
            }
        }
        return new Outcome("asgd async (spark engine)", Double.NaN, -1, r.last().trainLoss() - lossStar, r.seconds());
    }

    private static Outcome mllib(JavaSparkContext jsc, Dataset train, LeastSquares ls, double lossStar, Settings s) {
        int d = train.features();
        int parts = s.workers();
        List<List<Tuple2<Object, Vector>>> shards = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            shards.add(new ArrayList<>());
        }
        double[] x = new double[d];
        for (int i = 0; i < train.size(); i++) {
            java.util.Arrays.fill(x, 0);
            train.addScaled(i, 1.0, x, 0);
            double[] withBias = java.util.Arrays.copyOf(x, d + 1);
            withBias[d] = 1;
            shards.get(i % parts).add(new Tuple2<>(train.label(i), Vectors.dense(withBias)));
        }
        RecordingUpdater updater = new RecordingUpdater(1);
        long t0 = System.nanoTime();
        updater.start(t0);
        // As for asgd's shards: the rows travel once by broadcast and are cached; the partitions carry no data,
        // so the tasks of every iteration stay small.
        List<Broadcast<List<Tuple2<Object, Vector>>>> data = new ArrayList<>();
        for (List<Tuple2<Object, Vector>> shard : shards) {
            data.add(jsc.broadcast(shard));
        }
        List<Broadcast<List<Tuple2<Object, Vector>>>> handles = List.copyOf(data);
        JavaRDD<Tuple2<Object, Vector>> rdd = jsc.parallelize(java.util.stream.IntStream.range(0, parts).boxed().toList(), parts)
                .mapPartitionsWithIndex((p, ignored) -> handles.get(p).value().iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        rdd.count();
        double fraction = Math.min(1.0, (double) s.workers() * s.batch() / train.size());
        GradientDescent.runMiniBatchSGD(rdd.rdd(), new LeastSquaresGradient(), updater, s.mllibEta(), s.maxUpdates(), 0.0,
                fraction, Vectors.zeros(d + 1), 0.0);
        double total = (System.nanoTime() - t0) / 1e9;
        rdd.unpersist(false);
        data.forEach(Broadcast::destroy);
        double last = Double.NaN;
        for (RecordingUpdater.Snapshot p : updater.snapshots()) {
            last = ls.loss(p.weights(), train) - lossStar;
            if (last <= s.target()) {
                return new Outcome("mllib runMiniBatchSGD (sync)", p.seconds(), p.iteration(), last, total);
            }
        }
        return new Outcome("mllib runMiniBatchSGD (sync)", Double.NaN, -1, last, total);
    }

    /**
     * @param args [n] [d] [workers] [target] [master] [max updates]: defaults 20000 20 2 0.01 local[WORKERS] 1000
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        double target = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
        String master = args.length > 4 ? args[4] : "local[" + m + "]";
        int updates = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
        SparkConf conf = new SparkConf().setMaster(master).setAppName("asgd vs mllib")
                .setIfMissing("spark.scheduler.mode", "FAIR").setIfMissing("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            Comparison c = compare(jsc, new Settings(n, d, m, 16, 0.05, 0.5, target, updates, 1));
            System.out.print(format(c, n, d, m, target, master));
        }
    }

    /**
     * @param c the comparison
     * @param n rows
     * @param d features
     * @param m workers
     * @param target excess loss
     * @param master the master
     * @return the comparison as text
     */
    public static String format(Comparison c, int n, int d, int m, double target, String master) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "least squares n=%d d=%d, %d workers/partitions, master %s, target excess loss %g"
                + " (optimal loss %.6g)%n", n, d, m, master, target, c.lossStar()));
        for (Outcome o : List.of(c.asgd(), c.mllib())) {
            b.append(String.format(Locale.ROOT, "%-28s time to target %8.3f s at step %6d; run %.3f s, final excess %.3g%n",
                    o.name(), o.seconds(), o.steps(), o.totalSeconds(), o.finalExcess()));
        }
        b.append(String.format(Locale.ROOT, "ratio mllib / asgd (time to target): %.2f%n", c.ratio()));
        return b.toString();
    }
}
