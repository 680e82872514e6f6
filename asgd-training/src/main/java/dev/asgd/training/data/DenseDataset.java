package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;

/** Dense rows stored row-major in one array of n * d doubles. */
public final class DenseDataset implements Dataset {
    private final double[] x;
    private final double[] y;
    private final int d;
    private final int classes;

    /**
     * @param x row-major features, n * d values (not copied: the caller hands it over)
     * @param y labels, n values (not copied)
     * @param d features per row
     */
    public DenseDataset(double[] x, double[] y, int d) {
        if (d < 1 || (long) y.length * d != x.length) {
            throw new InvalidParameterException("data", x.length + " values for " + y.length + " rows",
                    "n * d values with d >= 1");
        }
        this.x = x;
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
        int base = row * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += x[base + j] * w[offset + j];
        }
        return s;
    }

    @Override
    public void addScaled(int row, double scale, double[] g, int offset) {
        int base = row * d;
        for (int j = 0; j < d; j++) {
            g[offset + j] += scale * x[base + j];
        }
    }

    /**
     * @param row row index
     * @param j feature index
     * @return x[row][j]
     */
    public double get(int row, int j) {
        return x[row * d + j];
    }

    /**
     * Copies row {@code row} into {@code into} (its first d entries): the fast kernels gather their
     * minibatch into separate row arrays, which the JIT vectorises against (same-index loops).
     *
     * @param row row index
     * @param into output of at least d entries
     */
    public void copyRow(int row, double[] into) {
        System.arraycopy(x, row * d, into, 0, d);
    }

    @Override
    public Dataset select(int[] rows) {
        double[] sx = new double[rows.length * d];
        double[] sy = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, sx, i * d, d);
            sy[i] = y[rows[i]];
        }
        return new DenseDataset(sx, sy, d);
    }

    @Override
    public boolean dense() {
        return true;
    }
}
