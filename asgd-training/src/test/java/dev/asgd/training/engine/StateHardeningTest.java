package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problems;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, item 4: checkpoints validated and locked, recordings counted and checksummed. */
class StateHardeningTest {
    private static TrainingConfig small(long updates) {
        return small(updates, 0);
    }

    private static TrainingConfig small(long updates, long checkpointEvery) {
        return new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 2, new LearningRatePolicy.Constant(),
                0.05, 16, updates, 5, Math.max(1, updates / 20), checkpointEvery, WorkerDelay.none());
    }

    private static TrainingSession session(TrainingConfig c, TrainingSession.Options o) {
        TrainTest d = Fixtures.data(c);
        return TrainingSession.start(c, Problems.of(c.problem(), d.train(), c.l2()), d, o);
    }

    /** Rewrites the checkpoint with a change and a recomputed CRC (what a careless tool would write). */
    private static void rewrite(CheckpointStore store, java.util.function.UnaryOperator<Checkpoint> change) throws Exception {
        byte[] all = Files.readAllBytes(store.file());
        Checkpoint c = CheckpointStore.decode(new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8)),
                store.file());
        Files.write(store.file(), CheckpointStore.encode(change.apply(c)));
    }

    @Test
    void aNegativeVersionWithARecomputedChecksumIsRefused(@TempDir Path dir) throws Exception {
        TrainingConfig c = small(100, 50);
        Fixtures.run(c, new TrainingSession.Options(dir, true, null, null));
        CheckpointStore store = new CheckpointStore(dir);
        rewrite(store, k -> new Checkpoint(k.fingerprint(), -7, k.params(), k.optimizerState(), k.workerSteps(),
                k.histograms(), k.series(), k.seconds()));
        assertThat(store.read()).isPresent(); // the CRC matches: only validation catches it
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, true, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("resume = " + store.file())
                .hasMessageContaining("it is at -7");
        // refused before anything ran, and the directory's lock was released
        rewrite(store, k -> new Checkpoint(k.fingerprint(), 100, k.params(), k.optimizerState(), k.workerSteps(),
                k.histograms(), k.series(), k.seconds()));
        assertThat(Fixtures.run(c, new TrainingSession.Options(dir, true, null, null)).updates()).isEqualTo(100);
    }

    @Test
    void arrayLengthsAreCheckedAgainstTheSettings(@TempDir Path dir) throws Exception {
        TrainingConfig c = small(100, 50);
        Fixtures.run(c, new TrainingSession.Options(dir, true, null, null));
        CheckpointStore store = new CheckpointStore(dir);
        int dim = store.read().orElseThrow().params().length;
        rewrite(store, k -> new Checkpoint(k.fingerprint(), 50, k.params(), k.optimizerState(), new long[] {25},
                k.histograms(), k.series(), k.seconds()));
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, true, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("2 workers' steps, it has 1");
        rewrite(store, k -> new Checkpoint(k.fingerprint(), 50, new double[3], k.optimizerState(), new long[] {25, 25},
                k.histograms(), k.series(), k.seconds()));
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, true, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("parameters, it has 3");
        rewrite(store, k -> new Checkpoint(k.fingerprint(), 50, new double[dim], k.optimizerState(), new long[] {40, 25},
                k.histograms(), k.series(), k.seconds()));
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(dir, true, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("applied gradients");
    }

    @Test
    void aHugeLengthWithARecomputedChecksumIsRefusedWithoutAllocating(@TempDir Path dir) throws Exception {
        TrainingConfig c = small(50, 50);
        Fixtures.run(c, new TrainingSession.Options(dir, true, null, null));
        CheckpointStore store = new CheckpointStore(dir);
        byte[] all = Files.readAllBytes(store.file());
        byte[] body = java.util.Arrays.copyOf(all, all.length - 8);
        int paramsLength = 8 + 2 + c.fingerprint().getBytes(StandardCharsets.UTF_8).length + 8;
        ByteBuffer.wrap(body).putInt(paramsLength, Integer.MAX_VALUE);
        CRC32 crc = new CRC32();
        crc.update(body);
        Files.write(store.file(), ByteBuffer.allocate(all.length).put(body).putLong(crc.getValue()).array());
        assertThatThrownBy(store::read).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("checkpoint = " + store.file()).hasMessageContaining("beyond the file's end");
        Files.write(store.file(), java.util.Arrays.copyOf(all, 40));
        assertThatThrownBy(store::read).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void twoRunsCannotShareACheckpointDirectory(@TempDir Path dir) throws Exception {
        TrainingConfig c = small(60, 20);
        TrainingSession first = session(c, new TrainingSession.Options(dir, true, null, null));
        assertThatThrownBy(() -> session(c, new TrainingSession.Options(dir, true, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("checkpoint = " + dir)
                .hasMessageContaining("in use by another run");
        RunResult r = new ThreadsEngine().run(first);
        assertThat(r.updates()).isEqualTo(60);
        // released at the end of the run: the next run may use the directory
        assertThat(Fixtures.run(c, new TrainingSession.Options(dir, true, null, null)).resumedFrom()).isEqualTo(60);
        try (var stray = Files.list(dir)) {
            assertThat(stray.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void anUnwritableCheckpointDirectoryIsAnInvalidParameter(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> session(small(10), new TrainingSession.Options(file, false, null, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("checkpoint = " + file);
    }

    private static Path recorded(Path dir, long updates) throws InterruptedException {
        Path file = dir.resolve("s.csv");
        Fixtures.run(small(updates), new TrainingSession.Options(null, false, file, null));
        return file;
    }

    @Test
    void aRecordingEndsWithItsCountAndChecksum(@TempDir Path dir) throws Exception {
        Path file = recorded(dir, 300);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(303);
        assertThat(lines.get(302)).matches("# asgd-schedule end updates=300 crc32=[0-9a-f]{8}");
        assertThat(Schedule.read(file).entries()).hasSize(300);
    }

    @Test
    void aTruncatedRecordingIsRefused(@TempDir Path dir) throws Exception {
        Path file = recorded(dir, 300);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 150)); // cut at a line boundary: no trailer
        assertThatThrownBy(() -> Schedule.read(file)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("replay = " + file).hasMessageContaining("stops after 148 updates");
        List<String> cut = new ArrayList<>(lines.subList(0, 150));
        cut.add(lines.get(302)); // the trailer kept, updates dropped
        Files.write(file, cut);
        assertThatThrownBy(() -> Schedule.read(file)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("replay = " + file + ":151").hasMessageContaining("it says 300, the file has 148");
    }

    @Test
    void anEditedRecordingIsRefused(@TempDir Path dir) throws Exception {
        Path file = recorded(dir, 300);
        List<String> original = Files.readAllLines(file);
        List<String> lines = new ArrayList<>(original);
        String[] f = lines.get(200).split(",");
        long read = Long.parseLong(f[3]);
        f[3] = Long.toString(read == 0 ? 1 : read - 1);
        lines.set(200, String.join(",", f));
        Files.write(file, lines);
        assertThatThrownBy(() -> Schedule.read(file)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("replay = " + file).hasMessageContaining("checksum");
        List<String> extra = new ArrayList<>(original);
        extra.add("301,0,1,2");
        Files.write(file, extra);
        assertThatThrownBy(() -> Schedule.read(file)).hasMessageContaining("nothing after the trailer");
    }

    @Test
    void aResumedRecordingContinuesTheKilledOneAndEndsComplete(@TempDir Path dir) throws Exception {
        Path ck = dir.resolve("ck");
        Path file = dir.resolve("s.csv");
        TrainingConfig c = small(200, 50);
        TrainingSession.Listener crash = (v, t, l, u, m) -> {
            if (v >= 120) {
                throw new IllegalStateException("crash");
            }
        };
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(ck, true, file, crash)))
                .hasMessageContaining("crash");
        assertThatThrownBy(() -> Schedule.read(file)).hasMessageContaining("without it");
        RunResult r = Fixtures.run(c, new TrainingSession.Options(ck, true, file, null));
        assertThat(r.resumedFrom()).isEqualTo(100);
        assertThat(Schedule.read(file).entries()).hasSize(200);
        // a recording that does not hold the checkpoint's updates is refused
        Files.delete(file);
        Files.delete(ck.resolve(CheckpointStore.FILE));
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(ck, true, file, crash)));
        Files.delete(file);
        assertThatThrownBy(() -> Fixtures.run(c, new TrainingSession.Options(ck, true, file, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("record-schedule = " + file);
    }
}
