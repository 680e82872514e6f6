package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads JSON in tests without defaults: a missing key, a JSON null where a value is read, or a value
 * of the wrong type fails the test. Only {@link #nullable} accepts a null.
 */
final class JsonRequire {
    private JsonRequire() {
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present and not JSON null
     */
    static JsonNode req(JsonNode node, String key) {
        JsonNode v = nullable(node, key);
        assertThat(v.isNull()).as("key %s is null in %s", key, abbreviate(node)).isFalse();
        return v;
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present (it may be JSON null)
     */
    static JsonNode nullable(JsonNode node, String key) {
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
        return number(req(node, key), key);
    }

    /**
     * @param array an array
     * @param index an index of it
     * @return the element, asserted present and a number
     */
    static double num(JsonNode array, int index) {
        assertThat(array.isArray()).as("not an array: %s", abbreviate(array)).isTrue();
        assertThat(index).as("index %d of %s", index, abbreviate(array)).isBetween(0, array.size() - 1);
        return number(array.get(index), "[" + index + "]");
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present and a boolean
     */
    static boolean bool(JsonNode node, String key) {
        JsonNode v = req(node, key);
        assertThat(v.isBoolean()).as("key %s is not a boolean: %s", key, v).isTrue();
        return v.booleanValue();
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present and an integer
     */
    static long integer(JsonNode node, String key) {
        return integerValue(req(node, key), key);
    }

    /**
     * @param v a value
     * @param what what it is, for the message
     * @return it, asserted an integer
     */
    static long integerValue(JsonNode v, String what) {
        assertThat(v.isIntegralNumber()).as("%s is not an integer: %s", what, v).isTrue();
        return v.longValue();
    }

    /**
     * @param node an object or array
     * @param key a key, or a JSON pointer when it starts with {@code /}
     * @return the value, asserted present and a string
     */
    static String text(JsonNode node, String key) {
        JsonNode v = req(node, key);
        assertThat(v.isTextual()).as("key %s is not a string: %s", key, v).isTrue();
        return v.textValue();
    }

    private static double number(JsonNode v, String what) {
        assertThat(v.isNumber()).as("%s is not a number: %s", what, v).isTrue();
        return v.doubleValue();
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
