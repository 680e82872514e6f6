package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every command's JSON contract: the set of key paths (arrays collapsed to {@code []}) of a
 * small run of each command must equal the list in {@code src/test/resources/json-schema/NAME.txt},
 * so that an added, removed or renamed key fails the build. Regenerate a list deliberately with
 * {@code -Dasgd.schema.write=DIR} (writes the actual lists, and the JSON, into DIR) and review the diff.
 */
class JsonSchemaTest {
    private static final String[] TRAIN_LS = {"train", "--data", "synthetic:least-squares,n=2000,d=5", "--workers",
        "1", "--eta", "0.01", "--updates", "600", "--eval-every", "100", "-q", "--format", "json"};

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("rate-scalar", List.of("rate", "--eta", "0.05", "--kappa", "0.9", "--omega0", "1",
                        "--workers", "8", "--format", "json")),
                Arguments.of("rate-vector", List.of("rate", "--eta", "0.01", "--kappa", "0.5", "--omega0", "0.5,1,4",
                        "--format", "json")),
                Arguments.of("moments", List.of("moments", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1",
                        "--steps", "2000", "--every", "500", "-q", "--format", "json")),
                Arguments.of("simulate", List.of("simulate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1",
                        "--runs", "200", "--steps", "200", "--every", "50", "-q", "--format", "json")),
                Arguments.of("simulate-data", List.of("simulate", "--eta", "0.01", "--kappa", "0.5", "--data",
                        "synthetic:least-squares,n=200,d=3", "--runs", "200", "--steps", "200", "--every", "50", "-q",
                        "--format", "json")),
                Arguments.of("sme", List.of("sme", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--runs",
                        "200", "--steps", "200", "--every", "50", "-q", "--format", "json")),
                Arguments.of("compare", List.of("compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1",
                        "--runs", "500", "--steps", "200", "-q", "--format", "json")),
                Arguments.of("compare-diverging", List.of("compare", "--eta", "1", "--kappa", "0.9", "--omega0", "1",
                        "--runs", "200", "--steps", "100", "-q", "--format", "json")),
                Arguments.of("compare-sweep", List.of("compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1",
                        "--runs", "300", "--steps", "100", "--sweep-eta", "0.005,0.01,0.02", "-q", "--format",
                        "json")),
                Arguments.of("fokker-planck", List.of("fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0",
                        "1", "--sigma", "3", "--degree", "12", "--points", "20", "-q", "--format", "json")),
                Arguments.of("rate-epsilon", List.of("rate", "--eta", "0.05", "--kappa", "0.9", "--omega0", "1",
                        "--epsilon0", "0.1", "--format", "json")),
                Arguments.of("sme-perturbed", List.of("sme", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1",
                        "--runs", "100", "--steps", "100", "--every", "50", "--scheme", "em", "--perturbation",
                        "sin:0.3,2", "-q", "--format", "json")),
                Arguments.of("train-least-squares", List.of(TRAIN_LS)),
                Arguments.of("train-what-if", List.of("train", "--data", "synthetic:least-squares,n=2000,d=5",
                        "--workers", "1", "--eta", "0.01", "--updates", "400", "--eval-every", "100",
                        "--what-if-eta", "0.005,3", "-q", "--format", "json")),
                Arguments.of("train-geometric-only", List.of("train", "--data", "synthetic:least-squares,n=500,d=50",
                        "--workers", "1", "--eta", "0.005", "--updates", "400", "--eval-every", "100", "-q",
                        "--format", "json")),
                Arguments.of("train-sweep", List.of("train", "--data", "synthetic:least-squares,n=1000,d=4",
                        "--workers", "1", "--updates", "300", "--eval-every", "100", "--sweep-eta", "0.01,0.2",
                        "--repeats", "2", "-q", "--format", "json")),
                Arguments.of("train-sweep-logistic", List.of("train", "--data", "synthetic:logistic,n=1000,d=4",
                        "--workers", "1", "--updates", "300", "--eval-every", "100", "--sweep-eta", "0.1,50",
                        "--repeats", "1", "-q", "--format", "json")),
                Arguments.of("tune", List.of(TuneCommandTest.SMALL)),
                Arguments.of("train-logistic", List.of("train", "--data", "synthetic:logistic,n=1000,d=4",
                        "--workers", "1", "--eta", "0.05", "--updates", "500", "--eval-every", "100", "-q", "--format",
                        "json")),
                Arguments.of("train-softmax", List.of("train", "--data", "synthetic:softmax,n=1000,d=3,classes=3",
                        "--problem", "softmax", "--workers", "1", "--eta", "0.05", "--updates", "500", "--eval-every",
                        "100", "-q", "--format", "json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void keyPathsArePinned(String name, List<String> args) throws IOException {
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertPinned(name, r.json(), r.out());
    }

    /**
     * Asserts that the key paths of a command's JSON equal the pinned list json-schema/NAME.txt (also
     * used by {@link ReproduceCommandTest}, which pins {@code reproduce --quick --format json} from its
     * one run of the quick suite).
     *
     * @param name the pinned list's name
     * @param json the command's JSON
     * @param out the command's output, written beside the list with {@code -Dasgd.schema.write}
     * @throws IOException when the list cannot be read or written
     */
    static void assertPinned(String name, JsonNode json, String out) throws IOException {
        List<String> actual = List.copyOf(keyPaths(json));
        String dir = System.getProperty("asgd.schema.write");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".txt"), actual, StandardCharsets.UTF_8);
            Files.writeString(Path.of(dir, name + ".json"), out, StandardCharsets.UTF_8);
        }
        List<String> pinned = pinned(name);
        assertThat(actual).as("key paths of %s (pinned in json-schema/%s.txt)", name, name)
                .containsExactlyElementsOf(pinned);
    }

    /**
     * @param root a JSON tree
     * @return every key path in it, sorted: {@code /a/b} for keys, {@code []} for any array element
     */
    static TreeSet<String> keyPaths(JsonNode root) {
        TreeSet<String> out = new TreeSet<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix + "/" + e.getKey();
                out.add(p);
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                collect(e, prefix + "[]", out);
            }
        }
    }

    private static List<String> pinned(String name) throws IOException {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream("/json-schema/" + name + ".txt")) {
            assertThat(in).as("pinned list json-schema/%s.txt", name).isNotNull();
            List<String> lines = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank()) {
                    lines.add(l.strip());
                }
            }
            return lines;
        }
    }
}
