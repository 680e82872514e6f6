package dev.asgd.simulation;

import java.util.Arrays;

/**
 * A deterministic, mergeable quantile sketch of non-negative numbers: a histogram over bins of
 * relative width 2^-7 (about 0.8 %), whose index is the top bits of the IEEE-754 representation
 * (sign-free exponent and the first 7 mantissa bits), monotone in the value. Merging adds counts,
 * so the merged sketch is the same in any merge order; a quantile is the geometric middle of its
 * bin, within 0.4 % of some value of the right rank. Memory: one int per occupied bin range
 * (about 900 bins per decade factor of 10^7 in range). Hand-written because Commons Statistics
 * has no mergeable sketch and exact quantiles would cost O(N) memory per record.
 */
final class QuantileSketch {
    private static final int SHIFT = 52 - 7;
    private int[] counts = new int[0];
    private int offset;
    private long total;

    void add(double x) {
        // x >= 0 and finite (divergence is checked first); -0.0 is mapped to 0
        int idx = (int) (Double.doubleToRawLongBits(Math.abs(x)) >>> SHIFT);
        ensure(idx, idx);
        counts[idx - offset]++;
        total++;
    }

    /**
     * Adds abs(values[from]), ..., abs(values[from + n - 1]): the same counts as n calls of
     * {@link #add}, with the range grown once.
     */
    void addAbsolute(double[] values, int from, int n) {
        if (n <= 0) {
            return;
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int c = from; c < from + n; c++) {
            int idx = (int) (Double.doubleToRawLongBits(Math.abs(values[c])) >>> SHIFT);
            lo = Math.min(lo, idx);
            hi = Math.max(hi, idx);
        }
        ensure(lo, hi);
        final int[] counts = this.counts;
        final int offset = this.offset;
        for (int c = from; c < from + n; c++) {
            counts[(int) (Double.doubleToRawLongBits(Math.abs(values[c])) >>> SHIFT) - offset]++;
        }
        total += n;
    }

    private void ensure(int lo, int hi) {
        if (counts.length == 0) {
            counts = new int[16];
            offset = lo - 8;
            if (offset < 0) {
                offset = 0;
            }
        }
        int end = offset + counts.length;
        if (lo >= offset && hi < end) {
            return;
        }
        int newLo = Math.min(lo, offset);
        int newHi = Math.max(hi, end - 1);
        int span = newHi - newLo + 1;
        // grow geometrically on the side that overflowed
        int extra = Math.max(16, span / 2);
        if (lo < offset) {
            newLo = Math.max(0, newLo - extra);
        }
        if (hi >= end) {
            newHi = newHi + extra;
        }
        int[] c = new int[newHi - newLo + 1];
        System.arraycopy(counts, 0, c, offset - newLo, counts.length);
        counts = c;
        offset = newLo;
    }

    void merge(QuantileSketch other) {
        if (other.total == 0) {
            return;
        }
        ensure(other.offset, other.offset + other.counts.length - 1);
        for (int i = 0; i < other.counts.length; i++) {
            counts[other.offset + i - offset] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /**
     * @param p level in [0, 1]
     * @return the value at rank ceil(p n) (at least 1), NaN when empty
     */
    double quantile(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long bin = offset + i;
                double lo = Double.longBitsToDouble(bin << SHIFT);
                double hi = Double.longBitsToDouble((bin + 1) << SHIFT);
                return lo == 0 ? 0 : Math.sqrt(lo * hi);
            }
        }
        return Double.longBitsToDouble(((long) offset + counts.length) << SHIFT);
    }

    @Override
    public String toString() {
        return "QuantileSketch[n=" + total + ", bins=" + Arrays.stream(counts).filter(c -> c > 0).count() + "]";
    }
}
