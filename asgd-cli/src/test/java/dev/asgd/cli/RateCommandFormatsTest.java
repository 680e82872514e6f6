package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The three output formats of {@code asgd rate} (added with the fokker-planck command's tests). */
class RateCommandFormatsTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void jsonTextAndCsv() throws Exception {
        String[] base = {"rate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1,2", "--workers", "8",
            "--epsilon0", "0.001"};
        String[] json = run(concat(base, "--format", "json"));
        assertThat(json[0]).as(json[2]).isEqualTo("0");
        JsonNode j = Json.mapper().readTree(json[1]);
        assertThat(j.get("muPaper").asDouble() / j.get("muSharp").asDouble()).isCloseTo(2, within(1e-12));
        String[] text = run(concat(base));
        assertThat(text[1]).contains("printed / sharp = 2").contains("Remark 3.4");
        String[] csv = run(concat(base, "--format", "csv"));
        assertThat(csv[1].split("\n")).hasSize(3);
        String[] critical = run("rate", "--eta", "0.025", "--kappa", "0.9", "--omega0", "1", "--epsilon0", "10");
        assertThat(critical[0]).isEqualTo("0");
        assertThat(run("rate", "--eta", "-1", "--kappa", "0.5", "--omega0", "1")[0]).isEqualTo("2");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
