package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads JSON in tests without defaults: a missing key (or a null where a number is read) fails the test. */
final class JsonRequire {
    private JsonRequire() {
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present (it may be JSON null)
     */
    static JsonNode req(JsonNode node, String key) {
        assertThat(node).as("parent of %s", key).isNotNull();
        JsonNode v = key.startsWith("/") ? node.at(key) : node.get(key);
        assertThat(v == null || v.isMissingNode()).as("key %s missing in %s", key, abbreviate(node)).isFalse();
        return v;
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present and a number
     */
    static double num(JsonNode node, String key) {
        JsonNode v = req(node, key);
        assertThat(v.isNumber()).as("key %s is not a number: %s", key, v).isTrue();
        return v.asDouble();
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
