package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.num;
import dev.asgd.report.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code asgd moments} and {@code asgd rate} report the same exact mean contraction, in every format. */
class MomentsAgainstRateTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.9, 1", "0.5, 0.5, '0.5,2'", "0.001, 0.2, 3"})
    void meanContractionAgrees(String eta, String kappa, String omega) throws IOException {
        JsonNode rate = Json.mapper().readTree(run("rate", "--eta", eta, "--kappa", kappa, "--omega0", omega,
                "--workers", "4", "--epsilon0", "0.001", "--format", "json"));
        JsonNode moments = Json.mapper().readTree(run("moments", "--eta", eta, "--kappa", kappa, "--omega0", omega,
                "--steps", "10", "--format", "json"));
        assertThat(num(moments, "/rate/meanContractionPerStep"))
                .isCloseTo(num(rate, "meanContractionPerStep"), within(1e-9));
        assertThat(run("rate", "--eta", eta, "--kappa", kappa, "--omega0", omega, "--format", "csv")).contains(",");
        assertThat(run("rate", "--eta", eta, "--kappa", kappa, "--omega0", omega, "--workers", "4")).isNotBlank();
    }
}
