package dev.asgd.theory.sampled;

import dev.asgd.core.InvalidParameterException;
import java.util.Arrays;

/**
 * An i.i.d. staleness pmf p_0..p_L, normalised, with the trailing zeros dropped (L is the largest
 * lag of positive mass) and its support listed as (lag, probability) pairs of positive mass.
 */
final class StalenessLaw {
    private final double[] pmf;
    private final int[] lags;
    private final double[] probs;

    private StalenessLaw(double[] pmf) {
        this.pmf = pmf;
        int nnz = 0;
        for (double v : pmf) {
            if (v > 0) {
                nnz++;
            }
        }
        this.lags = new int[nnz];
        this.probs = new double[nnz];
        int q = 0;
        for (int l = 0; l < pmf.length; l++) {
            if (pmf[l] > 0) {
                lags[q] = l;
                probs[q++] = pmf[l];
            }
        }
    }

    /**
     * @param pmf p_0..p_L: finite, &gt;= 0, positive sum (normalised here)
     * @return the law
     */
    static StalenessLaw of(double[] pmf) {
        if (pmf == null || pmf.length == 0) {
            throw new InvalidParameterException("pmf", pmf == null ? "null" : "(empty)",
                    "p_0..p_L, finite, >= 0, with a positive sum");
        }
        double sum = 0;
        int last = -1;
        for (int l = 0; l < pmf.length; l++) {
            if (!(pmf[l] >= 0 && pmf[l] < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("pmf", Arrays.toString(pmf),
                        "every entry >= 0 and finite (entry " + l + " is " + pmf[l] + ")");
            }
            sum += pmf[l];
            if (pmf[l] > 0) {
                last = l;
            }
        }
        if (!(sum > 0 && sum < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("pmf", Arrays.toString(pmf), "a finite positive sum");
        }
        double[] p = new double[last + 1];
        for (int l = 0; l <= last; l++) {
            p[l] = pmf[l] / sum;
        }
        return new StalenessLaw(p);
    }

    /** @return L + 1, the number of lags kept */
    int support() {
        return pmf.length;
    }

    /** @return the normalised p_0..p_L (not copied) */
    double[] pmf() {
        return pmf;
    }

    /** @return the lags of positive mass, ascending (not copied) */
    int[] lags() {
        return lags;
    }

    /** @return their probabilities (not copied) */
    double[] probs() {
        return probs;
    }
}
