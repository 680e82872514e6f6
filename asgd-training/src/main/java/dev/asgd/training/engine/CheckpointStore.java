package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Checkpoints in a directory, written atomically: the bytes go to a temporary file, are forced to
 * disk, and the file is renamed over {@value #FILE} with {@code ATOMIC_MOVE}. A kill at any moment
 * leaves either the previous checkpoint or the new one, never a torn file (a CRC32 at the end
 * checks it anyway).
 */
public final class CheckpointStore {
    /** The checkpoint's file name. */
    public static final String FILE = "checkpoint.bin";
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

    /** @param c the checkpoint to write */
    public void write(Checkpoint c) {
        try {
            Files.createDirectories(dir);
            byte[] body = encode(c);
            Path tmp = dir.resolve(FILE + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(body);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir + ": " + e.getMessage(), e);
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
            return Optional.of(decode(new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8)), f));
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
        double[] params = readDoubles(in);
        double[] opt = readDoubles(in);
        long[] steps = readLongs(in);
        long[][] h = new long[in.readInt()][];
        for (int i = 0; i < h.length; i++) {
            h[i] = readLongs(in);
        }
        int n = in.readInt();
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

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] a = new long[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }
}
