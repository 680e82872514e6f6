package dev.asgd.core.staleness;

import dev.asgd.core.InvalidParameterException;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Geometric variates P(tau = l) = (1 - kappa) kappa^l by inversion of one 62-bit uniform word
 * through a table: cells l = 0..m-1 hold the cumulative probabilities 1 - kappa^(l+1) scaled to
 * 2^62, a guide table of 2^g buckets points each bucket of the word's range at its first
 * possible cell (Chen and Asau 1974), or gives the cell outright when the whole bucket lies in
 * one (most words: no comparison at all), and the last cell, of probability kappa^m, stands for
 * tau &gt;= m: by memorylessness tau - m is again geometric, so a word falling there adds m and
 * draws again. m is the smallest with kappa^m &lt;= 2^-24, so about one draw in 16 million needs a
 * second word; m is capped at 2^14 cells, so for kappa &gt; 0.999 the tail cell is larger (kappa =
 * 0.9999: 0.19) and draws take more words on average, still exactly. Exact up to the 2^-62 resolution of the word and the double
 * rounding of the cumulative probabilities.
 *
 * <p>{@link #clipped(double, int)} makes the table of min(tau, L) instead: cells 0..L-1 as above
 * and a last cell L of probability kappa^L, so that every draw is exactly one word. The simulator
 * uses it with L its history length (lags beyond it are clipped to it anyway).
 *
 * <p>Written here, although Commons RNG has {@code GeometricSampler} (exponential ziggurat, then a
 * floor) and {@code GuideTableDiscreteSampler} (the same idea over a finite list, on
 * {@code nextDouble}), because the simulator's fast loop needs the variate as a pure function of
 * the word it drew, and an unbounded law (the Commons guide table needs a finite support).
 * Immutable and shared by every chain.
 */
public final class GeometricTable {
    private static final double SCALE = 0x1.0p62;
    private static final int MAX_CELLS = 1 << 14;
    /** The largest L of {@link #clipped}. */
    public static final int MAX_CLIPPED_LAG = 1 << 16;

    private final double kappa;
    private final int cells;
    private final boolean clipped;
    private final int shift;
    private final long[] thresholds;
    private final int[] guide;

    /**
     * @param kappa staleness rate, {@code 0 < kappa < 1}
     */
    public GeometricTable(double kappa) {
        this(kappa, (int) Math.max(1, Math.min(MAX_CELLS, Math.ceil(-24 * Math.log(2) / Math.log(kappa)))), false);
    }

    /**
     * @param kappa staleness rate, {@code 0 < kappa < 1}
     * @param maxLag L, {@code 0 <= L <= }{@link #MAX_CLIPPED_LAG}
     * @return the table of min(tau, L), one word per draw
     */
    public static GeometricTable clipped(double kappa, int maxLag) {
        if (maxLag < 0 || maxLag > MAX_CLIPPED_LAG) {
            throw new InvalidParameterException("maxLag", maxLag, "0 <= maxLag <= " + MAX_CLIPPED_LAG);
        }
        return new GeometricTable(kappa, maxLag, true);
    }

    private GeometricTable(double kappa, int cells, boolean clipped) {
        if (!(kappa > 0 && kappa < 1)) {
            throw new InvalidParameterException("kappa", kappa, "0 < kappa < 1");
        }
        this.kappa = kappa;
        this.clipped = clipped;
        double lnKappa = Math.log(kappa);
        this.cells = cells;
        this.thresholds = new long[cells + 1];
        for (int l = 0; l < cells; l++) {
            // 1 - kappa^(l+1), accurately for kappa near 1
            thresholds[l] = (long) Math.rint(-Math.expm1((l + 1) * lnKappa) * SCALE);
        }
        thresholds[cells] = Long.MAX_VALUE; // the tail cell: every 62-bit word is below it
        int g = Math.max(8, Math.min(16, 64 - Long.numberOfLeadingZeros(4L * Math.max(1, cells) - 1)));
        this.shift = 62 - g;
        this.guide = new int[1 << g];
        int l = 0;
        for (int b = 0; b < guide.length; b++) {
            long start = (long) b << shift;
            while (thresholds[l] <= start) {
                l++;
            }
            // pure bucket: its last word is below thresholds[l] too, so every word in it is in cell l
            long last = start + (1L << shift) - 1;
            guide[b] = last < thresholds[l] ? l : ~l;
        }
    }

    /** @return kappa */
    public double kappa() {
        return kappa;
    }

    /** @return whether this is the table of min(tau, L) ({@link #clipped}) */
    public boolean isClipped() {
        return clipped;
    }

    /** @return m, the number of cells before the tail cell (L for a clipped table) */
    public int cells() {
        return cells;
    }

    /**
     * For loops that inline {@link #cell}: with {@code u = word >>> 2} and
     * {@code g = guide[(int) (u >>> shift)]}, the cell is g itself when {@code g >= 0} (every word
     * of the bucket is in one cell, about 95 % of words), else the first {@code l >= ~g} with
     * {@code u < thresholds[l]}.
     *
     * @return a copy of the cumulative thresholds (length cells + 1, the last one Long.MAX_VALUE)
     */
    public long[] thresholds() {
        return thresholds.clone();
    }

    /** @return a copy of the guide table (a power of two long; negative entries: ~ the first cell to scan) */
    public int[] guide() {
        return guide.clone();
    }

    /** @return the shift that turns a 62-bit word into its guide bucket */
    public int guideShift() {
        return shift;
    }

    /**
     * @param word a uniform 64-bit word (its top 62 bits are used)
     * @return the cell of the word: the variate if below {@link #cells()}, else the tail cell
     *     (tau &gt;= m: add m and draw again; for a clipped table, L itself)
     */
    public int cell(long word) {
        long u = word >>> 2;
        int l = guide[(int) (u >>> shift)];
        if (l >= 0) {
            return l;
        }
        l = ~l;
        while (u >= thresholds[l]) {
            l++;
        }
        return l;
    }

    /**
     * @param word the first word
     * @param rng the generator that drew it, for the rare further words (tau &gt;= m)
     * @return the variate (min(tau, L) for a clipped table)
     */
    public int sample(long word, UniformRandomProvider rng) {
        int l = cell(word);
        if (clipped) {
            return l;
        }
        long tau = 0;
        while (l == cells) {
            tau += cells;
            l = cell(rng.nextLong());
        }
        return (int) Math.min(Integer.MAX_VALUE, tau + l);
    }

    /**
     * @param rng the generator
     * @return a variate (one word in all but about 2^-24 of calls for kappa &lt;= 0.999)
     */
    public int sample(UniformRandomProvider rng) {
        return sample(rng.nextLong(), rng);
    }
}
