package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.req;
import static dev.asgd.cli.JsonRequire.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {
    @TempDir
    Path dir;

    /** The README's first command, into a temporary directory: one JSON object, every file written. */
    @Test
    void quickSuiteWritesTheReportAndOneJsonObject() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(new String[] {"reproduce", "--quick", "--out", dir.toString(), "--format", "json"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        JsonSchemaTest.assertPinned("reproduce", j, out.toString());
        assertThat(text(j, "suite")).isEqualTo("quick");
        assertThat(req(j, "experiments")).hasSize(10);
        req(j, "experiments").forEach(e -> assertThat(text(e, "verdict"))
                .isIn("holds", "holds with correction", "fails"));
        assertThat(dir.resolve("index.html")).exists();
        JsonNode results = new ObjectMapper().readTree(Files.readString(dir.resolve("results.json")));
        assertThat(req(results, "experiments")).hasSize(10);
        assertThat(err.toString()).contains("[1/10]").contains("[10/10]").contains("done in");
        // the text form of the same outcome
        ReproduceCommand.Report report = new ReproduceCommand.Report(
                new dev.asgd.report.reproduce.ReproduceConfig(true, dir, 1, 1),
                new dev.asgd.report.reproduce.ReproducePipeline.Outcome(dir.resolve("index.html"),
                        dir.resolve("results.json"), java.util.List.of(new dev.asgd.report.reproduce.ReproducePipeline.Summary(
                                "errata", "Errata", dev.asgd.report.html.Verdict.FAILS, "a \"quoted\" text", 1.5)), 2));
        assertThat(report.toText()).contains("fails").contains("Errata").contains("index.html");
        assertThat(report.toCsv()).startsWith("id,verdict,seconds,title,verdictText\n")
                .contains("errata,fails,1.500,\"Errata\",\"a \"\"quoted\"\" text\"");
    }

    @Test
    void invalidThreadsIsExitTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(new String[] {"reproduce", "--threads", "0", "--out", dir.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--threads");
    }
}
