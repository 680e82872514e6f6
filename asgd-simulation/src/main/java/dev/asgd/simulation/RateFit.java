package dev.asgd.simulation;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.fit.Line;
import java.util.List;

/**
 * The exponential rate of the second moment's approach to its stationary value: a weighted least
 * squares fit ({@link Line#fitWeighted}) of y_k = ln |m2_k - m2*| = c + s k over the records in a window, each weighted by
 * 1 / Var(y_k) with Var(y_k) = (se_k / |m2_k - m2*|)^2 (delta method). Records whose deviation is
 * within {@link #SIGNAL} standard errors of zero are noise and end the window. The slope's
 * standard error is scaled by sqrt(max(1, chi^2 / (n - 2))), because the records share their
 * chains and are positively correlated; the interval uses Student's t with n - 2 degrees of freedom.
 *
 * @param from first step used
 * @param to last step used
 * @param points records used
 * @param slope s, the per-step log factor (negative when converging)
 * @param slopeStdErr its standard error
 * @param confidence the interval's level, e.g. 0.95
 * @param slopeLow lower end of the interval for s
 * @param slopeHigh upper end
 * @param stationary m2* used
 */
public record RateFit(long from, long to, int points, double slope, double slopeStdErr, double confidence,
        double slopeLow, double slopeHigh, double stationary) {

    /** Deviations below this many standard errors end the window. */
    public static final double SIGNAL = 3;

    /**
     * The default start of the fit window: a tenth of the run, but not before the first record after
     * the start, so that the transient of the first steps does not enter the fit.
     *
     * @param steps K, the steps run
     * @param every the record interval
     * @return max(every, K / 10) (integer division)
     */
    public static long defaultFrom(long steps, long every) {
        return Math.max(every, steps / 10);
    }

    /** @return exp(s), the fitted per-step factor of |m2_k - m2*| */
    public double factorPerStep() {
        return Math.exp(slope);
    }

    /**
     * @param series the records (with standard errors)
     * @param stationary m2*
     * @param from first step of the window
     * @param to last step of the window
     * @param confidence level in (0, 1)
     * @return the fit, or null when fewer than 3 records carry signal
     */
    public static RateFit fit(List<SeriesPoint> series, double stationary, long from, long to, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidParameterException("confidence", confidence, "0 < confidence < 1");
        }
        if (from > to) {
            throw new InvalidParameterException("fit-from", from, "fit-from <= fit-to (" + to + ")");
        }
        int n = 0;
        long first = -1;
        long last = -1;
        double[] xs = new double[series.size()];
        double[] ys = new double[series.size()];
        double[] ws = new double[series.size()];
        for (SeriesPoint p : series) {
            if (p.step() < from || p.step() > to) {
                continue;
            }
            double dev = Math.abs(p.secondMoment() - stationary);
            double se = p.secondMomentStdErr();
            if (!(se > 0) || !(dev > SIGNAL * se)) {
                if (n > 0) {
                    break;
                }
                continue;
            }
            double x = p.step();
            double y = Math.log(dev);
            double w = (dev / se) * (dev / se);
            xs[n] = x;
            ys[n] = y;
            ws[n] = w;
            if (first < 0) {
                first = p.step();
            }
            last = p.step();
            n++;
        }
        if (n < 3) {
            return null;
        }
        Line line = Line.fitWeighted(xs, ys, ws, 0, n);
        Line.Interval ci = line.slopeInterval(confidence);
        return new RateFit(first, last, n, line.slope(), line.slopeStandardError(), confidence, ci.low(), ci.high(),
                stationary);
    }
}
