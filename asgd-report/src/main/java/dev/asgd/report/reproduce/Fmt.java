package dev.asgd.report.reproduce;

import java.util.Locale;

/** Number formatting of the report's tables and verdict lines. */
public final class Fmt {
    private Fmt() {
    }

    /**
     * @param v a number
     * @return 4 significant digits, "n/a" when not finite
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * @param fraction a relative difference
     * @return it as a percentage with 2 significant digits
     */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2g %%", 100 * fraction);
    }

    /**
     * @param format a format
     * @param args its arguments
     * @return the string, in the root locale
     */
    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /**
     * @param spec a comma-separated spec such as "synthetic:least-squares,n=4000,d=10"
     * @param key a key of it
     * @return the text after "key=" in the spec
     * @throws IllegalArgumentException if the spec has no such key
     */
    public static String specValue(String spec, String key) {
        for (String part : spec.split(",")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + " in " + spec);
    }
}
