package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Smoke test of {@code asgd rate} in each format (added with the train command; the rate issue owns the full tests). */
class RateCommandSmokeTest {
    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "text"})
    void runsInEveryFormat(String format) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(new String[] {"rate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "0.5,1",
            "--workers", "4", "--epsilon0", "0.001", "--format", format}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        if (format.equals("json")) {
            JsonNode j = Json.mapper().readTree(out.toString());
            assertThat(j.get("meanContractionPerStep").asDouble()).isBetween(Math.sqrt(0.9), 1.0);
        } else {
            assertThat(out.toString()).isNotBlank();
        }
    }
}
