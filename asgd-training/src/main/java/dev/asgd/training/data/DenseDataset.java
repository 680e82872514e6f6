package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;

/**
 * Dense rows stored row-major: either one array of n * d doubles, or ({@link #coded}) one byte per
 * value, a code into a table of at most 256 levels (image pixels: 8 bytes fewer per value, so a
 * minibatch of random rows costs an eighth of the memory traffic, which bounds the dense kernels on
 * data larger than the caches). Both give the same doubles, bit for bit.
 */
public final class DenseDataset implements Dataset {
    private final double[] x;
    private final byte[] codes;
    private final double[] levels;
    private final double divisor;
    private final boolean fmaExact;
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
        this.codes = null;
        this.levels = null;
        this.divisor = Double.NaN;
        this.fmaExact = false;
        this.y = y;
        this.d = d;
        this.classes = Dataset.classesOf(y);
    }

    private DenseDataset(byte[] codes, double divisor, double[] y, int d) {
        if (d < 1 || (long) y.length * d != codes.length) {
            throw new InvalidParameterException("data", codes.length + " values for " + y.length + " rows",
                    "n * d values with d >= 1");
        }
        if (!(divisor > 0) || Double.isInfinite(divisor)) {
            throw new IllegalArgumentException("divisor " + divisor + ", not positive and finite");
        }
        this.x = null;
        this.codes = codes;
        this.divisor = divisor;
        this.levels = new double[LEVELS];
        boolean exact = true;
        double inverse = 1 / divisor;
        for (int c = 0; c < LEVELS; c++) {
            levels[c] = c / divisor;
            exact &= byFma(c, divisor, inverse) == levels[c];
        }
        this.fmaExact = exact;
        this.y = y;
        this.d = d;
        this.classes = Dataset.classesOf(y);
    }

    /** Number of levels of a {@linkplain #coded coded} dataset: one per byte value. */
    public static final int LEVELS = 256;

    /**
     * Rows whose values are (code &amp; 0xff) / divisor, correctly rounded: the doubles a division
     * of each code gives, e.g. image pixels 0..255 scaled to [0, 1] with divisor 255.
     *
     * @param codes row-major codes, n * d bytes (not copied: the caller hands them over)
     * @param divisor positive and finite
     * @param y labels, n values (not copied)
     * @param d features per row
     * @return the dataset
     */
    public static DenseDataset coded(byte[] codes, double divisor, double[] y, int d) {
        return new DenseDataset(codes, divisor, y, d);
    }

    /**
     * The division c / divisor without a division: q = c * inverse corrected by one step,
     * fma(fma(-q, divisor, c), inverse, q). For small integers c and most divisors this is the
     * correctly rounded quotient (the constructor checks all 256 codes: {@link #decodesByFma}), and
     * it runs on vector lanes, where a division is slow.
     *
     * @param c the code
     * @param divisor the divisor
     * @param inverse 1 / divisor
     * @return the quotient
     */
    public static double byFma(double c, double divisor, double inverse) {
        double q = c * inverse;
        return Math.fma(Math.fma(-q, divisor, c), inverse, q);
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
        if (codes != null) {
            for (int j = 0; j < d; j++) {
                s += levels[codes[base + j] & 0xff] * w[offset + j];
            }
            return s;
        }
        for (int j = 0; j < d; j++) {
            s += x[base + j] * w[offset + j];
        }
        return s;
    }

    @Override
    public void addScaled(int row, double scale, double[] g, int offset) {
        int base = row * d;
        if (codes != null) {
            for (int j = 0; j < d; j++) {
                g[offset + j] += scale * levels[codes[base + j] & 0xff];
            }
            return;
        }
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
        return codes != null ? levels[codes[row * d + j] & 0xff] : x[row * d + j];
    }

    /**
     * Copies row {@code row} into {@code into} (its first d entries): the fast kernels gather their
     * minibatch into separate row arrays, which the JIT vectorises against (same-index loops).
     *
     * @param row row index
     * @param into output of at least d entries
     */
    public void copyRow(int row, double[] into) {
        if (codes != null) {
            int base = row * d;
            for (int j = 0; j < d; j++) {
                into[j] = levels[codes[base + j] & 0xff];
            }
            return;
        }
        System.arraycopy(x, row * d, into, 0, d);
    }

    /**
     * Reads one value per cache line of each of the rows, so that their misses are in flight
     * together (a row at a time, the hardware prefetcher has one row's misses in flight): the
     * rows are then read from the cache.
     *
     * @param rows row indices
     * @param from the first of them
     * @param count how many
     * @return a value that depends on every read (callers keep it so the reads stay)
     */
    public int touch(int[] rows, int from, int count) {
        int s = 0;
        if (codes != null) {
            for (int i = from; i < from + count; i++) {
                int base = rows[i] * d;
                for (int j = 0; j < d; j += 64) {
                    s += codes[base + j];
                }
            }
        } else {
            for (int i = from; i < from + count; i++) {
                int base = rows[i] * d;
                for (int j = 0; j < d; j += 8) {
                    s += (int) x[base + j];
                }
            }
        }
        return s;
    }

    /** @return the codes of a coded dataset, row-major (do not modify), or null */
    public byte[] codes() {
        return codes;
    }

    /** @return the divisor of a coded dataset, or NaN */
    public double divisor() {
        return divisor;
    }

    /** @return whether {@link #byFma} gives every code's value exactly (false for a dataset of doubles) */
    public boolean decodesByFma() {
        return fmaExact;
    }

    @Override
    public Dataset select(int[] rows) {
        if (codes != null) {
            byte[] sc = new byte[rows.length * d];
            double[] sy = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(codes, rows[i] * d, sc, i * d, d);
                sy[i] = y[rows[i]];
            }
            return new DenseDataset(sc, divisor, sy, d);
        }
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
