package dev.asgd.cli;

import dev.asgd.report.json.Json;
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

    /**
     * Prints a result in the chosen format and flushes.
     *
     * @param out standard output
     * @param result the result
     */
    public void print(java.io.PrintWriter out, CommandOutput result) {
        switch (format) {
            case json -> out.println(Json.write(result.toJson()));
            case csv -> out.print(result.toCsv());
            default -> out.print(result.toText());
        }
        out.flush();
    }

    /** @return whether progress and logs are silenced */
    public boolean quiet() {
        return quiet;
    }
}
