package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;
import java.util.Arrays;

/** Sparse rows in compressed sparse row (CSR) form: row i holds entries start[i] to start[i+1] - 1. */
public final class SparseDataset implements Dataset {
    private final int[] start;
    private final int[] index;
    private final double[] value;
    private final double[] y;
    private final int d;
    private final int classes;

    /**
     * @param start row starts, n + 1 values, non-decreasing, start[0] = 0 (not copied)
     * @param index column of each stored entry, each in [0, d) (not copied)
     * @param value value of each stored entry (not copied)
     * @param y labels, n values (not copied)
     * @param d number of features
     */
    public SparseDataset(int[] start, int[] index, double[] value, double[] y, int d) {
        if (d < 1 || start.length != y.length + 1 || start[0] != 0 || start[y.length] != index.length
                || index.length != value.length) {
            throw new InvalidParameterException("data", "CSR arrays of " + start.length + ", " + index.length + ", "
                    + value.length + " entries for " + y.length + " rows", "consistent CSR arrays with d >= 1");
        }
        for (int k : index) {
            if (k < 0 || k >= d) {
                throw new InvalidParameterException("data", "feature index " + k, "0 <= index < " + d);
            }
        }
        this.start = start;
        this.index = index;
        this.value = value;
        this.y = y;
        this.d = d;
        this.classes = Dataset.classesOf(y);
    }

    @Override
    public int size() {
        return y.length;
    }

    @Override
    public int features() {
        return d;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public double label(int row) {
        return y[row];
    }

    @Override
    public double dot(int row, double[] w, int offset) {
        double s = 0;
        for (int k = start[row]; k < start[row + 1]; k++) {
            s += value[k] * w[offset + index[k]];
        }
        return s;
    }

    @Override
    public void addScaled(int row, double scale, double[] g, int offset) {
        for (int k = start[row]; k < start[row + 1]; k++) {
            g[offset + index[k]] += scale * value[k];
        }
    }

    @Override
    public Dataset select(int[] rows) {
        int[] s = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            s[i + 1] = s[i] + start[rows[i] + 1] - start[rows[i]];
        }
        int[] idx = new int[s[rows.length]];
        double[] val = new double[s[rows.length]];
        double[] sy = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int from = start[rows[i]];
            int len = start[rows[i] + 1] - from;
            System.arraycopy(index, from, idx, s[i], len);
            System.arraycopy(value, from, val, s[i], len);
            sy[i] = y[rows[i]];
        }
        return new SparseDataset(s, idx, val, sy, d);
    }

    @Override
    public boolean dense() {
        return false;
    }

    /**
     * @param row row index
     * @return the position of the row's first stored entry (for {@link #indexAt} and {@link #valueAt})
     */
    public int rowStart(int row) {
        return start[row];
    }

    /**
     * @param row row index
     * @return one past the position of the row's last stored entry
     */
    public int rowEnd(int row) {
        return start[row + 1];
    }

    /**
     * @param k position of a stored entry
     * @return its feature index
     */
    public int indexAt(int k) {
        return index[k];
    }

    /**
     * @param k position of a stored entry
     * @return its value
     */
    public double valueAt(int k) {
        return value[k];
    }

    /** @return the number of stored entries */
    public int storedEntries() {
        return index.length;
    }

    @Override
    public String toString() {
        return "SparseDataset[n=" + y.length + ", d=" + d + ", nnz=" + index.length + ", starts="
                + Arrays.toString(Arrays.copyOf(start, Math.min(start.length, 4))) + "...]";
    }
}
