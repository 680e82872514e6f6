package dev.asgd.report.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The key paths of results.json are a contract: every key the quick suite writes, pinned in
 * {@code results-json-keys.txt} (generated from the output before the studies moved out of the
 * report; since then changed deliberately only by the errata study's typed numbers under
 * {@code /experiments[errata]/numbers/study}, the removal of the constant {@code levels/*&#47;available}
 * and {@code verdicts/not available}, the errata's {@code byReading} and {@code confirmedByComputation},
 * the numbers the errata study now computes for the renderer ({@code correctedMu},
 * {@code smePredictedPerStep}, {@code sqrtKappa}, {@code gradientTypo/computed}) and sme-accuracy's
 * numbers becoming the study's result (order intervals, fitted lines, both sides' moments, steps). Array elements collapse to {@code []} (the union of their keys), except the
 * experiments, which are told apart by id ({@code /experiments[errata]/numbers/...}) so that a key of
 * one experiment cannot stand in for another's. Any added, removed or renamed key fails the test;
 * values (and nulls) are not compared here.
 */
class ResultsJsonSchemaTest {

    @Test
    void resultsJsonHasExactlyThePinnedKeys() throws IOException {
        SortedSet<String> pinned = pinned();
        SortedSet<String> actual = keyPaths(QuickSuite.get().results);
        SortedSet<String> added = new TreeSet<>(actual);
        added.removeAll(pinned);
        SortedSet<String> removed = new TreeSet<>(pinned);
        removed.removeAll(actual);
        assertThat(added).as("keys in results.json that are not pinned").isEmpty();
        assertThat(removed).as("pinned keys missing from results.json").isEmpty();
    }

    @Test
    void keyPathsCollapseArraysAndNameExperiments() throws IOException {
        JsonNode node = new ObjectMapper().readTree("{\"suite\": \"quick\", \"a\": [{\"x\": 1}, {\"y\": null}], \"b\": [], \"c\": [1, 2],"
                + " \"experiments\": [{\"id\": \"e1\", \"numbers\": {\"k\": [[1]]}}, {\"id\": \"e2\", \"numbers\": {}}]}");
        assertThat(keyPaths(node)).containsExactly("/a[]/x", "/a[]/y", "/b[]", "/c[]", "/experiments[e1]/id",
                "/experiments[e1]/numbers/k[][]", "/experiments[e2]/id", "/experiments[e2]/numbers", "/suite");
    }

    private static SortedSet<String> pinned() throws IOException {
        try (InputStream in = ResultsJsonSchemaTest.class.getResourceAsStream("results-json-keys.txt")) {
            Objects.requireNonNull(in, "results-json-keys.txt on the test class path");
            SortedSet<String> keys = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    keys.add(line.strip());
                }
            }
            return keys;
        }
    }

    /** The key paths of results.json, experiments by id, other arrays collapsed to []. */
    static SortedSet<String> keyPaths(JsonNode root) {
        SortedSet<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("experiments") && f.getValue().isArray()) {
                for (JsonNode e : f.getValue()) {
                    String prefix = "/experiments[" + JsonFields.text(e, "id") + "]";
                    for (Iterator<Map.Entry<String, JsonNode>> ef = e.fields(); ef.hasNext();) {
                        Map.Entry<String, JsonNode> g = ef.next();
                        collect(g.getValue(), prefix + "/" + g.getKey(), out);
                    }
                }
            } else {
                collect(f.getValue(), "/" + f.getKey(), out);
            }
        }
        return out;
    }

    private static void collect(JsonNode node, String path, SortedSet<String> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                out.add(path);
            }
            for (String n : names) {
                collect(node.get(n), path + "/" + n, out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.add(path + "[]");
            }
            for (JsonNode v : node) {
                collect(v, path + "[]", out);
            }
        } else {
            out.add(path);
        }
    }
}
