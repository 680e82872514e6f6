package dev.asgd.spark;

import static dev.asgd.spark.EmbeddedSpark.LS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.spark.bench.MllibComparison;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.problem.LeastSquares;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The engine on one embedded local[2,4] context, borrowed by every run. */
class SparkEngineTest {
    @RegisterExtension
    static final EmbeddedSpark.PerClass SPARK = new EmbeddedSpark.PerClass();

    /**
     * Async on least squares with a known (exact, conjugate-gradient) optimum: after 1000 updates
     * of batch 16 at eta 0.05 the excess training loss is below 0.01 (initially about 1; the noise
     * floor is about 1e-4, the schedule varies with timing: a margin of ~50x). Seed 7.
     */
    @Test
    void asyncReachesTheKnownOptimumAndRecordsStaleness() throws InterruptedException {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "async", 2, 0.05, 1000, 7, 0);
        SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0, null));
        RunResult r = EmbeddedSpark.run(engine, c, TrainingSession.Options.none());
        TrainTest d = EmbeddedSpark.data(c);
        LeastSquares ls = new LeastSquares(5, 0);
        double excess = r.last().trainLoss() - ls.loss(ls.optimum(d.train()), d.train());
        assertThat(excess).as("excess loss, seed 7").isBetween(-1e-12, 0.01);
        assertThat(r.engine()).isEqualTo("spark");
        assertThat(r.updates()).isEqualTo(1000);
        assertThat(r.last().update()).isEqualTo(1000);
        assertThat(r.workerSteps()[0] + r.workerSteps()[1]).isEqualTo(1000);
        // Staleness: one entry per update, and two workers overlap (tau > 0 for some updates).
        assertThat(r.stalenessSequence()).hasSize(1000);
        assertThat(r.fit().count()).isEqualTo(1000);
        assertThat(r.fit().mean()).as("mean staleness of 2 concurrent workers").isPositive();
        assertThat(r.fit().kappa()).isBetween(0.0, 1.0);
        // One job caches the shards, then one job of long-running worker tasks does every update.
        assertThat(engine.lastRun().jobs()).isEqualTo(2);
        assertThat(engine.lastRun().master()).isEqualTo("local[2,4]");
        assertThat(engine.lastRun().failedTaskAttempts()).isZero();
    }

    /**
     * Divergence is an error on Spark too: at eta 3 the loss passes 1e6 x its initial value within
     * a few dozen updates and the run stops with the update and the worker, in async and sync mode.
     */
    @Test
    void aDivergentRunStopsNamingTheUpdateAndWorker() {
        for (String mode : new String[] {"async", "sync"}) {
            TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", mode, 2, 3.0, 1000, 7, 0);
            SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0, null));
            assertThatThrownBy(() -> EmbeddedSpark.run(engine, c, TrainingSession.Options.none()))
                    .isInstanceOf(dev.asgd.core.NumericalDivergenceException.class)
                    .hasMessageContaining("initial training loss");
        }
    }

    /**
     * Worker tasks that fail mid-run are retried by Spark, resume from the server's next step for
     * their worker, and every update is applied exactly once: with p = 0.3 and seed 21 the first
     * attempts of both workers fail (worker 0 after sending its 38th gradient, worker 1 after its
     * 14th, each before reading the answer: the server may apply that gradient before or after the
     * retry asks for its next step, and a repeat is a duplicate). The run has exactly the updates
     * requested, and the recorded schedule shows each worker's minibatch steps 0, 1, 2, ... once
     * each, in order.
     */
    @Test
    void injectedTaskFailuresNeitherLoseNorDoubleAnUpdate(@TempDir Path dir) throws Exception {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "async", 2, 0.05, 300, 21, 0);
        SparkEngine engine = new SparkEngine(EmbeddedSpark.options(0.3, null));
        Path s = dir.resolve("s.csv");
        RunResult r = EmbeddedSpark.run(engine, c, new TrainingSession.Options(null, false, s, null));
        assertThat(r.updates()).isEqualTo(300);
        // seed 21 fails the first attempt of both workers after their k-th push (k at most half a worker's
        // share); a worker the scheduler starts late may not reach its k before the other ends the run
        // (seen once in CI on the 2-core machine), so at least one attempt failed, at most both
        assertThat(engine.lastRun().failedTaskAttempts()).as("the first attempts of both workers, seed 21")
                .isBetween(1L, 2L);
        assertThat(engine.lastRun().duplicatePushes()).isBetween(0L, 2L);
        long[] next = new long[2];
        List<Schedule.Entry> entries = Schedule.read(s).entries();
        assertThat(entries).hasSize(300);
        for (Schedule.Entry e : entries) {
            assertThat(e.step()).as("worker %d's next step", e.worker()).isEqualTo(next[e.worker()]++);
        }
        assertThat(next[0] + next[1]).isEqualTo(300);
        assertThat(r.workerSteps()).containsExactly(next[0], next[1]);
    }

    /**
     * A recorded async run replayed on Spark, twice, with task failures injected: every replay
     * gives the recorded run's parameters and staleness bit for bit.
     */
    @Test
    void replaysOfAScriptedScheduleAgreeBitForBit(@TempDir Path dir) throws Exception {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "async", 2, 0.05, 120, 5, 0);
        Path s = dir.resolve("s.csv");
        RunResult recorded = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), c,
                new TrainingSession.Options(null, false, s, null));
        Schedule schedule = Schedule.read(s);
        RunResult a = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0.3, schedule)), c,
                TrainingSession.Options.none());
        RunResult b = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0.3, schedule)), c,
                TrainingSession.Options.none());
        assertThat(a.params()).containsExactly(recorded.params());
        assertThat(b.params()).containsExactly(recorded.params());
        assertThat(b.stalenessSequence()).containsExactly(recorded.stalenessSequence());
        assertThat(b.last().trainLoss()).isEqualTo(recorded.last().trainLoss());
    }

    /**
     * Sync rounds average M gradients at one version on the same channel: no staleness, exactly the
     * requested rounds, and (sync being deterministic) the same parameters bit for bit with and
     * without injected task failures (seed 21: both workers' first attempts fail mid-run; a retried
     * worker's push into a round it already filled is a duplicate). Ssp:1 with failures: exactly the
     * requested updates, each worker's steps applied once, and no worker more than S + 1 ahead.
     */
    @Test
    void syncAndSspRunTheirModesUnderTaskFailures() throws InterruptedException {
        TrainingConfig sc = EmbeddedSpark.config("synthetic:softmax,n=1000,d=4,classes=3", "softmax", "sync", 2, 0.2, 200,
                21, 0);
        SparkEngine failing = new SparkEngine(EmbeddedSpark.options(0.3, null));
        RunResult sync = EmbeddedSpark.run(failing, sc, TrainingSession.Options.none());
        assertThat(sync.updates()).isEqualTo(200);
        assertThat(sync.total()).containsExactly(200);
        assertThat(sync.last().trainLoss()).isLessThan(sync.series().get(0).trainLoss());
        assertThat(failing.lastRun().failedTaskAttempts()).as("seed 21").isPositive();
        RunResult clean = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), sc,
                TrainingSession.Options.none());
        assertThat(sync.params()).containsExactly(clean.params());
        SparkEngine sspEngine = new SparkEngine(EmbeddedSpark.options(0.3, null));
        RunResult ssp = EmbeddedSpark.run(sspEngine,
                EmbeddedSpark.config("synthetic:logistic,n=1000,d=4", "logistic", "ssp:1", 2, 0.2, 200, 21, 0),
                TrainingSession.Options.none());
        assertThat(ssp.updates()).isEqualTo(200);
        assertThat(ssp.workerSteps()[0] + ssp.workerSteps()[1]).isEqualTo(200);
        assertThat(Math.abs(ssp.workerSteps()[0] - ssp.workerSteps()[1])).isLessThanOrEqualTo(2);
        assertThat(ssp.last().trainLoss()).isLessThan(ssp.series().get(0).trainLoss());
        List<Schedule.Entry> entries = ssp.schedule().toSchedule(ssp.config().fingerprint()).entries();
        long[] next = new long[2];
        for (Schedule.Entry e : entries) {
            assertThat(e.step()).as("worker %d's next step", e.worker()).isEqualTo(next[e.worker()]++);
        }
    }

    /** Sync and ssp workers wait for each other: more workers than task slots is refused before any job. */
    @Test
    void syncWithMoreWorkersThanTaskSlotsIsRefused() {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "sync", 3, 0.05, 10, 1, 0);
        assertThatThrownBy(() -> EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), c,
                TrainingSession.Options.none())).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("task slots");
    }

    /** With one worker a run is deterministic: stop at update 100 and resume gives the run of 200 updates. */
    @Test
    void checkpointAndResumeContinueTheRun(@TempDir Path dir) throws InterruptedException {
        TrainingConfig full = EmbeddedSpark.config(LS, "least-squares", "async", 1, 0.05, 200, 9, 50);
        RunResult straight = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), full,
                TrainingSession.Options.none());
        EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), full.withUpdates(100),
                new TrainingSession.Options(dir, false, null, null));
        RunResult resumed = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0.2, null)), full,
                new TrainingSession.Options(dir, true, null, null));
        assertThat(resumed.resumedFrom()).isEqualTo(100);
        assertThat(resumed.params()).containsExactly(straight.params());
    }

    /**
     * One worker, one shard holding every row in order: the executor worker's run is the threads
     * engine's bit for bit (same minibatches, same server), also with delay compensation, whose read
     * parameters the driver keeps per connection (the executor sends only the gradient).
     */
    @Test
    void oneExecutorWorkerGivesTheThreadsEnginesRunBitForBit() throws InterruptedException {
        for (String policy : new String[] {"constant", "dc-asgd:0.5"}) {
            TrainingConfig c = new TrainingConfig(LS, "least-squares", 0, dev.asgd.training.engine.Mode.parse("async"), 1,
                    dev.asgd.training.engine.LearningRatePolicy.parse(policy), 0.05, 16, 200, 13, 20, 0,
                    dev.asgd.training.engine.WorkerDelay.none());
            TrainTest d = EmbeddedSpark.data(c);
            RunResult threads = new dev.asgd.training.engine.ThreadsEngine().run(TrainingSession.start(c,
                    dev.asgd.training.problem.Problems.of(c.problem(), d.train(), 0), d, TrainingSession.Options.none()));
            RunResult spark = EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), c,
                    TrainingSession.Options.none());
            assertThat(spark.params()).as(policy).containsExactly(threads.params());
            assertThat(spark.last().trainLoss()).as(policy).isEqualTo(threads.last().trainLoss());
        }
    }

    /** The MLlib comparison on a small problem: both methods reach an easy target, and the report states the ratio. */
    @Test
    void mllibComparisonTimesBothToTheTarget() throws InterruptedException {
        MllibComparison.Comparison c = MllibComparison.compare(SPARK.context(),
                new MllibComparison.Settings(2000, 5, 2, 16, 0.05, 0.5, 0.05, 150, 1));
        assertThat(c.asgd().seconds()).as("asgd time to target").isPositive();
        assertThat(c.mllib().seconds()).as("mllib time to target").isPositive();
        assertThat(c.mllib().finalExcess()).isLessThan(0.05);
        assertThat(c.ratio()).isPositive();
        assertThat(MllibComparison.format(c, 2000, 5, 2, 0.05, "local[2,4]")).contains("ratio mllib / asgd");
        assertThatThrownBy(() -> new MllibComparison.Settings(5, 5, 2, 16, 0.05, 0.5, 0.05, 150, 1))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsHogwild() {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "hogwild", 2, 0.05, 10, 1, 0);
        assertThatThrownBy(() -> EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), c,
                TrainingSession.Options.none())).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("hogwild");
    }

    @Test
    void rejectsAnotherMasterThanTheRunningContexts() {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "async", 2, 0.05, 10, 1, 0);
        SparkEngine e = new SparkEngine(new dev.asgd.training.engine.EngineProvider.Options("local[1]", 0, 60, null));
        assertThatThrownBy(() -> EmbeddedSpark.run(e, c, TrainingSession.Options.none()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("one SparkContext per JVM");
    }

    @Test
    void rejectsMoreWorkersThanRows() {
        TrainingConfig c = EmbeddedSpark.config("synthetic:least-squares,n=10,d=2", "least-squares", "async", 9, 0.05,
                10, 1, 0);
        assertThatThrownBy(() -> EmbeddedSpark.run(new SparkEngine(EmbeddedSpark.options(0, null)), c,
                TrainingSession.Options.none())).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("workers");
    }
}
