package dev.asgd.training.staleness;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * The geometric law P(tau = l) = (1 - kappa) kappa^l fitted to a staleness histogram by maximum
 * likelihood, kappa = mean / (1 + mean), and Pearson's chi-square test of the fit: bins 0, 1, ...
 * while the expected count is at least 5, the rest pooled into one tail bin "&gt;= L"; degrees of
 * freedom = bins - 1 - 1 (one estimated parameter).
 *
 * @param count number of updates
 * @param mean mean staleness
 * @param kappa the MLE of kappa
 * @param bins number of bins of the test (0 when there is nothing to test)
 * @param chiSquare Pearson's statistic (NaN when not testable)
 * @param degreesOfFreedom bins - 2
 * @param pValue the test's p-value (NaN when not testable)
 */
public record GeometricFit(long count, double mean, double kappa, int bins, double chiSquare, int degreesOfFreedom,
        double pValue) {
    /** Smallest expected count of a bin before pooling. */
    static final double MIN_EXPECTED = 5;

    /**
     * @param histogram counts of staleness 0, 1, 2, ...
     * @return the fit
     */
    public static GeometricFit of(long[] histogram) {
        long n = 0;
        double sum = 0;
        for (int l = 0; l < histogram.length; l++) {
            n += histogram[l];
            sum += (double) l * histogram[l];
        }
        if (n == 0) {
            return new GeometricFit(0, Double.NaN, Double.NaN, 0, Double.NaN, 0, Double.NaN);
        }
        double mean = sum / n;
        double kappa = mean / (1 + mean);
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        double tailProb = 1;
        long tailObs = n;
        for (int l = 0; ; l++) {
            double p = (1 - kappa) * Math.pow(kappa, l);
            // Stop when this bin or the tail after it would fall below the minimum.
            if (n * p < MIN_EXPECTED || n * (tailProb - p) < MIN_EXPECTED) {
                break;
            }
            long o = l < histogram.length ? histogram[l] : 0;
            expected.add(n * p);
            observed.add(o);
            tailProb -= p;
            tailObs -= o;
        }
        expected.add(n * tailProb);
        observed.add(tailObs);
        int bins = expected.size();
        if (bins < 3) {
            return new GeometricFit(n, mean, kappa, bins, Double.NaN, 0, Double.NaN);
        }
        double[] e = expected.stream().mapToDouble(Double::doubleValue).toArray();
        long[] o = observed.stream().mapToLong(Long::longValue).toArray();
        SignificanceResult r = ChiSquareTest.withDefaults().withDegreesOfFreedomAdjustment(1).test(e, o);
        return new GeometricFit(n, mean, kappa, bins, r.getStatistic(), bins - 2, r.getPValue());
    }

    /**
     * @param lag a staleness l &gt;= 0
     * @return the fitted law's expected number of updates with staleness l, count (1 - kappa) kappa^l
     *     (0 when there is no fit)
     */
    public double expectedCount(int lag) {
        return Double.isNaN(kappa) ? 0 : count * (1 - kappa) * Math.pow(kappa, lag);
    }
}
