package dev.asgd.simulation.compare;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The order p of an error e(eta) ~ C eta^p: ordinary least squares of ln e on ln eta, with a
 * Student-t interval for the slope (n - 2 degrees of freedom; none for n = 2).
 *
 * @param points number of (eta, error) pairs used
 * @param order the slope p
 * @param stdErr its standard error (NaN for two points)
 * @param confidence the interval's level
 * @param low lower end of the interval (NaN for two points)
 * @param high upper end (NaN for two points)
 */
public record OrderFit(int points, double order, double stdErr, double confidence, double low, double high) {

    /**
     * @param eta the learning rates
     * @param error the errors (pairs with a non-finite or non-positive error are skipped)
     * @param confidence level in (0, 1)
     * @return the fit, or null with fewer than two usable pairs
     */
    public static OrderFit fit(double[] eta, double[] error, double confidence) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        double[] xs = new double[eta.length];
        double[] ys = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            if (error[i] > 0 && Double.isFinite(error[i])) {
                xs[n] = Math.log(eta[i]);
                ys[n] = Math.log(error[i]);
                sx += xs[n];
                sy += ys[n];
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (xs[i] - mx) * (xs[i] - mx);
            sxy += (xs[i] - mx) * (ys[i] - my);
        }
        double slope = sxy / sxx;
        if (n == 2) {
            return new OrderFit(n, slope, Double.NaN, confidence, Double.NaN, Double.NaN);
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = ys[i] - my - slope * (xs[i] - mx);
            rss += r * r;
        }
        double se = Math.sqrt(rss / (n - 2) / sxx);
        double t = TDistribution.of(n - 2).inverseSurvivalProbability(0.5 * (1 - confidence));
        return new OrderFit(n, slope, se, confidence, slope - t * se, slope + t * se);
    }
}
