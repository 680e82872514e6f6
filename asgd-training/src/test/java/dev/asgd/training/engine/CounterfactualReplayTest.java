package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterfactualReplayTest {
    private static TrainingConfig config(double eta, long updates) {
        return new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 3,
                LearningRatePolicy.parse("constant"), eta, 8, updates, 5, 20, 0, WorkerDelay.parse("exp:0.02", 3));
    }

    @Test
    void theInMemoryScheduleIsTheRecordedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.csv");
        TrainingConfig c = config(0.05, 600);
        RunResult run = Fixtures.run(c, new TrainingSession.Options(null, false, file, null));
        Schedule recorded = Schedule.read(file);
        assertThat(run.schedule().toSchedule(c.fingerprint())).isEqualTo(recorded);
        assertThat(run.schedule().staleness()).containsExactly(run.stalenessSequence());
    }

    @Test
    void replayAtTheRecordedRateIsTheRunBitForBit() throws Exception {
        TrainingConfig c = config(0.05, 600);
        RunResult run = Fixtures.run(c, TrainingSession.Options.none());
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of("least-squares", d.train(), 0);
        CounterfactualReplay.Outcome o = CounterfactualReplay.replay(run.schedule().toSchedule(c.fingerprint()), c, p, d,
                1e6);
        assertThat(o.diverged()).isFalse();
        assertThat(o.finalParams()).containsExactly(run.params());
        assertThat(o.series()).hasSameSizeAs(run.series());
        for (int i = 0; i < run.series().size(); i++) {
            assertThat(o.series().get(i).trainLoss()).isEqualTo(run.series().get(i).trainLoss());
        }
    }

    /** Another eta: equal to the schedule applied by hand (an independent loop: read version, gradient, step). */
    @Test
    void replayAtAnotherRateFollowsTheScheduleByHand() throws Exception {
        TrainingConfig c = config(0.05, 400);
        RunResult run = Fixtures.run(c, TrainingSession.Options.none());
        Schedule s = run.schedule().toSchedule(c.fingerprint());
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of("least-squares", d.train(), 0);
        double eta = 0.17;
        CounterfactualReplay.Outcome o = CounterfactualReplay.sweep(s, c, p, d, new double[] {eta}, 1e6).get(0);

        LocalGradientComputer gc = new LocalGradientComputer(p, d.train(), c.batchSize(), c.seed());
        Map<Long, double[]> versions = new HashMap<>();
        double[] theta = new double[p.dimension()];
        versions.put(0L, theta.clone());
        List<Schedule.Entry> e = s.entries();
        for (int k = 0; k < e.size(); k++) {
            Gradient g = gc.compute(e.get(k).worker(), e.get(k).step(), e.get(k).readVersion(),
                    versions.get(e.get(k).readVersion()).clone(), false);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= eta * g.values()[i];
            }
            versions.put((long) k + 1, theta.clone());
        }
        assertThat(o.eta()).isEqualTo(eta);
        assertThat(o.finalParams()).containsExactly(theta);
    }

    @Test
    void aDivergentReplayIsAnOutcomeNamingItsUpdate() throws Exception {
        TrainingConfig c = config(0.05, 400);
        RunResult run = Fixtures.run(c, TrainingSession.Options.none());
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of("least-squares", d.train(), 0);
        List<CounterfactualReplay.Outcome> o = CounterfactualReplay.sweep(run.schedule().toSchedule(c.fingerprint()), c,
                p, d, new double[] {0.05, 3.0}, 1e6);
        assertThat(o.get(0).diverged()).isFalse();
        assertThat(o.get(1).diverged()).isTrue();
        assertThat(o.get(1).divergedAt()).isBetween(1L, 400L);
        assertThat(o.get(1).divergence()).contains("initial training loss");
        assertThat(o.get(1).series()).isNotEmpty();
    }

    @Test
    void replayRefusesAScheduleOfOtherSettingsThanTheRate() throws Exception {
        TrainingConfig c = config(0.05, 200);
        RunResult run = Fixtures.run(c, TrainingSession.Options.none());
        TrainingConfig other = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 3,
                LearningRatePolicy.parse("constant"), 0.05, 9, 200, 5, 20, 0, WorkerDelay.none());
        TrainTest d = Fixtures.data(other);
        Problem p = Problems.of("least-squares", d.train(), 0);
        assertThatThrownBy(() -> CounterfactualReplay.replay(run.schedule().toSchedule(c.fingerprint()), other, p, d, 1e6))
                .hasMessageContaining("apart from --eta");
    }

    @Test
    void aThreadedRunAboveTheDivergenceBoundStopsNamingUpdateAndWorker(@TempDir Path dir) throws Exception {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 3,
                LearningRatePolicy.parse("constant"), 3.0, 8, 2000, 5, 10, 1, WorkerDelay.none());
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, false, null, null)))
                .isInstanceOf(NumericalDivergenceException.class)
                .hasMessageMatching("diverged at step \\d+, worker \\d: .*initial training loss.*");
        // the last checkpoint's parameters have a training loss below the bound
        Checkpoint cp = new CheckpointStore(dir).read().orElseThrow();
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of("least-squares", d.train(), 0);
        Evaluator ev = new Evaluator(p, d, TrainingSession.EVAL_ROWS);
        assertThat(ev.trainLoss(cp.params())).isLessThan(1e6 * cp.series().get(0).trainLoss());
        assertThat(Files.list(dir)).isNotEmpty();
    }

    @Test
    void aHogwildRunAboveTheBoundStopsToo() {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("hogwild"), 2,
                LearningRatePolicy.parse("constant"), 3.0, 8, 2000, 5, 10, 0, WorkerDelay.none());
        assertThatThrownBy(() -> Fixtures.run(c, TrainingSession.Options.none()))
                .isInstanceOf(NumericalDivergenceException.class).hasMessageContaining("worker");
    }

    @Test
    void anInfiniteFactorLeavesOnlyNonFiniteValuesAsDivergence() throws Exception {
        TrainingConfig c = config(0.05, 100);
        RunResult r = Fixtures.run(c, TrainingSession.Options.none().withDivergenceFactor(Double.POSITIVE_INFINITY));
        assertThat(r.updates()).isEqualTo(100);
        assertThatThrownBy(() -> TrainingSession.Options.none().withDivergenceFactor(5))
                .hasMessageContaining("divergence-factor");
    }
}
