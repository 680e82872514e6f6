package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * With {@code spark.authenticate} and a secret, the parameter server's key is derived from Spark's
 * secret, which the executor tasks read from their own Spark configuration (not from the closure):
 * a run on such a context trains with every update applied.
 */
class SparkAuthTest {
    @Test
    void aRunOnAnAuthenticatedContextKeysTheChannelWithSparksSecret() throws InterruptedException {
        SparkConf conf = new SparkConf().setMaster("local[2,4]").setAppName("asgd-spark auth test")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.authenticate", "true")
                .set("spark.authenticate.secret", "a-test-secret").set("spark.asgd.ps.transport", "tcp");
        JavaSparkContext jsc = new JavaSparkContext(conf);
        try {
            TrainingConfig c = EmbeddedSpark.config(EmbeddedSpark.LS, "least-squares", "async", 2, 0.05, 200, 4, 0);
            SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0.3, null));
            RunResult r = EmbeddedSpark.run(engine, c, TrainingSession.Options.none());
            assertThat(r.updates()).isEqualTo(200);
            assertThat(r.workerSteps()[0] + r.workerSteps()[1]).isEqualTo(200);
            assertThat(new ChannelAddress("127.0.0.1", 1, new byte[32], true).executorKey())
                    .as("the executors' key: Spark's secret from SparkEnv")
                    .isEqualTo(new ChannelAddress("127.0.0.1", 1, new byte[32], true).key("a-test-secret"));
        } finally {
            jsc.stop();
        }
    }
}
