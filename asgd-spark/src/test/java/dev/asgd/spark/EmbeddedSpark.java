package dev.asgd.spark;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.Problems;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded SparkContext per test class (local[2,4]: 2 threads, 4 attempts per task), and small runs on
 * it. Its worker tasks reach the parameter server over TCP ({@code spark.asgd.ps.transport=tcp}), as on a
 * cluster, although they run in the driver's JVM; {@code InJvmTransportTest} covers the in-JVM default.
 */
final class EmbeddedSpark {
    /** Least squares, n = 2000 (1600 train), d = 5, noise 0.1. */
    static final String LS = "synthetic:least-squares,n=2000,d=5,noise=0.1";

    private EmbeddedSpark() {
    }

    /**
     * The embedded context of one test class, as a JUnit extension: started before its first test,
     * stopped after its last ({@code @RegisterExtension static final EmbeddedSpark.PerClass SPARK = ...}).
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private JavaSparkContext context;

        @Override
        public void beforeAll(ExtensionContext extension) {
            context = start();
        }

        @Override
        public void afterAll(ExtensionContext extension) {
            context.stop();
        }

        /** @return the running context */
        JavaSparkContext context() {
            return context;
        }
    }

    static JavaSparkContext start() {
        SparkConf conf = new SparkConf().setMaster("local[2,4]").setAppName("asgd-spark tests")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.scheduler.mode", "FAIR")
                .set("spark.sql.shuffle.partitions", "2").set("spark.asgd.ps.transport", "tcp");
        return new JavaSparkContext(conf);
    }

    static TrainingConfig config(String data, String problem, String mode, int workers, double eta, long updates,
            long seed, long checkpointEvery) {
        return new TrainingConfig(data, problem, 0, Mode.parse(mode), workers, new LearningRatePolicy.Constant(), eta, 16,
                updates, seed, Math.max(1, updates / 20), checkpointEvery, WorkerDelay.none());
    }

    static TrainTest data(TrainingConfig c) {
        return DataSources.load(c.data(), 0.2, c.seed());
    }

    static EngineProvider.Options options(double failures, Schedule replay) {
        return new EngineProvider.Options(null, failures, 60, replay);
    }

    static RunResult run(SparkEngine engine, TrainingConfig c, TrainingSession.Options o) throws InterruptedException {
        TrainTest d = data(c);
        return engine.run(TrainingSession.start(c, Problems.of(c.problem(), d.train(), c.l2()), d, o));
    }
}
