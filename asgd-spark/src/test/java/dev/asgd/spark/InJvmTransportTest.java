package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.Problems;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default transport on a local master: the worker tasks run in the driver's JVM and use the
 * server's channel without a socket. The same guarantees as over TCP: exactly once under injected
 * mid-run failures, sync rounds deterministic, a single worker equal to the threads engine (with
 * delay compensation, the read parameters carried by the gradient), a divergence is the run's error.
 */
class InJvmTransportTest {
    private static JavaSparkContext context;

    @BeforeAll
    static void start() {
        context = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("asgd-spark in-JVM tests")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.scheduler.mode", "FAIR"));
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    /** Seed 21 at p = 0.3: both workers' first attempts fail mid-run (after their 38th and 14th push). */
    @Test
    void injectedFailuresNeitherLoseNorDoubleAnUpdateAndSyncIsDeterministic() throws InterruptedException {
        TrainingConfig c = EmbeddedSpark.config(EmbeddedSpark.LS, "least-squares", "async", 2, 0.05, 300, 21, 0);
        SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0.3, null));
        RunResult r = EmbeddedSpark.run(engine, c, TrainingSession.Options.none());
        assertThat(r.updates()).isEqualTo(300);
        assertThat(engine.lastRun().failedTaskAttempts()).isEqualTo(2);
        long[] next = new long[2];
        List<Schedule.Entry> entries = r.schedule().toSchedule(c.fingerprint()).entries();
        assertThat(entries).hasSize(300);
        for (Schedule.Entry e : entries) {
            assertThat(e.step()).as("worker %d's next step", e.worker()).isEqualTo(next[e.worker()]++);
        }
        assertThat(r.workerSteps()).containsExactly(next[0], next[1]);
        assertThat(engine.lastRun().meanCosts()[0]).as("gradient seconds").isPositive();
        TrainingConfig sc = EmbeddedSpark.config("synthetic:softmax,n=1000,d=4,classes=3", "softmax", "sync", 2, 0.2, 100,
                21, 0);
        RunResult failing = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0.3, null)), sc,
                TrainingSession.Options.none());
        RunResult clean = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), sc,
                TrainingSession.Options.none());
        assertThat(failing.updates()).isEqualTo(100);
        assertThat(failing.params()).containsExactly(clean.params());
    }

    @Test
    void oneWorkerIsTheThreadsEnginesRunAndADivergenceIsTheRunsError() throws InterruptedException {
        TrainingConfig c = new TrainingConfig(EmbeddedSpark.LS, "least-squares", 0, Mode.parse("async"), 1,
                LearningRatePolicy.parse("dc-asgd:0.5"), 0.05, 16, 200, 13, 20, 0, WorkerDelay.none());
        TrainTest d = EmbeddedSpark.data(c);
        RunResult threads = new ThreadsEngine().run(TrainingSession.start(c, Problems.of(c.problem(), d.train(), 0), d,
                TrainingSession.Options.none()));
        RunResult spark = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), c,
                TrainingSession.Options.none());
        assertThat(spark.params()).containsExactly(threads.params());
        TrainingConfig diverging = EmbeddedSpark.config(EmbeddedSpark.LS, "least-squares", "async", 2, 3.0, 1000, 7, 0);
        assertThatThrownBy(() -> EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), diverging,
                TrainingSession.Options.none())).isInstanceOf(dev.asgd.core.NumericalDivergenceException.class)
                .hasMessageContaining("initial training loss");
    }
}
