package dev.asgd.core.fit;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A least-squares line y = a + b x with a standard error of the slope that holds under unequal
 * variances and serial correlation of the errors:
 * <pre>
 *   V_ols = sum(u^2) / (n - 2) / Sxx                       (pooled)
 *   V_hc  = n / (n - 2) sum(xc^2 u^2) / Sxx^2             (White's sandwich, HC1)
 *   V     = max(V_ols, V_hc) (1 + rho) / (1 - rho)        (AR(1) inflation)
 * </pre>
 * where xc = x - mean(x), u are the residuals and rho is their lag-1 autocorrelation r1, clipped to
 * [0, 0.9], plus Kendall's small-sample bias (1 + 3 r1) / n, and taken as 0 below 4 points. For a smooth regressor such as the step, an AR(1) error
 * with coefficient rho inflates the slope's variance by (1 + rho) / (1 - rho). The pooled standard
 * error sqrt(V_ols) alone is kept beside it ({@link #pooledSlopeStandardError()}) for fits whose
 * errors are independent and of equal variance, e.g. an order of convergence across learning rates.
 *
 * <p>{@link #fitWeighted} is the weighted least-squares line with known variances (weights
 * 1 / Var(y_i)), its standard error scaled by the dispersion when chi^2 / (n - 2) exceeds 1;
 * {@link #slopeInterval} and {@link #pooledSlopeInterval} give Student-t intervals with n - 2
 * degrees of freedom. Every slope fit of asgd is one of these.
 *
 * @param intercept a
 * @param slope b
 * @param slopeStandardError sqrt(V), NaN below 3 points
 * @param rho the lag-1 autocorrelation used (0 when not estimated)
 * @param points n
 * @param pooledSlopeStandardError sqrt(V_ols), NaN below 3 points
 */
public record Line(double intercept, double slope, double slopeStandardError, double rho, int points,
        double pooledSlopeStandardError) {

    /** Largest lag-1 autocorrelation used in the inflation (1.9 / 0.1 = 19-fold variance). */
    static final double MAX_RHO = 0.9;

    /**
     * @param x abscissae (at least 2 distinct values)
     * @param y ordinates
     * @param from first index used (inclusive)
     * @param to last index used (exclusive)
     * @return the least-squares line through (x[i], y[i]), from &lt;= i &lt; to
     */
    public static Line fit(double[] x, double[] y, int from, int to) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            double xc = x[i] - mx;
            sxx += xc * xc;
            sxy += xc * (y[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        if (n < 3) {
            return new Line(a, b, Double.NaN, 0, n, Double.NaN);
        }
        double[] u = new double[n];
        double ss = 0;
        double hc = 0;
        for (int i = from; i < to; i++) {
            double r = y[i] - a - b * x[i];
            double xc = x[i] - mx;
            u[i - from] = r;
            ss += r * r;
            hc += xc * xc * r * r;
        }
        double rho = n >= 4 ? Math.min(MAX_RHO, lag1(u) + (1 + 3 * lag1(u)) / n) : 0;
        double vOls = ss / (n - 2) / sxx;
        double vHc = (double) n / (n - 2) * hc / (sxx * sxx);
        double v = Math.max(vOls, vHc) * (1 + rho) / (1 - rho);
        return new Line(a, b, Math.sqrt(v), rho, n, Math.sqrt(vOls));
    }

    /**
     * The weighted least-squares line through (x[i], y[i]) with weights w[i] = 1 / Var(y_i),
     * from the raw weighted sums:
     * <pre>
     *   D = Sw Swxx - Swx^2,   b = (Sw Swxy - Swx Swy) / D,   a = (Swy - b Swx) / Sw,
     *   chi^2 = sum w (y - a - b x)^2,   SE(b) = sqrt(Sw / D) sqrt(max(1, chi^2 / (n - 2))),
     * </pre>
     * i.e. the standard error from the known variances, widened by the dispersion when the points
     * scatter more than those variances say (e.g. records sharing their Monte Carlo chains). The
     * line's {@link #pooledSlopeStandardError()} is sqrt(Sw / D) alone, its rho 0.
     *
     * @param x abscissae
     * @param y ordinates
     * @param w weights, positive
     * @param from first index used (inclusive)
     * @param to last index used (exclusive), at least 3 points
     * @return the line
     */
    public static Line fitWeighted(double[] x, double[] y, double[] w, int from, int to) {
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double swxx = 0;
        double swxy = 0;
        for (int i = from; i < to; i++) {
            sw += w[i];
            swx += w[i] * x[i];
            swy += w[i] * y[i];
            swxx += w[i] * x[i] * x[i];
            swxy += w[i] * x[i] * y[i];
        }
        int n = to - from;
        double det = sw * swxx - swx * swx;
        double b = (sw * swxy - swx * swy) / det;
        double a = (swy - b * swx) / sw;
        double chi2 = 0;
        for (int i = from; i < to; i++) {
            double r = y[i] - a - b * x[i];
            chi2 += w[i] * r * r;
        }
        double known = Math.sqrt(sw / det);
        return new Line(a, b, known * Math.sqrt(Math.max(1, chi2 / (n - 2))), 0, n, known);
    }

    /**
     * @param confidence level in (0, 1)
     * @return the Student-t interval slope -/+ t SE with {@link #slopeStandardError()} (n - 2 degrees of freedom)
     */
    public Interval slopeInterval(double confidence) {
        return interval(slopeStandardError, confidence);
    }

    /**
     * @param confidence level in (0, 1)
     * @return the Student-t interval slope -/+ t SE with {@link #pooledSlopeStandardError()}
     */
    public Interval pooledSlopeInterval(double confidence) {
        return interval(pooledSlopeStandardError, confidence);
    }

    private Interval interval(double standardError, double confidence) {
        double t = TDistribution.of(points - 2).inverseSurvivalProbability(0.5 * (1 - confidence));
        return new Interval(slope - t * standardError, slope + t * standardError);
    }

    /**
     * A confidence interval of the slope.
     *
     * @param low lower end
     * @param high upper end
     */
    public record Interval(double low, double high) {
    }

    /**
     * @param u residuals (mean about zero)
     * @return sum u_t u_{t-1} / sum u_t^2 clipped to [0, MAX_RHO]; 0 if all are zero
     */
    static double lag1(double[] u) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < u.length; i++) {
            den += u[i] * u[i];
            if (i > 0) {
                num += u[i] * u[i - 1];
            }
        }
        if (!(den > 0)) {
            return 0;
        }
        return Math.min(MAX_RHO, Math.max(0, num / den));
    }
}
