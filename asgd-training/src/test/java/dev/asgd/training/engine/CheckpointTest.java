package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** One worker is deterministic, so a crashed and resumed run must equal an uninterrupted one bit for bit. */
    @Test
    void crashAndResumeFinishWithTheSameUpdateCountAndBits(@TempDir Path dir) throws InterruptedException {
        TrainingConfig c = CrashableRun.config(WorkerDelay.none());
        RunResult whole = Fixtures.run(c, TrainingSession.Options.none());
        TrainingSession.Listener crashAt = (v, t, l, u, m) -> {
            if (v >= 1010) {
                throw new Crash();
            }
        };
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, true, null, crashAt)))
                .isInstanceOf(Crash.class);
        Checkpoint cp = new CheckpointStore(dir).read().orElseThrow();
        assertThat(cp.version()).isEqualTo(1000);
        RunResult resumed = Fixtures.run(c, new TrainingSession.Options(dir, true, null, null));
        assertThat(resumed.resumedFrom()).isEqualTo(1000);
        assertThat(resumed.updates()).isEqualTo(3000);
        assertThat(resumed.params()).containsExactly(whole.params());
        assertThat(resumed.fit().count()).isEqualTo(3000);
        assertThat(resumed.series().stream().map(MetricPoint::update).toList())
                .isEqualTo(whole.series().stream().map(MetricPoint::update).toList());
    }

    /** kill -9 of a separate JVM in the middle of a run; the resumed run ends at exactly 3000 updates. */
    @Test
    void survivesKillMinus9OfARealProcess(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashableRun.class.getName(), dir.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        CheckpointStore store = new CheckpointStore(dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long seen = 0;
        while (seen < 200 && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
            if (Files.exists(store.file())) {
                seen = store.read().map(Checkpoint::version).orElse(0L);
            }
        }
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(seen).as("child log: %s", Files.exists(dir.resolve("child.log"))
                ? Files.readString(dir.resolve("child.log")) : "").isGreaterThanOrEqualTo(200);
        long atKill = store.read().orElseThrow().version();
        assertThat(atKill).isLessThan(3000);
        RunResult resumed = Fixtures.run(CrashableRun.config(WorkerDelay.none()),
                new TrainingSession.Options(dir, true, null, null));
        assertThat(resumed.resumedFrom()).isEqualTo(atKill);
        assertThat(resumed.updates()).isEqualTo(3000);
        assertThat(resumed.fit().count()).isEqualTo(3000);
        RunResult whole = Fixtures.run(CrashableRun.config(WorkerDelay.none()), TrainingSession.Options.none());
        assertThat(resumed.params()).containsExactly(whole.params());
    }

    @Test
    void refusesACheckpointOfOtherSettings(@TempDir Path dir) throws InterruptedException {
        Fixtures.run(CrashableRun.config(WorkerDelay.none()).withUpdates(100), new TrainingSession.Options(dir, true, null, null));
        TrainingConfig other = Fixtures.config(Fixtures.LS, "least-squares", "async", 2, "constant", 0.05, 100, 5);
        assertThatThrownBy(() -> Fixtures.run(other, new TrainingSession.Options(dir, true, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("same settings");
    }

    @Test
    void detectsACorruptFile(@TempDir Path dir) throws Exception {
        Fixtures.run(CrashableRun.config(WorkerDelay.none()).withUpdates(50), new TrainingSession.Options(dir, true, null, null));
        CheckpointStore store = new CheckpointStore(dir);
        byte[] b = Files.readAllBytes(store.file());
        b[20] ^= 1;
        Files.write(store.file(), b);
        assertThatThrownBy(store::read).isInstanceOf(InvalidParameterException.class).hasMessageContaining("checksum");
    }

    @Test
    void syncResumesWithTheSameUpdateCount(@TempDir Path dir) throws InterruptedException {
        TrainingConfig c = new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("sync"), 2,
                new LearningRatePolicy.Constant(), 0.05, 16, 400, 5, 50, 50, WorkerDelay.none());
        RunResult whole = Fixtures.run(c, TrainingSession.Options.none());
        TrainingSession.Listener crashAt = (v, t, l, u, m) -> {
            if (v >= 120) {
                throw new Crash();
            }
        };
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, true, null, crashAt)));
        RunResult resumed = Fixtures.run(c, new TrainingSession.Options(dir, true, null, null));
        assertThat(resumed.resumedFrom()).isEqualTo(100);
        assertThat(resumed.updates()).isEqualTo(400);
        assertThat(resumed.params()).containsExactly(whole.params());
    }
}
