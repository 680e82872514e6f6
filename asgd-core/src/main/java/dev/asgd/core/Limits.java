package dev.asgd.core;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resource limits checked before allocating, and the errors of user-named files. Sizes are
 * refused up front with an {@link InvalidParameterException} naming the flag, the value and the
 * limit, so that no command ends in {@link OutOfMemoryError} or {@link NegativeArraySizeException}.
 * The memory limit derives from the heap the JVM has ({@link Runtime#maxMemory()}): one data
 * structure may take at most half of it.
 */
public final class Limits {
    /** Most worker threads a run may start. */
    public static final int MAX_THREADS = 1024;
    /** Most member-steps (chains x steps x sub-steps) of one ensemble: about an hour at 3e8 per second. */
    public static final double MAX_MEMBER_STEPS = 1e12;

    private Limits() {
    }

    /** @return the JVM's maximum heap in bytes */
    public static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** @return the most doubles one data structure may hold: half the heap */
    public static long maxDoubles() {
        return heapBytes() / 2 / Double.BYTES;
    }

    /** @return the heap as text, e.g. {@code "1.0 GB"} */
    public static String heap() {
        return String.format(Locale.ROOT, "%.1f GB", heapBytes() / (double) (1L << 30));
    }

    /**
     * @param x a count
     * @return it in short scientific notation, e.g. {@code "6.7e7"}
     */
    public static String sci(double x) {
        if (x < 1e4) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        String s = String.format(Locale.ROOT, "%.1e", x);
        return s.replace("e+0", "e").replace("e+", "e");
    }

    /**
     * Refuses a size before it is allocated.
     *
     * @param parameter the flag's name without dashes
     * @param value its value
     * @param doubles the doubles the value needs (a double, so that products do not overflow)
     * @param what what is being sized, e.g. {@code "records (steps / every) x (2d + 6)"}
     * @throws InvalidParameterException when {@code doubles > }{@link #maxDoubles()}
     */
    public static void requireDoubles(String parameter, Object value, double doubles, String what) {
        if (!(doubles <= maxDoubles())) {
            throw new InvalidParameterException(parameter, value, "at most " + sci(maxDoubles()) + " doubles of " + what
                    + " with the " + heap() + " heap (half of -Xmx; this needs " + sci(doubles)
                    + "; raise -Xmx, e.g. JAVA_TOOL_OPTIONS=-Xmx8g)");
        }
    }

    /**
     * @param parameter the flag's name without dashes
     * @param value its value
     * @param max the largest allowed value
     * @param why why, e.g. {@code "one thread per worker"}
     * @return {@code value}
     */
    public static long atMost(String parameter, long value, long max, String why) {
        if (value > max) {
            throw new InvalidParameterException(parameter, value, parameter + " <= " + max + " (" + why + ")");
        }
        return value;
    }

    /**
     * An I/O error on a file the user named, as invalid input (exit 2).
     *
     * @param parameter the flag's name without dashes
     * @param path the file or directory
     * @param e the error
     * @param allowed what the flag needs, e.g. {@code "a readable UTF-8 text file"}
     * @return the exception to throw
     */
    public static InvalidParameterException fileError(String parameter, Path path, IOException e, String allowed) {
        return new InvalidParameterException(parameter, path, allowed + " (" + cause(e) + ")");
    }

    /**
     * @param e an I/O error
     * @return its cause in words, one line
     */
    public static String cause(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String where = file == null ? "" : ": " + file;
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + where;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + where;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists and is not a directory" + where;
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory" + where;
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text: malformed or unmappable bytes";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "not gzip data (" + e.getMessage() + ")";
        }
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return (kind.isEmpty() || kind.equals("IO") ? "I/O error" : kind) + (m == null ? "" : ": " + m.replaceAll("\\s*\\R\\s*", " "));
    }
}
