package dev.asgd.report.reproduce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads JSON fields that must be there: a missing key or a null (a non-finite number) fails the
 * test instead of reading as 0, false or "".
 */
final class JsonFields {
    private JsonFields() {
    }

    /**
     * @param node an object
     * @param key a key
     * @return its value, which is present and not null
     */
    static JsonNode required(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isMissingNode()) {
            throw new AssertionError("missing key '" + key + "' in " + abbreviate(node));
        }
        if (v.isNull()) {
            throw new AssertionError("key '" + key + "' is null (a non-finite number?) in " + abbreviate(node));
        }
        return v;
    }

    /**
     * @param node an object
     * @param key a key
     * @return its number
     */
    static double number(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isNumber()) {
            throw new AssertionError("key '" + key + "' is not a number: " + v);
        }
        return v.doubleValue();
    }

    /**
     * @param node an object
     * @param key a key
     * @return its integer
     */
    static long integer(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isIntegralNumber()) {
            throw new AssertionError("key '" + key + "' is not an integer: " + v);
        }
        return v.longValue();
    }

    /**
     * @param node an object
     * @param key a key
     * @return its text
     */
    static String text(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isTextual()) {
            throw new AssertionError("key '" + key + "' is not a string: " + v);
        }
        return v.textValue();
    }

    /**
     * @param node an object
     * @param key a key
     * @return its boolean
     */
    static boolean bool(JsonNode node, String key) {
        JsonNode v = required(node, key);
        if (!v.isBoolean()) {
            throw new AssertionError("key '" + key + "' is not a boolean: " + v);
        }
        return v.booleanValue();
    }

    private static String abbreviate(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
