package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The update schedule of an asynchronous run: for each update in apply order, the worker, its
 * minibatch step and the version it read. With the run's settings (checked by a fingerprint in
 * the header) this determines every bit of the run. File format: a {@code # asgd-schedule} header
 * line with the fingerprint, a CSV header {@code update,worker,step,readVersion}, one line per
 * update.
 *
 * @param fingerprint the run's {@link TrainingConfig#fingerprint()}
 * @param entries the updates, in apply order
 */
public record Schedule(String fingerprint, List<Entry> entries) {
    static final String HEADER = "# asgd-schedule v1 ";
    static final String COLUMNS = "update,worker,step,readVersion";

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
     * @param file a schedule file
     * @return the schedule
     */
    public static Schedule read(Path file) {
        List<Entry> e = new ArrayList<>();
        String fp;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.startsWith(HEADER)) {
                throw bad(file, 1, "a first line '" + HEADER.strip() + " FINGERPRINT'");
            }
            fp = first.substring(HEADER.length());
            String cols = in.readLine();
            if (!COLUMNS.equals(cols)) {
                throw bad(file, 2, "the column header '" + COLUMNS + "'");
            }
            String line;
            long no = 2;
            while ((line = in.readLine()) != null) {
                no++;
                String[] f = line.split(",");
                if (f.length != 4) {
                    throw bad(file, no, "4 fields, got " + f.length);
                }
                try {
                    long update = Long.parseLong(f[0]);
                    int worker = Integer.parseInt(f[1]);
                    long step = Long.parseLong(f[2]);
                    long read = Long.parseLong(f[3]);
                    if (update != e.size() + 1 || worker < 0 || step < 0 || read < 0 || read >= update) {
                        throw bad(file, no, "update " + (e.size() + 1) + ", worker >= 0, step >= 0 and"
                                + " 0 <= readVersion < update, got '" + line + "'");
                    }
                    e.add(new Entry(worker, step, read));
                } catch (NumberFormatException ex) {
                    throw bad(file, no, "integers, got '" + line + "'");
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
        return new Schedule(fp, e);
    }

    private static InvalidParameterException bad(Path file, long line, String what) {
        return new InvalidParameterException("replay", file + ":" + line, what);
    }

    /** Writes a schedule as the run goes; call {@link #flush} at checkpoints and {@link #close} at the end. */
    public static final class Recorder implements AutoCloseable {
        private final BufferedWriter out;

        /**
         * Starts a file, or continues one after a resume, keeping its first {@code keep} updates.
         *
         * @param file the file
         * @param fingerprint the run's fingerprint
         * @param keep updates to keep from an existing file (0: start afresh)
         */
        public Recorder(Path file, String fingerprint, long keep) {
            try {
                List<Entry> kept = new ArrayList<>();
                if (keep > 0 && Files.isRegularFile(file)) {
                    List<Entry> old = read(file).entries();
                    kept.addAll(old.subList(0, (int) Math.min(keep, old.size())));
                }
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(HEADER + fingerprint + "\n" + COLUMNS + "\n");
                long u = 0;
                for (Entry en : kept) {
                    write(++u, en.worker(), en.step(), en.readVersion());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        /**
         * @param update the version created
         * @param worker the worker
         * @param step its minibatch step
         * @param readVersion the version read
         */
        public void write(long update, int worker, long step, long readVersion) {
            try {
                out.write(update + "," + worker + "," + step + "," + readVersion + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Flushes to the file. */
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
