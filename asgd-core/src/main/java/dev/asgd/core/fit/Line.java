package dev.asgd.core.fit;

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
 * with coefficient rho inflates the slope's variance by (1 + rho) / (1 - rho).
 *
 * @param intercept a
 * @param slope b
 * @param slopeStandardError sqrt(V), NaN below 3 points
 * @param rho the lag-1 autocorrelation used (0 when not estimated)
 * @param points n
 */
public record Line(double intercept, double slope, double slopeStandardError, double rho, int points) {

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
            return new Line(a, b, Double.NaN, 0, n);
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
        return new Line(a, b, Math.sqrt(v), rho, n);
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
