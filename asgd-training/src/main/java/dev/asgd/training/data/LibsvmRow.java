package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;

/**
 * One line of a LIBSVM file as a row (the parsing {@link LibsvmReader} and the Spark engine's
 * executor-side reader share): {@code label index:value ...} with 1-based, strictly increasing
 * indices. Blank lines and {@code #} comments are not rows.
 *
 * @param label the label
 * @param index the 0-based feature indices, increasing
 * @param value their values
 */
public record LibsvmRow(double label, int[] index, double[] value) {
    /**
     * @param line the line
     * @param where the line's position for errors, e.g. {@code file:12} (the value of the invalid {@code --data})
     * @param maxIndex the largest 1-based index allowed
     * @return the row, or null when the line is not a row
     * @throws InvalidParameterException naming {@code data} for a malformed row
     */
    public static LibsvmRow parse(String line, Object where, int maxIndex) {
        int hash = line.indexOf('#');
        String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (t.isEmpty()) {
            return null;
        }
        String[] f = t.split("\\s+");
        double y = DataFormatErrors.parseFinite(f[0], where, "label");
        int[] idx = new int[f.length - 1];
        double[] val = new double[f.length - 1];
        int last = 0;
        for (int k = 1; k < f.length; k++) {
            int colon = f[k].indexOf(':');
            if (colon <= 0) {
                throw new InvalidParameterException("data", where, "index:value pairs, got '" + f[k] + "'");
            }
            int j;
            try {
                j = Integer.parseInt(f[k].substring(0, colon));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("data", where, "an integer index, got '" + f[k] + "'");
            }
            if (j > maxIndex) {
                throw new InvalidParameterException("data", where, "feature indices 1.." + maxIndex + " (d dense"
                        + " parameters per worker: at most " + dev.asgd.core.Limits.sci(maxIndex) + " with the "
                        + dev.asgd.core.Limits.heap() + " heap), got " + j);
            }
            if (j <= last) {
                throw new InvalidParameterException("data", where, "1-based strictly increasing indices, got " + j
                        + " after " + last);
            }
            last = j;
            idx[k - 1] = j - 1;
            val[k - 1] = DataFormatErrors.parseFinite(f[k].substring(colon + 1), where, "value of index " + j);
        }
        return new LibsvmRow(y, idx, val);
    }

    /** @return 1 + the largest 0-based index, 0 for a row without features */
    public int features() {
        return index.length == 0 ? 0 : index[index.length - 1] + 1;
    }
}
