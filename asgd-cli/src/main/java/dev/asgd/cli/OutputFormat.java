package dev.asgd.cli;

/** The {@code --format} of a command's result on stdout. */
public enum OutputFormat {
    /** A readable summary (the default). */
    text,
    /** One JSON object; non-finite numbers are written as null. */
    json,
    /** Comma-separated values with a header row, loadable by pandas.read_csv. */
    csv
}
