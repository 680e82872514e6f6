package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
    /** A small tune with verification and a one-setting grid (also pinned by {@link JsonSchemaTest}). */
    static final String[] SMALL = {"tune", "--data", "synthetic:softmax,n=2000,d=5,seed=2", "--target-accuracy", "0.6",
        "--max-workers", "2", "--verify", "--repeats", "1", "--grid-eta", "0.2", "--grid-workers", "1", "-q", "--format",
        "json"};

    @Test
    void recommendsVerifiesAndComparesWithTheGridInJson() {
        CliRun r = CliRun.of(SMALL);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode rec = j.get("recommendation");
        assertThat(rec.get("workers").asInt()).isBetween(1, 2);
        // at most the safety margin (0.8 by default) times the edge: the margin's rate or the probe's small rate
        assertThat(rec.get("eta").asDouble()).isPositive()
                .isLessThanOrEqualTo(0.8 * rec.get("edge").asDouble() * (1 + 1e-12));
        assertThat(rec.get("safety").asDouble()).isEqualTo(rec.get("eta").asDouble() / rec.get("edge").asDouble());
        assertThat(rec.get("predictedSeconds").asDouble()).isPositive();
        assertThat(j.get("probe").get("model").asText()).startsWith("empirical");
        assertThat(j.get("probe").get("workers")).hasSize(2);
        assertThat(j.get("verification").get("runs")).hasSize(1);
        assertThat(j.get("grid")).hasSize(1);
        assertThat(j.get("ratioToBest").asDouble()).isPositive();
    }

    @Test
    void printsTextAndCsvAndWritesThePlot(@TempDir Path dir) {
        CliRun t = CliRun.of("tune", "--data", "synthetic:logistic,n=2000,d=4,seed=1", "--target-loss", "0.6",
                "--max-workers", "1", "-q", "--plot", dir.toString());
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("asgd tune: logistic", "edge model      local quadratic theory",
                "recommendation  M = 1", "predicted", "time model");
        assertThat(Files.exists(dir.resolve("tune-surface.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("tune-surface.svg"))).isTrue();
        CliRun c = CliRun.of("tune", "--data", "synthetic:logistic,n=2000,d=4,seed=1", "--target-loss", "0.6",
                "--max-workers", "1", "-q", "--format", "csv");
        assertThat(c.exitCode()).as(c.err()).isZero();
        String[] lines = c.out().split("\n");
        assertThat(lines[0]).startsWith("kind,workers,eta,status,predictedUpdates");
        assertThat(c.out()).contains("\nrecommendation,1,");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("surface,1,"));
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        CliRun none = CliRun.of("tune", "--data", "synthetic:softmax,n=500,d=3", "-q");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("exactly one of --target-accuracy A or --target-loss L");
        CliRun both = CliRun.of("tune", "--data", "synthetic:softmax,n=500,d=3", "--target-loss", "1",
                "--target-accuracy", "0.5", "-q");
        assertThat(both.exitCode()).isEqualTo(2);
        CliRun safety = CliRun.of("tune", "--data", "synthetic:softmax,n=500,d=3", "--target-loss", "1", "--safety",
                "1.5", "-q");
        assertThat(safety.exitCode()).isEqualTo(2);
        assertThat(safety.err().strip().lines().count()).isEqualTo(1);
        assertThat(safety.err()).contains("--safety");
        CliRun regression = CliRun.of("tune", "--data", "synthetic:least-squares,n=500,d=3", "--target-accuracy", "0.5",
                "-q");
        assertThat(regression.exitCode()).isEqualTo(2);
        assertThat(regression.err()).contains("--target-accuracy");
        CliRun grid = CliRun.of("tune", "--data", "synthetic:softmax,n=500,d=3", "--target-loss", "1", "--grid-eta",
                "0.1", "-q");
        assertThat(grid.exitCode()).isEqualTo(2);
    }
}
