package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The update schedule of an asynchronous run: for each update in apply order, the worker, its
 * minibatch step and the version it read. With the run's settings (checked by a fingerprint in
 * the header) this determines every bit of the run. File format: a {@code # asgd-schedule v1}
 * header line with the fingerprint, a CSV header {@code update,worker,step,readVersion}, one line
 * per update, and a trailer line {@code # asgd-schedule end updates=N crc32=HHHHHHHH} written when
 * the run ends: the number of updates and the CRC32 of the text above it (header lines and update
 * lines, each ended by a newline). A recording without its trailer (cut short, or from a run that
 * was killed and not resumed, or written before the trailer existed: there were no users then) is
 * refused, as is one whose count or checksum does not match (an edited line): replaying either
 * would silently replay another run.
 *
 * @param fingerprint the run's {@link TrainingConfig#fingerprint()}
 * @param entries the updates, in apply order
 */
public record Schedule(String fingerprint, List<Entry> entries) {
    static final String HEADER = "# asgd-schedule v1 ";
    static final String COLUMNS = "update,worker,step,readVersion";
    static final String TRAILER = "# asgd-schedule end ";

    /**
     * @param worker the worker
     * @param step its minibatch step
     * @param readVersion the version it read
     */
    public record Entry(int worker, long step, long readVersion) {
    }

    /** Copies. */
    public Schedule {
        entries = List.copyOf(entries);
    }

    /**
     * A setting recorded in the fingerprint ({@code ;name=value}), e.g. the policy of the run.
     *
     * @param name the setting's name in {@link TrainingConfig#fingerprint()}
     * @return its value
     * @throws InvalidParameterException naming {@code replay} when the header does not record it
     */
    public String recordedSetting(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(";" + java.util.regex.Pattern.quote(name) + "=([^;]*)")
                .matcher(fingerprint);
        if (!m.find()) {
            throw new InvalidParameterException("replay", fingerprint, "a schedule header with " + name + "=...");
        }
        return m.group(1);
    }

    /**
     * @return the learning rate the run was recorded at
     * @throws InvalidParameterException naming {@code replay} when the header records no number for it
     */
    public double recordedEta() {
        String v = recordedSetting("eta");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("replay", fingerprint, "a schedule header with eta=...");
        }
    }

    /**
     * Reads a complete recording (with its trailer; count and checksum verified).
     *
     * @param file a schedule file
     * @return the schedule
     * @throws InvalidParameterException naming {@code replay} and the file (and line) when it is malformed,
     *     incomplete or does not match its checksum
     */
    public static Schedule read(Path file) {
        return read(file, "replay", true);
    }

    /**
     * @param file a schedule file
     * @param flag the flag that named it, for messages
     * @param complete whether the trailer is required (false: the part written before a kill, to resume)
     */
    static Schedule read(Path file, String flag, boolean complete) {
        return read(file, flag, complete, Long.MAX_VALUE);
    }

    /**
     * @param file the file
     * @param flag the flag that named it, for messages
     * @param complete whether the trailer is required
     * @param limit with {@code complete} false, the entries wanted: reading stops after them, so that
     *     a line cut by a kill after the last checkpoint (the writer flushes whole lines only at
     *     checkpoints) does not matter
     * @return the schedule
     */
    static Schedule read(Path file, String flag, boolean complete, long limit) {
        List<Entry> e = new ArrayList<>();
        String fp;
        CRC32 crc = new CRC32();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.startsWith(HEADER)) {
                throw bad(flag, file, 1, "a first line '" + HEADER.strip() + " FINGERPRINT'");
            }
            fp = first.substring(HEADER.length());
            update(crc, first);
            String cols = in.readLine();
            if (!COLUMNS.equals(cols)) {
                throw bad(flag, file, 2, "the column header '" + COLUMNS + "'");
            }
            update(crc, cols);
            String line;
            long no = 2;
            String trailer = null;
            while ((line = in.readLine()) != null) {
                no++;
                if (!complete && e.size() >= limit) {
                    break;
                }
                if (trailer != null) {
                    throw bad(flag, file, no, "nothing after the trailer line '" + trailer + "'");
                }
                if (line.startsWith(TRAILER)) {
                    trailer = line;
                    checkTrailer(flag, file, no, line, e.size(), crc.getValue());
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 4) {
                    throw bad(flag, file, no, "4 fields, got " + f.length);
                }
                try {
                    long update = Long.parseLong(f[0]);
                    int worker = Integer.parseInt(f[1]);
                    long step = Long.parseLong(f[2]);
                    long read = Long.parseLong(f[3]);
                    if (update != e.size() + 1 || worker < 0 || step < 0 || read < 0 || read >= update) {
                        throw bad(flag, file, no, "update " + (e.size() + 1) + ", worker >= 0, step >= 0 and"
                                + " 0 <= readVersion < update, got '" + line + "'");
                    }
                    e.add(new Entry(worker, step, read));
                    update(crc, line(update, worker, step, read));
                } catch (NumberFormatException ex) {
                    throw bad(flag, file, no, "integers, got '" + line + "'");
                }
            }
            if (complete && trailer == null) {
                throw new InvalidParameterException(flag, file, "a complete recording ending with the line '"
                        + TRAILER + "updates=N crc32=...': this one stops after " + e.size() + " updates without it"
                        + " (cut short, from a run that did not finish, or from an asgd before the trailer; record it again)");
            }
        } catch (java.nio.charset.CharacterCodingException ex) {
            throw new InvalidParameterException(flag, file, "a UTF-8 schedule file (" + ex + ")");
        } catch (IOException ex) {
            throw new InvalidParameterException(flag, file, "a readable schedule file ("
                    + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
        }
        return new Schedule(fp, e);
    }

    private static void checkTrailer(String flag, Path file, long no, String line, long count, long crc) {
        String[] f = line.substring(TRAILER.length()).strip().split(" ");
        if (f.length != 2 || !f[0].startsWith("updates=") || !f[1].startsWith("crc32=")) {
            throw bad(flag, file, no, "a trailer '" + TRAILER + "updates=N crc32=HHHHHHHH', got '" + line + "'");
        }
        String n = f[0].substring("updates=".length());
        if (!n.equals(Long.toString(count))) {
            throw bad(flag, file, no, "as many updates as the trailer says: it says " + n + ", the file has " + count
                    + " (truncated or edited)");
        }
        String expected = hex(crc);
        if (!f[1].substring("crc32=".length()).equalsIgnoreCase(expected)) {
            throw bad(flag, file, no, "contents matching the trailer's checksum: it says " + f[1]
                    + ", the contents give crc32=" + expected + " (edited or corrupted)");
        }
    }

    static String hex(long crc) {
        return String.format(java.util.Locale.ROOT, "%08x", crc);
    }

    static String line(long update, int worker, long step, long readVersion) {
        return update + "," + worker + "," + step + "," + readVersion;
    }

    private static void update(CRC32 crc, String line) {
        crc.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidParameterException bad(String flag, Path file, long line, String what) {
        return new InvalidParameterException(flag, file + ":" + line, what);
    }

    /**
     * Writes a schedule as the run goes; call {@link #flush} at checkpoints, {@link #close} at the end of
     * the run (it writes the trailer) and {@link #abandon} after a failure (no trailer: the file is the
     * part to continue after a resume, and cannot be replayed).
     */
    public static final class Recorder implements AutoCloseable {
        private final Path file;
        private final BufferedWriter out;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean closed;

        /**
         * Starts a file, or continues one after a resume, keeping its first {@code keep} updates.
         *
         * @param file the file
         * @param fingerprint the run's fingerprint
         * @param keep updates to keep from an existing file (0: start afresh)
         * @throws InvalidParameterException naming {@code record-schedule} when the file cannot be written, or
         *     a resumed run's file is not the recording of its first {@code keep} updates
         */
        public Recorder(Path file, String fingerprint, long keep) {
            this.file = file;
            List<Entry> kept = List.of();
            if (keep > 0) {
                if (!Files.isRegularFile(file)) {
                    throw new InvalidParameterException("record-schedule", file, "the recording of the resumed run"
                            + " (the checkpoint is at update " + keep + "; a recording must start at update 0)");
                }
                Schedule old = read(file, "record-schedule", false, keep);
                if (!old.fingerprint().equals(fingerprint) || old.entries().size() < keep) {
                    throw new InvalidParameterException("record-schedule", file, "the recording of the resumed run, of"
                            + " its settings and with at least the checkpoint's " + keep + " updates (it has "
                            + old.entries().size() + " updates of " + old.fingerprint() + ")");
                }
                kept = old.entries().subList(0, (int) keep);
            }
            Path tmp = null;
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                // The kept part goes to a temporary file renamed over the old one: a kill now loses nothing.
                tmp = Files.createTempFile(parent, file.getFileName() + ".", ".tmp");
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    out(w, HEADER + fingerprint);
                    out(w, COLUMNS);
                    long u = 0;
                    for (Entry en : kept) {
                        out(w, line(++u, en.worker(), en.step(), en.readVersion()));
                    }
                    count = u;
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                tmp = null;
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException | SecurityException e) {
                throw new InvalidParameterException("record-schedule", file, "a file this run can write ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException e) {
                        // a stray temporary file is harmless
                    }
                }
            }
        }

        private void out(BufferedWriter w, String line) throws IOException {
            w.write(line);
            w.write('\n');
            update(crc, line);
        }

        /**
         * @param update the version created
         * @param worker the worker
         * @param step its minibatch step
         * @param readVersion the version read
         */
        public void write(long update, int worker, long step, long readVersion) {
            try {
                out(out, line(update, worker, step, readVersion));
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        /** Flushes to the file. */
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        /** Ends a complete recording: writes the trailer (update count and checksum) and closes the file. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.write(TRAILER + "updates=" + count + " crc32=" + hex(crc.getValue()) + "\n");
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        /** Closes the file without a trailer (a failed run: the part before its last checkpoint is resumable). */
        public void abandon() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
