package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Checkpoints in a directory, written atomically: the bytes go to a temporary file of a unique
 * name, are forced to disk, and the file is renamed over {@value #FILE} with {@code ATOMIC_MOVE}.
 * A kill at any moment leaves either the previous checkpoint or the new one, never a torn file (a
 * CRC32 at the end checks it anyway). A run holds {@link #lock()} (an advisory lock on
 * {@value #LOCK_FILE}) for its whole length, so two runs never share a directory. Reading checks the
 * CRC, then every length against the bytes present, so a corrupt file never allocates more than
 * its own size; {@link #validate} checks the contents against the run's settings before use.
 */
public final class CheckpointStore {
    /** The checkpoint's file name. */
    public static final String FILE = "checkpoint.bin";
    /** The lock file, locked (advisory {@link FileChannel#tryLock()}) by the run that uses the directory. */
    public static final String LOCK_FILE = "checkpoint.lock";
    private static final long MAGIC = 0x41534744434b5031L; // "ASGDCKP1"

    private final Path dir;

    /** @param dir the directory (created when missing) */
    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    /** @return the checkpoint file */
    public Path file() {
        return dir.resolve(FILE);
    }

    /** The directory's lock, held by one run; {@link #close} releases it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final Path key;

        private Lock(FileChannel channel, FileLock lock, Path key) {
            this.channel = channel;
            this.lock = lock;
            this.key = key;
        }

        @Override
        public void close() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock anyway; nothing to do
            } finally {
                HELD.remove(key);
            }
        }
    }

    /**
     * Directories locked by this JVM. A second run in the same JVM is refused from here, before it
     * opens the lock file: on Linux, closing any channel of a file releases every lock the process
     * holds on it, so opening and closing a second channel would unlock the first run.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Creates the directory when missing and locks it for this run (released by {@link Lock#close()},
     * or by the operating system when the process ends, even by {@code kill -9}).
     *
     * @return the lock
     * @throws InvalidParameterException naming {@code checkpoint} when the directory cannot be created or
     *     written, or another run (in this or another process) holds its lock
     */
    public Lock lock() {
        Path f = dir.resolve(LOCK_FILE);
        FileChannel ch;
        Path key;
        try {
            Files.createDirectories(dir);
            key = dir.toRealPath();
        } catch (IOException | SecurityException e) {
            throw new InvalidParameterException("checkpoint", dir, "a directory this run can create and write ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!HELD.add(key)) {
            throw new InvalidParameterException("checkpoint", dir, "a directory no other run uses: it is in use by"
                    + " another run of this process; wait for it or choose another --checkpoint DIR");
        }
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            HELD.remove(key);
            throw new InvalidParameterException("checkpoint", dir, "a directory this run can create and write ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another run in this JVM
        } catch (IOException e) {
            closeQuietly(ch);
            HELD.remove(key);
            throw new InvalidParameterException("checkpoint", dir, "a directory whose " + LOCK_FILE
                    + " can be locked (" + e.getMessage() + ")");
        }
        if (l == null) {
            closeQuietly(ch);
            HELD.remove(key);
            throw new InvalidParameterException("checkpoint", dir, "a directory no other run uses: it is in use by"
                    + " another run (" + f + " is locked); wait for it or choose another --checkpoint DIR");
        }
        return new Lock(ch, l, key);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing held
        }
    }

    /** @param c the checkpoint to write */
    public void write(Checkpoint c) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            byte[] body = encode(c);
            tmp = Files.createTempFile(dir, FILE + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(body);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the write failed already; a stray temporary file is harmless
                }
            }
        }
    }

    /**
     * Checks a checkpoint against the settings of the run that resumes it: the fingerprint, the
     * version (0 to the run's updates), and every array's length and range.
     *
     * @param c the checkpoint
     * @param config the run's settings
     * @param dimension the problem's number of parameters
     * @throws InvalidParameterException naming {@code resume} and the file when anything does not fit
     */
    public void validate(Checkpoint c, TrainingConfig config, int dimension) {
        Path f = file();
        if (!c.fingerprint().equals(config.fingerprint())) {
            throw new InvalidParameterException("resume", f, "a checkpoint of the same settings (it has "
                    + c.fingerprint() + "; this run is " + config.fingerprint() + ")");
        }
        long v = c.version();
        if (v < 0 || v > config.updates()) {
            throw new InvalidParameterException("resume", f, "a checkpoint at an update from 0 to " + config.updates()
                    + " (it is at " + v + ")");
        }
        int m = config.workers();
        check(f, c.params().length == dimension, "parameters", dimension + " parameters, it has " + c.params().length);
        for (double x : c.params()) {
            check(f, Double.isFinite(x), "parameters", "finite parameters, it has " + x);
        }
        check(f, c.optimizerState().length == 0, "optimizer state",
                "no optimizer state (the policies are stateless), it has " + c.optimizerState().length + " values");
        check(f, c.workerSteps().length == m, "worker steps", m + " workers' steps, it has " + c.workerSteps().length);
        long sum = 0;
        for (long s : c.workerSteps()) {
            check(f, s >= 0 && s <= v, "worker steps", "steps from 0 to the version " + v + ", it has " + s);
            sum += s;
        }
        check(f, sum <= v, "worker steps", "at most " + v + " applied gradients in all, it has " + sum);
        check(f, c.histograms().length == m, "histograms", m + " staleness histograms, it has " + c.histograms().length);
        for (long[] h : c.histograms()) {
            long n = 0;
            for (long x : h) {
                check(f, x >= 0 && x <= v, "histograms", "counts from 0 to " + v + ", it has " + x);
                n += x;
            }
            check(f, n <= v, "histograms", "at most " + v + " updates per histogram, it has " + n);
        }
        for (MetricPoint p : c.series()) {
            check(f, p.update() >= 0 && p.update() <= v, "metric series",
                    "points at updates from 0 to " + v + ", it has " + p.update());
        }
        check(f, Double.isFinite(c.seconds()) && c.seconds() >= 0, "seconds", "a finite time >= 0, it has " + c.seconds());
    }

    private static void check(Path f, boolean ok, String what, String expected) {
        if (!ok) {
            throw new InvalidParameterException("resume", f, "a checkpoint of this run's settings (" + what + ": expected "
                    + expected + ")");
        }
    }

    /** @return the checkpoint, if there is one */
    public Optional<Checkpoint> read() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(f);
            if (all.length < 8) {
                throw corrupt(f, "shorter than its checksum");
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 8);
            long stored = ByteBuffer.wrap(all, all.length - 8, 8).getLong();
            if (stored != crc.getValue()) {
                throw corrupt(f, "checksum mismatch");
            }
            java.io.ByteArrayInputStream body = new java.io.ByteArrayInputStream(all, 0, all.length - 8);
            Checkpoint c = decode(new DataInputStream(body), f);
            if (body.available() != 0) {
                throw corrupt(f, body.available() + " bytes after the end");
            }
            return Optional.of(c);
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw corrupt(f, "truncated or malformed contents");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + f + ": " + e.getMessage(), e);
        }
    }

    private static InvalidParameterException corrupt(Path f, String why) {
        return new InvalidParameterException("checkpoint", f, "a checkpoint written by asgd train (" + why + ")");
    }

    static byte[] encode(Checkpoint c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(MAGIC);
        out.writeUTF(c.fingerprint());
        out.writeLong(c.version());
        writeDoubles(out, c.params());
        writeDoubles(out, c.optimizerState());
        writeLongs(out, c.workerSteps());
        out.writeInt(c.histograms().length);
        for (long[] h : c.histograms()) {
            writeLongs(out, h);
        }
        out.writeInt(c.series().size());
        for (MetricPoint p : c.series()) {
            out.writeLong(p.update());
            out.writeDouble(p.seconds());
            out.writeDouble(p.trainLoss());
            out.writeDouble(p.testLoss());
            out.writeDouble(p.testAccuracy());
            out.writeDouble(p.meanStaleness());
        }
        out.writeDouble(c.seconds());
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    static Checkpoint decode(DataInputStream in, Path f) throws IOException {
        if (in.readLong() != MAGIC) {
            throw corrupt(f, "bad magic");
        }
        String fp = in.readUTF();
        long version = in.readLong();
        double[] params = readDoubles(in, f);
        double[] opt = readDoubles(in, f);
        long[] steps = readLongs(in, f);
        long[][] h = new long[length(in, 4, f)][];
        for (int i = 0; i < h.length; i++) {
            h[i] = readLongs(in, f);
        }
        int n = length(in, 48, f);
        List<MetricPoint> series = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            series.add(new MetricPoint(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble()));
        }
        return new Checkpoint(fp, version, params, opt, steps, h, series, in.readDouble());
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    /** A length read from the file, checked against the bytes left (never a huge or negative allocation). */
    private static int length(DataInputStream in, int bytesEach, Path f) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > in.available()) {
            throw corrupt(f, "a length of " + n + " beyond the file's end");
        }
        return n;
    }

    private static double[] readDoubles(DataInputStream in, Path f) throws IOException {
        double[] a = new double[length(in, 8, f)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static long[] readLongs(DataInputStream in, Path f) throws IOException {
        long[] a = new long[length(in, 8, f)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }
}
