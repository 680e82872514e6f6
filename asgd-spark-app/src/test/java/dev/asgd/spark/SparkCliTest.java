package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.cli.CliRun;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asgd train --engine spark} in-process, as the launcher and spark-submit run it (the
 * command finds the engine through its ServiceLoader provider), on one embedded context.
 */
class SparkCliTest {
    private static final String LS = "synthetic:least-squares,n=2000,d=5";

    @RegisterExtension
    static final EmbeddedSpark.PerClass SPARK = new EmbeddedSpark.PerClass();

    /** The same command on threads and on Spark gives the same report: the same fields, the same counts. */
    @Test
    void sameCommandSameOutputsAsThreads() {
        String[] args = {"--data", LS, "--updates", "300", "--eta", "0.01", "--format", "json"};
        CliRun threads = CliRun.train(args);
        CliRun spark = CliRun.train(concat(args, "--engine", "spark", "--master", "local[2,4]"));
        assertThat(threads.exitCode()).as(threads.err()).isZero();
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        JsonNode t = threads.json();
        JsonNode s = spark.json();
        assertThat(paths(s, "")).isEqualTo(paths(t, ""));
        assertThat(s.get("engine").asText()).isEqualTo("spark");
        assertThat(s.get("updates").asLong()).isEqualTo(300);
        assertThat(s.get("series").size()).isEqualTo(t.get("series").size());
        long sum = 0;
        for (JsonNode n : s.at("/staleness/histogram")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(300);
        assertThat(s.at("/theory/geometric/decayPerUpdate").asDouble()).isPositive();
        assertThat(s.at("/theory/measuredLaw/meanSquareEdge").asDouble()).isPositive();
    }

    /** Recorded on Spark with failures injected, replayed on Spark: the same final metrics and staleness. */
    @Test
    void recordAndReplayOnSparkAgree(@TempDir Path dir) {
        String sched = dir.resolve("s.csv").toString();
        String[] args = {"--data", LS, "--updates", "100", "--format", "json", "--engine", "spark",
            "--inject-task-failures", "0.3"};
        CliRun a = CliRun.train(concat(args, "--record-schedule", sched));
        CliRun b = CliRun.train(concat(args, "--replay", sched));
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.json().get("final")).isEqualTo(a.json().get("final"));
        assertThat(b.json().at("/staleness/histogram")).isEqualTo(a.json().at("/staleness/histogram"));
    }

    @Test
    void csvAndHogwildRejected() {
        CliRun csv = CliRun.train("--data", "synthetic:softmax,n=600,d=3", "--updates", "50", "--engine", "spark",
                "--mode", "sync", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().split("\n")[0]).isEqualTo("step,seconds,trainLoss,testLoss,testAccuracy,meanStaleness");
        CliRun hog = CliRun.train("--data", LS, "--engine", "spark", "--mode", "hogwild", "--updates", "10");
        assertThat(hog.exitCode()).isEqualTo(2);
        assertThat(hog.err()).contains("--mode = hogwild");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The field paths of a JSON tree (array elements collapsed), to compare report shapes. */
    private static TreeSet<String> paths(JsonNode n, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                out.add(prefix + "/" + f);
                out.addAll(paths(n.get(f), prefix + "/" + f));
            }
        } else if (n.isArray() && n.size() > 0 && n.get(0).isObject()) {
            out.addAll(paths(n.get(0), prefix + "[]"));
        }
        return out;
    }
}
