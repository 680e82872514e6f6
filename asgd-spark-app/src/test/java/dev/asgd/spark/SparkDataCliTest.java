package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asgd train --engine spark --data csv:file:///...} in-process: the executors read the data (the
 * command line finds {@link SparkDataProvider} through its ServiceLoader), bad paths and rows end with
 * exit 2 and one line naming {@code --data}, and the options that need the rows in memory are refused.
 */
class SparkDataCliTest {
    @RegisterExtension
    static final EmbeddedSpark.PerClass SPARK = new EmbeddedSpark.PerClass();

    @TempDir
    Path dir;

    private Path csv(int rows) throws IOException {
        Random r = new Random(1);
        StringBuilder b = new StringBuilder("y,a,b\n");
        for (int i = 0; i < rows; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            b.append(x1 - 2 * x2 + 0.1 * r.nextGaussian()).append(',').append(x1).append(',').append(x2).append('\n');
        }
        Path f = dir.resolve("d.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    /** A file: URI trains end to end, the report carrying the executors' counts and no theory. */
    @Test
    void trainsOnDataReadByTheExecutors() throws IOException {
        Path f = csv(2000);
        CliRun run = CliRun.train("--engine", "spark", "--master", "local[2,4]", "--data", "csv:" + f.toUri(),
                "--workers", "1", "--updates", "200", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.at("/params/trainRows").asLong() + j.at("/params/testRows").asLong()).isEqualTo(2000);
        assertThat(j.at("/params/features").asInt()).isEqualTo(2);
        assertThat(j.at("/params/problem").asText()).isEqualTo("least-squares");
        assertThat(j.get("updates").asLong()).isEqualTo(200);
        assertThat(j.at("/final/trainLoss").asDouble()).isLessThan(0.1 * j.at("/series/0/trainLoss").asDouble());
        assertThat(j.has("theory")).isFalse();
    }

    /** Sync rounds, checkpoints and a resume work on data where it lives as on data in memory. */
    @Test
    void syncCheckpointAndResume() throws IOException {
        Path f = csv(1000);
        String ck = dir.resolve("ck").toString();
        String[] args = {"--engine", "spark", "--master", "local[2,4]", "--data", "csv:" + f.toUri(), "--mode", "sync", "--workers", "1",
            "--checkpoint", ck, "--checkpoint-every", "50", "--format", "json"};
        CliRun first = CliRun.train(concat(args, "--updates", "100"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRun resumed = CliRun.train(concat(args, "--updates", "150", "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("resumedFrom").asLong()).isEqualTo(100);
        assertThat(resumed.json().get("updates").asLong()).isEqualTo(150);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Missing path, malformed row: exit 2, one line naming --data. The in-memory options: exit 2 naming them. */
    @Test
    void badDataAndInMemoryOptionsAreExitTwo() throws IOException {
        CliRun missing = CliRun.train("--engine", "spark", "--master", "local[2,4]", "--data",
                "csv:" + dir.resolve("none.csv").toUri(), "--updates", "10");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("asgd train: invalid --data = csv:file:").doesNotContain("\n")
                .contains("does not exist");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n3,oops\n");
        CliRun row = CliRun.train("--engine", "spark", "--master", "local[2,4]", "--data", "csv:" + bad.toUri(),
                "--updates", "10");
        assertThat(row.exitCode()).isEqualTo(2);
        assertThat(row.err().strip()).doesNotContain("\n").startsWith("asgd train: invalid --data = file:").contains("bad.csv@byte 4")
                .contains("got 'oops'");
        Path f = csv(200);
        CliRun sweep = CliRun.train("--engine", "spark", "--master", "local[2,4]", "--data", "csv:" + f.toUri(),
                "--sweep-eta", "0.1,0.2");
        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains("--sweep-eta").contains("read where it lives");
        CliRun whatIf = CliRun.train("--engine", "spark", "--master", "local[2,4]", "--data", "csv:" + f.toUri(),
                "--what-if-eta", "0.1");
        assertThat(whatIf.exitCode()).isEqualTo(2);
        assertThat(whatIf.err()).contains("--what-if-eta");
    }
}
