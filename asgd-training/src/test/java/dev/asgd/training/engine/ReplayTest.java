package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReplayTest {
    @ParameterizedTest
    @ValueSource(strings = {"constant", "dc-asgd:0.3", "staleness-aware"})
    void replayReproducesAnAsyncRunBitForBit(String policy, @TempDir Path dir) throws InterruptedException {
        Path file = dir.resolve("schedule.csv");
        TrainingConfig c = new TrainingConfig("synthetic:softmax,n=1500,d=6,classes=3", "softmax", 0.01,
                Mode.parse("async"), 3, LearningRatePolicy.parse(policy), 0.1, 8, 1500, 11, 100, 0,
                WorkerDelay.parse("exp:0.05", 3));
        RunResult run = Fixtures.run(c, new TrainingSession.Options(null, false, file, null));
        Schedule s = Schedule.read(file);
        assertThat(s.entries()).hasSize(1500);
        TrainTest d = Fixtures.data(c);
        Problem p = Problems.of("softmax", d.train(), 0.01);
        RunResult replay = new ReplayEngine(s).run(TrainingSession.start(c, p, d, TrainingSession.Options.none()));
        assertThat(replay.params()).containsExactly(run.params());
        assertThat(replay.stalenessSequence()).containsExactly(run.stalenessSequence());
        assertThat(replay.series()).hasSameSizeAs(run.series());
        for (int i = 0; i < run.series().size(); i++) {
            assertThat(replay.series().get(i).trainLoss()).isEqualTo(run.series().get(i).trainLoss());
            assertThat(replay.series().get(i).testAccuracy()).isEqualTo(run.series().get(i).testAccuracy());
        }
    }

    @Test
    void rejectsAScheduleOfOtherSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.csv");
        TrainingConfig c = Fixtures.config(Fixtures.LS, "least-squares", "async", 2, "constant", 0.05, 50, 1);
        Fixtures.run(c, new TrainingSession.Options(null, false, file, null));
        TrainingConfig other = Fixtures.config(Fixtures.LS, "least-squares", "async", 2, "constant", 0.05, 50, 2);
        TrainTest d = Fixtures.data(other);
        TrainingSession session = TrainingSession.start(other, Problems.of("least-squares", d.train(), 0), d,
                TrainingSession.Options.none());
        assertThatThrownBy(() -> new ReplayEngine(Schedule.read(file)).run(session))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("seed=1");
    }

    /** After a kill the file may end inside a line: a resume reads only the entries it keeps. */
    @Test
    void aResumeReadsOnlyTheEntriesItKeeps(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cut.csv");
        Files.writeString(f, Schedule.HEADER + "x\n" + Schedule.COLUMNS + "\n1,0,0,0\n2,1,0,0\n3,0,1,1\n4,1,");
        assertThat(Schedule.read(f, "record-schedule", false, 3).entries()).hasSize(3);
        assertThatThrownBy(() -> Schedule.read(f, "record-schedule", false)).hasMessageContaining(f.toString());
    }

    @Test
    void rejectsMalformedSchedulesWithFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, Schedule.HEADER + "x\n" + Schedule.COLUMNS + "\n1,0,0,0\n2,0,1,5\n");
        assertThatThrownBy(() -> Schedule.read(f)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(f + ":4");
        Files.writeString(f, "nonsense\n");
        assertThatThrownBy(() -> Schedule.read(f)).hasMessageContaining(f + ":1");
        Files.writeString(f, Schedule.HEADER + "x\n" + Schedule.COLUMNS + "\n1,a,0,0\n");
        assertThatThrownBy(() -> Schedule.read(f)).hasMessageContaining(f + ":3");
    }
}
