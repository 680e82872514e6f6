package dev.asgd.training.data;

/**
 * Where a row of a text file is, as an error shows it: {@code file:line}, or, where line numbers are
 * not known (a split of a file read by a cluster), {@code file@byte OFFSET}.
 *
 * @param file the file
 * @param at the 1-based line, or the byte offset of the line's start
 * @param byteOffset whether {@code at} is a byte offset
 */
public record TextPosition(String file, long at, boolean byteOffset) {
    @Override
    public String toString() {
        return byteOffset ? file + "@byte " + at : file + ":" + at;
    }
}
