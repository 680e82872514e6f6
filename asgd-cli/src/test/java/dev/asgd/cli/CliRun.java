package dev.asgd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the command line in-process, as the launcher and spark-submit do, and captures what it
 * prints. A test fixture of asgd-cli, shared with asgd-spark-app's tests through asgd-cli's test jar.
 *
 * @param exitCode what {@link AsgdCli#run} returned (the process's exit code)
 * @param out what the command printed on standard output
 * @param err what it printed on standard error
 */
public record CliRun(int exitCode, String out, String err) {
    /**
     * @param args the command line
     * @return the run
     */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * @param args the arguments of {@code asgd train -q}
     * @return the run of {@code asgd train -q ARGS}
     */
    public static CliRun train(String... args) {
        List<String> a = new ArrayList<>(List.of("train", "-q"));
        a.addAll(List.of(args));
        return of(a.toArray(new String[0]));
    }

    /** @return standard output read as JSON */
    public JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
