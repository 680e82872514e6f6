package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import java.util.Arrays;

/**
 * A measured staleness histogram as an i.i.d. law p_0..p_L for the exact recursions. The support is
 * capped at {@link #MAX_LAG} (the recursions cost O(L^2) per step): the mass of larger lags, rare
 * outliers of a real run (a descheduled thread), is moved to the cap and reported.
 *
 * @param pmf p_0..p_L, summing to 1
 * @param lumpedMass the probability moved from lags above the cap to the cap
 * @param observedMaxLag the largest staleness observed
 */
public record StalenessLaw(double[] pmf, double lumpedMass, int observedMaxLag) {
    /** Largest lag of the law. */
    public static final int MAX_LAG = 64;

    /** Copies. */
    public StalenessLaw {
        pmf = pmf.clone();
    }

    @Override
    public double[] pmf() {
        return pmf.clone();
    }

    /**
     * @param histogram counts of staleness 0, 1, ...
     * @return the law, capped at {@link #MAX_LAG}
     */
    public static StalenessLaw of(long[] histogram) {
        return of(histogram, MAX_LAG);
    }

    /**
     * @param histogram counts of staleness 0, 1, ...
     * @param cap the largest lag kept
     * @return the law
     */
    public static StalenessLaw of(long[] histogram, int cap) {
        long n = 0;
        int last = -1;
        for (int l = 0; l < histogram.length; l++) {
            if (histogram[l] < 0) {
                throw new InvalidParameterException("histogram", histogram[l], "counts >= 0");
            }
            n += histogram[l];
            if (histogram[l] > 0) {
                last = l;
            }
        }
        if (n == 0) {
            throw new InvalidParameterException("histogram", "empty", "at least one update");
        }
        int len = Math.min(last, cap) + 1;
        double[] p = new double[len];
        long lumped = 0;
        for (int l = 0; l <= last; l++) {
            if (l < len - 1 || l == len - 1 && l == last) {
                p[l] = histogram[l] / (double) n;
            } else {
                lumped += l >= len ? histogram[l] : 0;
                p[len - 1] += histogram[l] / (double) n;
            }
        }
        return new StalenessLaw(p, lumped / (double) n, last);
    }

    /** @return the mean lag of the law (after capping) */
    public double mean() {
        double m = 0;
        for (int l = 0; l < pmf.length; l++) {
            m += l * pmf[l];
        }
        return m;
    }

    /**
     * A draw of the law by inversion: the first lag whose cumulative probability p_0 + ... + p_l
     * (summed in that order) is above u; the largest lag when rounding leaves u above all of them.
     *
     * @param u a uniform number in [0, 1)
     * @return the lag
     */
    public int lag(double u) {
        double cumulative = 0;
        for (int l = 0; l < pmf.length; l++) {
            cumulative += pmf[l];
            if (u < cumulative) {
                return l;
            }
        }
        return pmf.length - 1;
    }

    /** @return the largest lag */
    public int maxLag() {
        return pmf.length - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StalenessLaw s && Arrays.equals(pmf, s.pmf) && lumpedMass == s.lumpedMass
                && observedMaxLag == s.observedMaxLag;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pmf) * 31 + observedMaxLag;
    }

    @Override
    public String toString() {
        return "StalenessLaw" + Arrays.toString(pmf);
    }
}
