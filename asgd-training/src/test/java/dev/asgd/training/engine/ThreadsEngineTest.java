package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.LeastSquares;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadsEngineTest {
    /**
     * Each mode and policy converges on least squares with a known (exact, conjugate-gradient)
     * optimum: after 4000 updates with batch 16 the excess training loss is below 0.01 (the
     * initial excess is about 1; the noise floor of eta 0.05 and batch 16 is about 1e-4). Seed 7;
     * the schedule varies with the thread interleaving, the bound has a margin of ~50x.
     */
    @ParameterizedTest
    @CsvSource({
        "async, 2, constant, 0.05",
        "async, 3, scaled, 0.15",
        "async, 2, staleness-aware, 0.08",
        "async, 2, dc-asgd:0.5, 0.05",
        "hogwild, 2, constant, 0.05",
        "sync, 2, constant, 0.05",
        "ssp:1, 2, constant, 0.05",
        "async, 1, constant, 0.05"
    })
    void convergesToTheKnownOptimum(String mode, int workers, String policy, double eta) throws InterruptedException {
        TrainingConfig c = Fixtures.config(Fixtures.LS, "least-squares", mode, workers, policy, eta, 4000, 7);
        TrainTest d = Fixtures.data(c);
        RunResult r = Fixtures.run(c, TrainingSession.Options.none());
        LeastSquares ls = new LeastSquares(5, 0);
        double lossStar = ls.loss(ls.optimum(d.train()), d.train());
        double excess = r.last().trainLoss() - lossStar;
        assertThat(r.updates()).isEqualTo(4000);
        assertThat(excess).as("excess loss of %s/%s, seed 7", mode, policy).isBetween(-1e-12, 0.01);
        assertThat(r.series().get(0).update()).isZero();
        assertThat(r.last().update()).isEqualTo(4000);
        assertThat(r.fit().count()).isEqualTo(4000);
        if (mode.equals("sync")) {
            assertThat(r.total()).containsExactly(4000);
        }
    }

    @Test
    void softmaxAndLogisticLearnSyntheticClasses() throws InterruptedException {
        RunResult soft = Fixtures.run(Fixtures.config("synthetic:softmax,n=3000,d=5,classes=3", "softmax", "async", 2,
                "constant", 0.2, 3000, 3), TrainingSession.Options.none());
        RunResult logi = Fixtures.run(Fixtures.config("synthetic:logistic,n=3000,d=5", "logistic", "async", 2,
                "constant", 0.2, 3000, 3), TrainingSession.Options.none());
        // Chance is 1/3 and 1/2; the generating models (weight scale 3) allow ~0.8.
        assertThat(soft.last().testAccuracy()).isGreaterThan(0.6);
        assertThat(logi.last().testAccuracy()).isGreaterThan(0.7);
        assertThat(soft.last().trainLoss()).isLessThan(soft.series().get(0).trainLoss());
    }

    @Test
    void divergenceStopsWithTheUpdateAndWorker(@TempDir Path dir) {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 2,
                new LearningRatePolicy.Constant(), 50, 16, 2000, 1, 10, 1, WorkerDelay.none());
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, false, null, null)))
                .isInstanceOf(NumericalDivergenceException.class).hasMessageContaining("worker");
        // The last checkpoint is finite.
        Checkpoint cp = new CheckpointStore(dir).read().orElseThrow();
        for (double v : cp.params()) {
            assertThat(v).isFinite();
        }
    }

    /**
     * A divergence stops every worker: ssp workers waiting for a dead worker's clock are released
     * (this hung before), and a sync round's divergence is the run's error, not a broken barrier.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ssp:1", "sync", "async", "hogwild", "hogwild:racy"})
    @org.junit.jupiter.api.Timeout(60)
    void aDivergenceStopsEveryWorkerAndIsTheRunsError(String mode, @org.junit.jupiter.api.io.TempDir Path dir) {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse(mode), 3,
                new LearningRatePolicy.Constant(), 5, 16, 100_000, 1, 10, 0, WorkerDelay.none());
        assertThatThrownBy(() -> Fixtures.run(c, TrainingSession.Options.none().withDivergenceFactor(10)))
                .isInstanceOf(NumericalDivergenceException.class);
        if (!mode.startsWith("hogwild")) {
            // with checkpoints the appliers wait for the background evaluations: still no hang
            TrainingConfig ck = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse(mode), 3,
                    new LearningRatePolicy.Constant(), 5, 16, 100_000, 1, 3, 7, WorkerDelay.none());
            assertThatThrownBy(() -> Fixtures.run(ck,
                    new TrainingSession.Options(dir, false, null, null).withDivergenceFactor(10)))
                    .isInstanceOf(NumericalDivergenceException.class);
        }
    }

    @Test
    void delaysProduceStalenessWithOneSlowWorker() throws InterruptedException {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 2,
                new LearningRatePolicy.Constant(), 0.02, 16, 300, 1, 50, 0, WorkerDelay.parse("fixed:0.2,slow:1:5", 2));
        RunResult r = Fixtures.run(c, TrainingSession.Options.none());
        // Worker 1 sleeps 5 times as long: its updates see several of worker 0's in between.
        assertThat(r.workerSteps()[0]).isGreaterThan(r.workerSteps()[1]);
        assertThat(r.histograms()[1].length).isGreaterThan(2);
    }

    @Test
    void rejectsCheckpointsWithHogwildAndSchedulesWithSync(@TempDir Path dir) {
        TrainingConfig hog = Fixtures.config(Fixtures.LS, "least-squares", "hogwild", 2, "constant", 0.05, 100, 1);
        assertThatThrownBy(() -> Fixtures.run(hog, new TrainingSession.Options(dir, false, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("checkpoint");
        TrainingConfig sync = Fixtures.config(Fixtures.LS, "least-squares", "sync", 2, "constant", 0.05, 100, 1);
        assertThatThrownBy(() -> Fixtures.run(sync, new TrainingSession.Options(null, false, dir.resolve("s"), null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("record-schedule");
    }
}
