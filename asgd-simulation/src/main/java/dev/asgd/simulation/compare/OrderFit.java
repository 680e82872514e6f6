package dev.asgd.simulation.compare;

import dev.asgd.core.fit.Line;

/**
 * The order p of an error e(eta) ~ C eta^p: ordinary least squares of ln e on ln eta
 * ({@link Line#fit}, pooled standard error), with a Student-t interval for the slope (n - 2 degrees of freedom; none for n = 2).
 *
 * @param points number of (eta, error) pairs used
 * @param order the slope p
 * @param stdErr its standard error (NaN for two points)
 * @param confidence the interval's level
 * @param low lower end of the interval (NaN for two points)
 * @param high upper end (NaN for two points)
 * @param intercept ln C, the fitted line's intercept (through the centroid of the pairs used)
 */
public record OrderFit(int points, double order, double stdErr, double confidence, double low, double high,
        double intercept) {

    /**
     * @param eta a learning rate
     * @return the fitted error C eta^p = exp(intercept) eta^order
     */
    public double at(double eta) {
        return Math.exp(intercept) * Math.pow(eta, order);
    }

    /**
     * @param eta the learning rates
     * @param error the errors (pairs with a non-finite or non-positive error are skipped)
     * @param confidence level in (0, 1)
     * @return the fit, or null with fewer than two usable pairs
     */
    public static OrderFit fit(double[] eta, double[] error, double confidence) {
        int n = 0;
        double[] xs = new double[eta.length];
        double[] ys = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            if (error[i] > 0 && Double.isFinite(error[i])) {
                xs[n] = Math.log(eta[i]);
                ys[n] = Math.log(error[i]);
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        Line line = Line.fit(xs, ys, 0, n);
        if (n == 2) {
            return new OrderFit(n, line.slope(), Double.NaN, confidence, Double.NaN, Double.NaN, line.intercept());
        }
        Line.Interval ci = line.pooledSlopeInterval(confidence);
        return new OrderFit(n, line.slope(), line.pooledSlopeStandardError(), confidence, ci.low(), ci.high(),
                line.intercept());
    }
}
