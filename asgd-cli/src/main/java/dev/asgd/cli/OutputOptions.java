package dev.asgd.cli;

import picocli.CommandLine.Option;

/** Options every command shares: the output format and the quiet switch. */
public class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.text;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or log lines on stderr.")
    boolean quiet;

    /** @return the chosen format */
    public OutputFormat format() {
        return format;
    }

    /** @return whether progress and logs are silenced */
    public boolean quiet() {
        return quiet;
    }
}
