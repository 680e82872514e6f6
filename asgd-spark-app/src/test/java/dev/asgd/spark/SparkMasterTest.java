package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.cli.CliRun;
import org.junit.jupiter.api.Test;

/**
 * The command line with no SparkContext running beforehand: each run creates its own context from
 * the master and stops it. Bad masters exit with code 2 and a message naming --master, never hang.
 */
class SparkMasterTest {
    private static final String LS = EmbeddedSpark.LS;

    @Test
    void malformedMasterExitsTwo() {
        CliRun r = CliRun.train("--data", LS, "--engine", "spark", "--master", "nonsense://x", "--updates", "10");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("invalid --master = nonsense://x").contains("spark://HOST:PORT");
    }

    @Test
    void unreachableClusterExitsTwoAtOnce() {
        CliRun r = CliRun.train("--data", LS, "--engine", "spark", "--master", "spark://127.0.0.1:1",
                "--spark-timeout", "3", "--updates", "10");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("invalid --master = spark://127.0.0.1:1")
                .contains("a reachable Spark master: cannot connect to 127.0.0.1:1");
        CliRun port = CliRun.train("--data", LS, "--engine", "spark", "--master", "spark://127.0.0.1:x");
        assertThat(port.err()).contains("--master").contains("integer port");
    }

    @Test
    void injectedFailuresNeedAMasterThatRetries() {
        CliRun r = CliRun.train("--data", LS, "--engine", "spark", "--master", "local[2]", "--inject-task-failures", "0.1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--inject-task-failures").contains("local[N,F]");
        assertThat(CliRun.train("--data", LS, "--engine", "spark", "--inject-task-failures", "1").err())
                .contains("--inject-task-failures");
    }

    /** No master: embedded local[*,4] (failures injected), its own context, stopped at the end. */
    @Test
    void embeddedByDefault() {
        CliRun r = CliRun.train("--data", LS, "--engine", "spark", "--updates", "60", "--inject-task-failures", "0.2",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("engine").asText()).isEqualTo("spark");
        assertThat(j.get("updates").asLong()).isEqualTo(60);
    }
}
