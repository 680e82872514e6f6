package dev.asgd.cli;

/** A command's result in the three output formats; {@link OutputOptions#print} picks one. */
public interface CommandOutput {
    /** @return a tree of maps, lists, arrays, numbers and strings, written as one JSON object */
    Object toJson();

    /** @return CSV with a header row */
    String toCsv();

    /** @return the readable summary */
    String toText();
}
