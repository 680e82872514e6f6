package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;

/**
 * One line of a dense CSV file as a row (the parsing {@link CsvReader} and the Spark engine's
 * executor-side reader share): the label first, then the d features, separated by commas. Blank
 * lines and lines starting with {@code #} are not rows; nor is a file's first line whose label
 * field is not a number (a header).
 */
public final class CsvRow {
    private CsvRow() {
    }

    /**
     * @param line the line
     * @param firstLine whether it is its file's first line (the only one that may be a header)
     * @param where the line's position for errors, e.g. {@code file:12} (the value of the invalid {@code --data})
     * @return {label, x_1, ..., x_d}, or null when the line is not a row
     * @throws InvalidParameterException naming {@code data} for a malformed row
     */
    public static double[] parse(String line, boolean firstLine, Object where) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return null;
        }
        String[] f = t.split(",", -1);
        if (firstLine && !looksNumeric(f[0].strip())) {
            return null;
        }
        if (f.length < 2) {
            throw new InvalidParameterException("data", where, "a label and at least one feature, got " + f.length
                    + " field");
        }
        double[] row = new double[f.length];
        row[0] = DataFormatErrors.parseFinite(f[0].strip(), where, "label");
        for (int j = 1; j < f.length; j++) {
            row[j] = DataFormatErrors.parseFinite(f[j].strip(), where, "feature " + j);
        }
        return row;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
