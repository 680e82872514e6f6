package dev.asgd.cli;

/** A command's result in the three output formats; {@link OutputOptions#print} picks one. */
public interface CommandOutput {
    /**
     * @return the JSON view, written as one JSON object by {@link dev.asgd.report.json.Json}: a record
     *     of {@link dev.asgd.cli.output}, whose component names are the keys
     */
    Record toJson();

    /** @return CSV with a header row */
    String toCsv();

    /** @return the readable summary */
    String toText();

    /**
     * @param json the JSON view (a record of {@link dev.asgd.cli.output})
     * @param csv the CSV text
     * @param text writes the readable summary
     * @return an output made of the three
     */
    static CommandOutput of(Record json, String csv, java.util.function.Consumer<java.io.PrintWriter> text) {
        return new CommandOutput() {
            @Override
            public Record toJson() {
                return json;
            }

            @Override
            public String toCsv() {
                return csv;
            }

            @Override
            public String toText() {
                java.io.StringWriter w = new java.io.StringWriter();
                try (java.io.PrintWriter out = new java.io.PrintWriter(w)) {
                    text.accept(out);
                }
                return w.toString();
            }
        };
    }
}
