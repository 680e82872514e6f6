package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;
import java.nio.file.Path;

/** Builds the {@code file:line} errors of the readers; the command line shows them as invalid {@code --data}. */
final class DataFormatErrors {
    private DataFormatErrors() {
    }

    /**
     * @param file the file being read
     * @param line 1-based line number (or byte offset for binary files, see {@code where})
     * @param what what is allowed, and what was found
     * @return the exception to throw
     */
    static InvalidParameterException at(Path file, long line, String what) {
        return new InvalidParameterException("data", file + ":" + line, what);
    }

    /**
     * @param file the file being read
     * @param line the line (or byte offset) where reading failed (not reported: decoding reads ahead)
     * @param e the I/O error (not UTF-8, not gzip, unreadable)
     * @return the exception to throw (invalid --data, exit 2)
     */
    static InvalidParameterException io(Path file, long line, java.io.IOException e) {
        return new InvalidParameterException("data", file, "a readable file ("
                + dev.asgd.core.Limits.cause(e) + ")");
    }

    /**
     * @param text a field of a text file
     * @param where where it is, e.g. {@code file:line} (the value of the invalid {@code --data})
     * @param field what the field is, e.g. "label"
     * @return its value as a finite double
     */
    static double parseFinite(String text, Object where, String field) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("data", where, "a number as " + field + ", got '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw new InvalidParameterException("data", where, "a finite number as " + field + ", got '" + text + "'");
        }
        return v;
    }
}
