package dev.asgd.report.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes a tree of maps, lists, arrays and numbers safe for strict JSON: NaN and infinities become null. */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * @param value a map, list, array, number, string, boolean or null
     * @return the same tree with non-finite numbers replaced by null and arrays by lists
     */
    public static Object sanitize(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), sanitize(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(sanitize(o));
            }
            return out;
        }
        if (value instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(sanitize(d));
            }
            return out;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        return value;
    }
}
