package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class IterateAverageTest {
    @Test
    void theRunningMeanIsTheMeanOfTheTail() {
        IterateAverage a = IterateAverage.tail(0.5, 10, 2, 1);
        assertThat(a.from()).isEqualTo(6);
        double[] sum = new double[2];
        for (long v = 1; v <= 10; v++) {
            double[] p = {v, v * v};
            a.add(v, 0, p);
            if (v >= 6) {
                sum[0] += p[0];
                sum[1] += p[1];
            }
        }
        assertThat(a.count()).isEqualTo(5);
        assertThat(a.mean()[0]).isCloseTo(sum[0] / 5, within(1e-12));
        assertThat(a.mean()[1]).isCloseTo(sum[1] / 5, within(1e-12));
        assertThat(IterateAverage.tail(1, 10, 1, 1).from()).isEqualTo(1);
        assertThatThrownBy(() -> IterateAverage.tail(0, 10, 1, 1)).hasMessageContaining("average");
        assertThatThrownBy(() -> IterateAverage.tail(1.5, 10, 1, 1)).hasMessageContaining("average");
    }

    /**
     * Versions added by three workers (and sync rounds, worker -1) into parts of their own average to the mean of all
     * of them; with one worker the mean is its running mean bit for bit.
     */
    @Test
    void thePartsOfSeveralWorkersAverageToTheMeanOfEveryVersion() {
        IterateAverage a = IterateAverage.tail(0.8, 50, 3, 3);
        IterateAverage one = IterateAverage.tail(0.8, 50, 3, 1);
        IterateAverage single = IterateAverage.tail(0.8, 50, 3, 1);
        double[] sum = new double[3];
        double[] running = new double[3];
        long n = 0;
        for (long v = 1; v <= 50; v++) {
            double[] p = {Math.sin(v), v * 0.1, 1.0 / v};
            int worker = (int) (v * 7 % 4) - 1;
            a.add(v, worker, p);
            one.add(v, worker, p);
            single.add(v, 0, p);
            if (v >= a.from()) {
                n++;
                for (int i = 0; i < 3; i++) {
                    sum[i] += p[i];
                    running[i] += (p[i] - running[i]) * (1.0 / n);
                }
            }
        }
        assertThat(a.count()).isEqualTo(40).isEqualTo(n);
        for (int i = 0; i < 3; i++) {
            assertThat(a.mean()[i]).isCloseTo(sum[i] / n, within(1e-12));
        }
        assertThat(one.mean()).containsExactly(running);
        assertThat(single.mean()).containsExactly(running);
        assertThat(IterateAverage.tail(0.5, 10, 2, 3).mean()).containsExactly(0, 0);
    }

    /**
     * At a constant rate on its noise floor, the average of the second half of a one-worker run
     * (deterministic for its seed) has a lower training loss than the last iterate.
     */
    @Test
    void theAveragedIterateOfARunSitsBelowTheNoiseFloor() throws Exception {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 1,
                new LearningRatePolicy.Constant(), 0.3, 4, 4000, 3, 100, 0, WorkerDelay.none());
        RunResult r = Fixtures.run(c, TrainingSession.Options.none().withAverageTail(0.5));
        assertThat(r.averagedIterates()).isEqualTo(2000);
        assertThat(r.averaged().trainLoss()).isLessThan(r.last().trainLoss());
        RunResult plain = Fixtures.run(c, TrainingSession.Options.none());
        assertThat(plain.averaged()).isNull();
        assertThat(plain.params()).containsExactly(r.params());
    }

    /**
     * Async workers of the threads engine add the versions they create to their own parts, outside
     * the server's lock (up to {@link IterateAverage#MAX_PARTS} workers; beyond, the server's hook
     * adds them under the lock): the averaged iterate is the one of the same schedule replayed in
     * one thread, where the hook adds every version, bit for bit (metrics equal to the last bit, the
     * same count: a version added twice, or not at all, would change both).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 9})
    void workersAddingTheirOwnVersionsAverageAsTheReplayedSchedule(int workers, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedule.csv");
        TrainingConfig c = new TrainingConfig("synthetic:softmax,n=1500,d=6,classes=3", "softmax", 0,
                Mode.parse("async"), workers, new LearningRatePolicy.Constant(), 0.1, 8, 1200, 5, 600, 0,
                WorkerDelay.parse("exp:0.02", workers));
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of("softmax", d.train(), 0);
        TrainingSession session = TrainingSession.start(c, p, d,
                new TrainingSession.Options(null, false, file, null).withAverageTail(0.5));
        RunResult run = new ThreadsEngine().run(session);
        assertThat(session.averageAddedByWorkers()).as("the workers added their own versions").isEqualTo(workers <= 8);
        RunResult replay = new ReplayEngine(Schedule.read(file)).run(TrainingSession.start(c, p, d,
                TrainingSession.Options.none().withAverageTail(0.5)));
        assertThat(run.averagedIterates()).isEqualTo(600).isEqualTo(replay.averagedIterates());
        assertThat(replay.params()).containsExactly(run.params());
        assertThat(run.averaged().trainLoss()).isEqualTo(replay.averaged().trainLoss());
        assertThat(run.averaged().testLoss()).isEqualTo(replay.averaged().testLoss());
        assertThat(run.averaged().trainLoss()).isNotEqualTo(run.last().trainLoss());
    }

    @Test
    void refusedWithHogwildAndCheckpoints(@TempDir Path dir) {
        TrainingConfig h = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("hogwild"), 2,
                new LearningRatePolicy.Constant(), 0.05, 4, 100, 3, 10, 0, WorkerDelay.none());
        assertThatThrownBy(() -> Fixtures.run(h, TrainingSession.Options.none().withAverageTail(0.5)))
                .hasMessageContaining("average");
        assertThatThrownBy(() -> new TrainingSession.Options(dir, false, null, null).withAverageTail(0.5))
                .hasMessageContaining("--checkpoint");
    }
}
