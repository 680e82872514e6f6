package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output paths the user names ({@code --plot DIR}, {@code --out DIR}, {@code --record-schedule
 * FILE}), checked before any work: a path that cannot be created or written is invalid input
 * (exit 2) naming the flag, the path and the cause, not an I/O error after a long run.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Creates the directory if needed and checks that a file can be written into it.
     *
     * @param flag the flag's name without dashes
     * @param dir the directory
     */
    static void requireWritableDirectory(String flag, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidParameterException(flag, dir, "a directory (a file of that name exists)");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".asgd-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw error(flag, dir, e);
        }
    }

    /**
     * Checks that a file can be created or replaced at the path (its directory exists and is writable).
     *
     * @param flag the flag's name without dashes
     * @param file the file
     */
    static void requireWritableFile(String flag, Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidParameterException(flag, file, "a file path (a directory of that name exists)");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidParameterException(flag, file, "a file in an existing directory (" + parent
                    + " is not one)");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new InvalidParameterException(flag, file, "a writable file (permission denied)");
        }
    }

    /**
     * @param flag the flag's name without dashes
     * @param path the path
     * @param e the error writing it
     * @return the invalid-input error to throw
     */
    static InvalidParameterException error(String flag, Path path, Exception e) {
        if (e instanceof IOException io) {
            return Limits.fileError(flag, path, io, "a writable directory");
        }
        return new InvalidParameterException(flag, path, "a writable directory (" + e.getMessage() + ")");
    }
}
