package dev.asgd.report.reproduce;

import java.util.Locale;

/** Number formatting of the report's tables and verdict lines. */
public final class Fmt {
    /** What a table cell says when a level is not in this build. */
    public static final String NOT_AVAILABLE = "not available in this build";

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
     * @param available whether the level is in this build
     * @param v its number
     * @return the number, or {@link #NOT_AVAILABLE}
     */
    public static String level(boolean available, double v) {
        return available ? num(v) : NOT_AVAILABLE;
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
     * @param from first value
     * @param to last value
     * @param n points
     * @return n points log-spaced from from to to
     */
    public static double[] logspace(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from * Math.pow(to / from, n == 1 ? 0 : i / (double) (n - 1));
        }
        return x;
    }

    /**
     * @param from first value
     * @param to last value
     * @param n points
     * @return n points evenly spaced
     */
    public static double[] linspace(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * (n == 1 ? 0 : i / (double) (n - 1));
        }
        return x;
    }
}
