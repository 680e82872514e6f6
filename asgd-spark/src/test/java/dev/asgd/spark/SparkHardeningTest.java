package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, item 5, without a cluster: the configuration a run gets, and its one-line errors. */
class SparkHardeningTest {
    @Test
    void aClusterMasterGetsTheApplicationJarUnlessSet(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("asgd-spark.jar"), new byte[] {1});
        SparkConf conf = new SparkConf(false);
        SparkLease.shipApplicationJar(conf, "spark://127.0.0.1:7177", jar);
        assertThat(conf.get("spark.jars")).isEqualTo(jar.toAbsolutePath().toString());
        SparkConf set = new SparkConf(false).set("spark.jars", "/x/mine.jar");
        SparkLease.shipApplicationJar(set, "spark://h:7077", jar);
        assertThat(set.get("spark.jars")).isEqualTo("/x/mine.jar");
        SparkConf local = new SparkConf(false);
        SparkLease.shipApplicationJar(local, "local[2,4]", jar);
        assertThat(local.contains("spark.jars")).isFalse();
        assertThatThrownBy(() -> SparkLease.shipApplicationJar(new SparkConf(false), "spark://h:7077", dir))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("master = spark://h:7077")
                .hasMessageContaining("spark.jars");
        SparkConf own = new SparkConf(false).set("spark.executor.extraClassPath", "/opt/asgd/*");
        SparkLease.shipApplicationJar(own, "spark://h:7077", dir);
        assertThat(own.contains("spark.jars")).isFalse();
    }

    @Test
    void aMissingClassIsNamedNotBlamedOnTheMaster() {
        Throwable t = new RuntimeException("wrapped", new NoClassDefFoundError("com/fasterxml/jackson/databind/Module"));
        assertThat(SparkLease.missingClass(t)).isInstanceOf(NoClassDefFoundError.class);
        assertThat(SparkLease.missingClass(new RuntimeException("x"))).isNull();
    }

    @Test
    void quietSilencesSparkWarningsForTheRunOnly() {
        var tsm = LogManager.getLogger("org.apache.spark.scheduler.TaskSetManager");
        assertThat(tsm.isWarnEnabled()).isTrue();
        SparkLogging.Quiet quiet = SparkLogging.quiet(true);
        try {
            assertThat(tsm.isWarnEnabled()).isFalse();
            assertThat(tsm.isErrorEnabled()).isTrue();
        } finally {
            quiet.close();
        }
        assertThat(tsm.isWarnEnabled()).isTrue();
        SparkLogging.Quiet loud = SparkLogging.quiet(false);
        try {
            assertThat(tsm.isWarnEnabled()).isTrue();
        } finally {
            loud.close();
        }
        assertThat(tsm.isWarnEnabled()).isTrue();
    }

    /** The context stopped under a run (what the master's removal of the application does): one clear line. */
    @Test
    void anApplicationStoppedUnderTheRunIsReportedInOneLine() {
        TrainingConfig c = EmbeddedSpark.config(EmbeddedSpark.LS, "least-squares", "async", 2, 0.05, 10, 1, 0);
        TrainTest d = EmbeddedSpark.data(c);
        SparkLease lease = SparkLease.acquire("local[2]", false, 60);
        try {
            assertThat(lease.owned()).isTrue();
            GradientJobs jobs = new GradientJobs(lease, d.train(), 2,
                    ProblemSpec.of(Problems.of(c.problem(), d.train(), 0), d.train().features()), 16, 1, 0, 60);
            assertThat(jobs.one(0, 0, 0, new double[6])).isNotNull();
            lease.context().stop();
            assertThatThrownBy(() -> jobs.one(1, 0, 0, new double[6]))
                    .isInstanceOf(GradientJobs.ApplicationEndedException.class)
                    .hasMessageContaining("the Spark application ended during the gradient job of worker 1 step 0")
                    .hasMessageContaining("the master removed it");
            jobs.close();
        } finally {
            lease.close();
        }
    }
}
