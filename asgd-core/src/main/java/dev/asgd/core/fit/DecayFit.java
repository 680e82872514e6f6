package dev.asgd.core.fit;

import dev.asgd.core.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A decay rate per step measured on a noisy curve with a floor, with its interval.
 *
 * <p>A run logs the excess loss e_k = f(theta_k) - f* at steps k. The curve decays roughly like
 * A exp(-r k) and then sits on a noise floor F, where single points fluctuate by 30-100 % and are
 * serially correlated (e_k may even be slightly negative when f* was computed on other rows).
 * {@link #of(long[], double[], double, double)} measures r in four steps:
 * <pre>
 *   1. floor:  is the tail flat? OLS slope of e (not ln e: it may be negative) on k over the last
 *              third, then the last quarter and fifth (each &gt;= 6 points); a tail is not flat if
 *              the slope is significant (t-test at 0.1 % with the AR(1)-inflated sandwich error of
 *              {@link Line}) and the line changes by at least 20 % of max(|mean|, sd) over the tail.
 *              If one tail is flat:
 *              F = mean of the tail, sigma = its point-to-point standard deviation.
 *   2. window: the leading run of points with e_k - F &gt; c sigma (c = minSignalToNoise), i.e.
 *              from the first point to the last one before the curve first enters the floor band.
 *              (The leading run, not the last point above the band: a single floor outlier must
 *              not stretch the window over the floor.)
 *   1'. refine F (3 rounds or until the window stops changing): fit ln(e - F) = a - r k on the
 *              window and take F, sigma as mean and standard deviation of e_j - exp(a - r k_j)
 *              over the points after the window, so the transient's tail does not bias F.
 *              SE(F) = max(AR(1) error s / sqrt(n) sqrt((1 + rho) / (1 - rho)),
 *                          batch means with sqrt(n)-point batches).
 *   3. rate:   rate = -slope of the least-squares line of ln(e_k - F) on k over the window,
 *              SE_fit from {@link Line} (max of pooled and HC1 sandwich variance, times the AR(1)
 *              factor (1 + rho) / (1 - rho) of the residuals' lag-1 autocorrelation);
 *              the floor's uncertainty by refitting the same window at F + SE(F) and F - SE(F):
 *              SE^2 = SE_fit^2 + (|r(F + SE(F)) - r(F - SE(F))| / 2)^2;
 *              interval rate -/+ t_{(1 + confidence) / 2, n - 2} SE.
 * </pre>
 * Special cases, each with a {@link #note()}:
 * <pre>
 *   no floor (tail not flat: pure decay, or growth): floorReached = false, F = 0 (SE NaN),
 *            window = leading run of e_k &gt; 0 (normally all points); a growing run gives rate &lt; 0.
 *   flat     (floor flat and even the first point is inside its band): the whole curve is floor;
 *            rate = -slope of ln e over all points (or -slope / mean of e if some e &lt;= 0): ~0.
 *   too few  (fewer than 3 points in the window): rate, SE and interval NaN; the note says why
 *            and what to change (evaluate more often: lower --eval-every, or run longer).
 * </pre>
 *
 * @param rate decay rate per step r (negative: the curve grows); NaN if not measurable
 * @param standardError standard error of {@code rate} (floor uncertainty included)
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param floor the floor F (0 if not reached)
 * @param floorStandardError standard error of F (NaN if not reached)
 * @param from first step of the fitted window
 * @param to last step of the fitted window
 * @param points number of points in the window
 * @param floorReached whether the tail was found flat
 * @param note what was done, and why the rate is NaN if it is
 */
public record DecayFit(double rate, double standardError, double lower, double upper, double floor,
        double floorStandardError, long from, long to, int points, boolean floorReached, String note) {

    /** Default confidence of the interval. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default minimum signal-to-noise ratio of a window point above the floor. */
    public static final double DEFAULT_SIGNAL_TO_NOISE = 3;
    /** Two-sided level of the flatness test of the tail. */
    static final double FLAT_LEVEL = 0.001;
    /** Fewest points in a tail tested for flatness. */
    static final int MIN_TAIL = 6;
    /** Smallest relative change of the fitted line over a tail that makes it not flat. */
    static final double MIN_CHANGE = 0.2;
    /** Rounds of the floor/window refinement. */
    static final int ROUNDS = 3;

    /** Validates. */
    public DecayFit {
        if (note == null) {
            throw new InvalidParameterException("note", null, "a text");
        }
        if (points < 0) {
            throw new InvalidParameterException("points", points, "points >= 0");
        }
        if (to < from) {
            throw new InvalidParameterException("to", to, "to >= from = " + from);
        }
        if (!Double.isNaN(standardError) && !(standardError >= 0)) {
            throw new InvalidParameterException("standardError", standardError, "standardError >= 0 or NaN");
        }
        if (!Double.isNaN(floorStandardError) && !(floorStandardError >= 0)) {
            throw new InvalidParameterException("floorStandardError", floorStandardError,
                    "floorStandardError >= 0 or NaN");
        }
        if (!Double.isNaN(rate) && !(lower <= rate && rate <= upper)) {
            throw new InvalidParameterException("rate", rate, "lower = " + lower + " <= rate <= upper = " + upper);
        }
    }

    /**
     * The fit at 95 % confidence and signal-to-noise ratio 3.
     *
     * @param steps update counts k, strictly increasing
     * @param excess excess losses e_k, finite
     * @return the fit
     */
    public static DecayFit of(long[] steps, double[] excess) {
        return of(steps, excess, DEFAULT_CONFIDENCE, DEFAULT_SIGNAL_TO_NOISE);
    }

    /**
     * The fit described in the class comment.
     *
     * @param steps update counts k, strictly increasing, at least one
     * @param excess excess losses e_k, finite, as many as steps
     * @param confidence confidence of the interval, 0 &lt; confidence &lt; 1
     * @param minSignalToNoise c: window points have e_k - F &gt; c sigma_floor; &gt; 0 and finite
     * @return the fit
     */
    public static DecayFit of(long[] steps, double[] excess, double confidence, double minSignalToNoise) {
        validate(steps, excess, confidence, minSignalToNoise);
        int n = steps.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = steps[i];
        }
        Floor floor = n >= MIN_TAIL ? flatTail(x, excess) : null;
        if (floor == null) {
            String why = n < MIN_TAIL
                    ? String.format(Locale.ROOT, "no floor test with %d < %d points", n, MIN_TAIL)
                    : "no floor: the tail still changes (run longer to reach the floor)";
            return fitWindow(steps, x, excess, 0, null, confidence,
                    why + "; F = 0, rate of ln e over the leading run of e > 0");
        }
        double c = minSignalToNoise;
        int end = leadingRun(excess, floor.mean + c * floor.sd);
        if (end == 0) {
            return flat(steps, x, excess, floor, confidence, c);
        }
        for (int round = 0; round < ROUNDS; round++) {
            Floor refined = floorAfter(x, excess, end, floor);
            int newEnd = leadingRun(excess, refined.mean + c * refined.sd);
            if (newEnd == 0) {
                break;
            }
            floor = refined;
            if (newEnd == end) {
                break;
            }
            end = newEnd;
        }
        String where = end < n
                ? String.format(Locale.ROOT, "floor entered at step %d", steps[end])
                : "window reaches the last point";
        return fitWindow(steps, x, excess, end, floor, confidence,
                String.format(Locale.ROOT, "%s; F = %.4g +- %.2g (%d points, sd %.3g); window: e - F > %s sd",
                        where, floor.mean, floor.se, floor.count, floor.sd, c));
    }

    /** Floor statistics: mean, point-to-point standard deviation, standard error of the mean, count. */
    private record Floor(double mean, double sd, double se, double rho, int count) {
    }

    /**
     * @return the floor of the longest flat tail among the last third, quarter and fifth (each at
     *     least {@link #MIN_TAIL} points), or null if none is flat
     */
    private static Floor flatTail(double[] x, double[] e) {
        int n = x.length;
        for (int div = 3; div <= 5; div++) {
            int len = Math.max(MIN_TAIL, n / div);
            if (len > n) {
                break;
            }
            Line line = Line.fit(x, e, n - len, n);
            double t = TDistribution.of(len - 2).inverseSurvivalProbability(FLAT_LEVEL / 2);
            double se = line.slopeStandardError();
            Floor tail = floorOf(copy(e, n - len, n));
            double change = Math.abs(line.slope()) * (x[n - 1] - x[n - len]) / Math.max(Math.abs(tail.mean), tail.sd);
            if (Math.abs(line.slope()) <= t * se || !(change >= MIN_CHANGE)) {
                return tail;
            }
        }
        return null;
    }

    /**
     * @return the floor from the points after the window [0, end), each minus the window's
     *     fitted exponential (when the window has 3 or more points); {@code previous} if fewer than
     *     3 points follow the window
     */
    private static Floor floorAfter(double[] x, double[] e, int end, Floor previous) {
        int n = x.length;
        if (n - end < 3) {
            return previous;
        }
        double[] v = copy(e, end, n);
        if (end >= 3) {
            double[] y = logAbove(e, previous.mean, 0, end);
            if (y != null) {
                Line line = Line.fit(x, y, 0, end);
                for (int j = end; j < n; j++) {
                    v[j - end] -= Math.exp(line.intercept() + line.slope() * x[j]);
                }
            }
        }
        return floorOf(v);
    }

    /** @return mean, sd and max(AR(1), batch-means) standard error of v */
    private static Floor floorOf(double[] v) {
        int n = v.length;
        double mean = mean(v, 0, n);
        double ss = 0;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = v[i] - mean;
            ss += u[i] * u[i];
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double rho = n >= 4 ? Math.min(Line.MAX_RHO, Line.lag1(u) + (1 + 3 * Line.lag1(u)) / n) : 0;
        double se = sd / Math.sqrt(n) * Math.sqrt((1 + rho) / (1 - rho));
        int b = (int) Math.floor(Math.sqrt(n));
        int m = n / b;
        if (m >= 2) {
            double[] means = new double[m];
            int start = n - m * b;
            for (int k = 0; k < m; k++) {
                means[k] = mean(v, start + k * b, start + (k + 1) * b);
            }
            double bm = mean(means, 0, m);
            double sb = 0;
            for (double w : means) {
                sb += (w - bm) * (w - bm);
            }
            se = Math.max(se, Math.sqrt(sb / (m - 1) / m));
        }
        return new Floor(mean, sd, se, rho, n);
    }

    /** @return the number of leading points with e_i &gt; threshold */
    private static int leadingRun(double[] e, double threshold) {
        int i = 0;
        while (i < e.length && e[i] > threshold) {
            i++;
        }
        return i;
    }

    /** The whole curve lies inside the floor band: the rate of the whole curve, about 0. */
    private static DecayFit flat(long[] steps, double[] x, double[] e, Floor floor, double confidence, double c) {
        int n = e.length;
        double[] y = logAbove(e, 0, 0, n);
        double scale = 1;
        String how = "ln e";
        if (y == null) {
            y = e;
            scale = mean(e, 0, n);
            how = "e / mean(e)";
            if (!(scale > 0)) {
                return nan(steps, 0, n, floor.mean, floor.se, true,
                        "flat, and mean(e) <= 0: no relative rate");
            }
        }
        Line line = Line.fit(x, y, 0, n);
        return interval(-line.slope() / scale, line.slopeStandardError() / scale, n, steps[0], steps[n - 1],
                floor.mean, floor.se, true, confidence, String.format(Locale.ROOT,
                        "flat: no point above the floor band F + %s sd; rate = -slope of %s over all points", c, how));
    }

    /** Fit ln(e - f) on the leading run of e - f &gt; 0 up to {@code end} (all points if end = 0 and no floor). */
    private static DecayFit fitWindow(long[] steps, double[] x, double[] e, int end, Floor floor,
            double confidence, String note) {
        boolean reached = floor != null;
        double f = reached ? floor.mean : 0;
        double fSe = reached ? floor.se : Double.NaN;
        int m = reached ? end : leadingRun(e, 0);
        if (m < 3) {
            return nan(steps, 0, Math.max(m, 1), f, fSe, reached, String.format(Locale.ROOT,
                    "%s; only %d point(s) above the floor before it is entered, 3 needed: evaluate more often"
                            + " (lower --eval-every) or run longer", note, m));
        }
        double[] y = logAbove(e, f, 0, m);
        Line line = Line.fit(x, y, 0, m);
        double se = line.slopeStandardError();
        String extra = "";
        if (reached) {
            double model = modelStandardError(x, e, y, line, floor, m);
            if (model > se) {
                se = model;
                extra = "; SE from the floor's noise model";
            }
        }
        double seFit = se;
        if (reached && fSe > 0) {
            double hi = refit(x, e, f + fSe, m);
            double lo = refit(x, e, f - fSe, m);
            double spread = Math.abs(hi - lo) / 2;
            if (Double.isFinite(spread)) {
                se = Math.hypot(se, spread);
                extra += String.format(Locale.ROOT, "; floor uncertainty adds %.2g to the rate's SE %.2g",
                        spread, seFit);
            }
        }
        return interval(-line.slope(), se, m, steps[0], steps[m - 1], f, fSe, reached, confidence,
                String.format(Locale.ROOT, "%s; %d points, residual lag-1 autocorrelation %.2f%s",
                        note, m, line.rho(), extra));
    }

    /**
     * The slope's standard error from the floor's noise carried into the window: a point at signal
     * S_i = e_i - F has ln-noise of standard deviation sigma_F / S_i, correlated as the floor's AR(1)
     * (rho_F^|i - j|), plus a multiplicative noise sigma_m of the transient itself, estimated from the
     * residuals u_i as max(0, sum(u_i^2 - sigma_F^2 / S_i^2) / (m - 2)):
     * <pre>
     *   V = sum_ij w_i w_j sigma_F^2 rho_F^|i - j| / (S_i S_j) + sigma_m^2 sum_i w_i^2,   w_i = xc_i / Sxx
     * </pre>
     */
    private static double modelStandardError(double[] x, double[] e, double[] y, Line line, Floor floor, int m) {
        double mx = mean(x, 0, m);
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double[] a = new double[m];
        double sm = 0;
        double sumW2 = 0;
        for (int i = 0; i < m; i++) {
            double w = (x[i] - mx) / sxx;
            double signal = e[i] - floor.mean;
            double u = y[i] - line.intercept() - line.slope() * x[i];
            a[i] = w * floor.sd / signal;
            sm += u * u - floor.sd * floor.sd / (signal * signal);
            sumW2 += w * w;
        }
        double v = Math.max(0, sm / (m - 2)) * sumW2;
        for (int i = 0; i < m; i++) {
            double c = 0;
            for (int j = i; j < m; j++) {
                c += Math.pow(floor.rho, j - i) * a[j] * (j == i ? 1 : 2);
            }
            v += a[i] * c;
        }
        return Math.sqrt(v);
    }

    /** @return the slope of ln(e - f) over [0, m), points with e - f &lt;= 0 left out; NaN below 2 points */
    private static double refit(double[] x, double[] e, double f, int m) {
        double[] xs = new double[m];
        double[] ys = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (e[i] - f > 0) {
                xs[k] = x[i];
                ys[k++] = Math.log(e[i] - f);
            }
        }
        return k >= 2 ? Line.fit(xs, ys, 0, k).slope() : Double.NaN;
    }

    private static DecayFit interval(double rate, double se, int points, long from, long to, double f, double fSe,
            boolean reached, double confidence, String note) {
        double t = TDistribution.of(points - 2).inverseSurvivalProbability((1 - confidence) / 2);
        return new DecayFit(rate, se, rate - t * se, rate + t * se, f, fSe, from, to, points, reached, note);
    }

    private static DecayFit nan(long[] steps, int from, int to, double f, double fSe, boolean reached, String note) {
        return new DecayFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, f, fSe, steps[from], steps[to - 1],
                to - from, reached, note);
    }

    /**
     * Combines R &gt;= 1 fits of repeats (seeds) of the same setting:
     * <pre>
     *   rate     = mean of the R' finite per-repeat rates (equal weights: the repeats measure the
     *              same quantity, and per-repeat SEs from few points are themselves too noisy to weight by)
     *   SE       = max(between = sd(rates) / sqrt(R')  (R' - 1 dof, R' &gt;= 2),
     *                  within  = sqrt(sum SE_i^2) / R'  (Welch-Satterthwaite dof from the points - 2))
     *   interval = rate -/+ t_{(1 + confidence) / 2, dof of the larger} SE
     *   floor    = mean of the floors that were reached, SE sqrt(sum SE_i^2) / count
     * </pre>
     * from/to span all windows, points add up, floorReached holds if every repeat reached it, and
     * the note says how many repeats had no rate.
     *
     * @param fits the per-repeat fits, at least one
     * @param confidence confidence of the pooled interval, 0 &lt; confidence &lt; 1
     * @return the pooled fit; NaN rate if no repeat had one
     */
    public static DecayFit pooled(List<DecayFit> fits, double confidence) {
        if (fits == null || fits.isEmpty()) {
            throw new InvalidParameterException("fits", fits == null ? null : "[]", "one or more fits");
        }
        checkConfidence(confidence);
        int total = fits.size();
        int r = 0;
        double sum = 0;
        double var = 0;
        double welchDen = 0;
        double floorSum = 0;
        double floorVar = 0;
        int floors = 0;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        int points = 0;
        boolean allReached = true;
        for (DecayFit f : fits) {
            if (f == null) {
                throw new InvalidParameterException("fits", "a list with null", "non-null fits");
            }
            from = Math.min(from, f.from);
            to = Math.max(to, f.to);
            points += f.points;
            allReached &= f.floorReached;
            if (f.floorReached) {
                floors++;
                floorSum += f.floor;
                floorVar += Double.isNaN(f.floorStandardError) ? 0 : f.floorStandardError * f.floorStandardError;
            }
            if (Double.isFinite(f.rate)) {
                r++;
                sum += f.rate;
                double v = f.standardError * f.standardError;
                var += v;
                welchDen += v * v / Math.max(1, f.points - 2);
            }
        }
        double floor = floors > 0 ? floorSum / floors : 0;
        double floorSe = floors > 0 ? Math.sqrt(floorVar) / floors : Double.NaN;
        String missing = String.format(Locale.ROOT, "pooled %d repeats, %d without a rate", total, total - r);
        if (r == 0) {
            return new DecayFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, floor, floorSe, from, to, points,
                    allReached, missing);
        }
        double rate = sum / r;
        double within = Math.sqrt(var) / r;
        double withinDof = welchDen > 0 ? var * var / welchDen : Double.POSITIVE_INFINITY;
        double between = Double.NaN;
        if (r >= 2) {
            double ss = 0;
            for (DecayFit f : fits) {
                if (Double.isFinite(f.rate)) {
                    ss += (f.rate - rate) * (f.rate - rate);
                }
            }
            between = Math.sqrt(ss / (r - 1) / r);
        }
        boolean useBetween = r >= 2 && !(within >= between);
        double se = useBetween ? between : within;
        double dof = useBetween ? r - 1 : withinDof;
        double t = Double.isInfinite(dof) || dof > 1e7
                ? NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2)
                : TDistribution.of(Math.max(dof, 1)).inverseSurvivalProbability((1 - confidence) / 2);
        String note = String.format(Locale.ROOT, "%s; SE %s (between %.3g, within %.3g), %.1f dof", missing,
                useBetween ? "between repeats" : "within repeats", between, within, dof);
        return new DecayFit(rate, se, rate - t * se, rate + t * se, floor, floorSe, from, to, points, allReached, note);
    }

    /**
     * Whether a predicted rate agrees with this measurement:
     * <pre>
     *   lower - relativeTolerance |rate| &lt;= predicted &lt;= upper + relativeTolerance |rate|
     * </pre>
     * The tolerance covers what the interval does not: a prediction's own approximation error.
     *
     * @param predicted the predicted rate per step, finite
     * @param relativeTolerance widening relative to |rate|, &gt;= 0 and finite
     * @return true if {@code predicted} lies in the widened interval; false if the rate is NaN
     */
    public boolean contains(double predicted, double relativeTolerance) {
        if (!Double.isFinite(predicted)) {
            throw new InvalidParameterException("predicted", predicted, "a finite number");
        }
        if (!(relativeTolerance >= 0 && relativeTolerance < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("relativeTolerance", relativeTolerance,
                    "relativeTolerance >= 0 and finite");
        }
        if (Double.isNaN(rate)) {
            return false;
        }
        double w = relativeTolerance * Math.abs(rate);
        return lower - w <= predicted && predicted <= upper + w;
    }

    private static void validate(long[] steps, double[] excess, double confidence, double minSignalToNoise) {
        if (steps == null || steps.length == 0) {
            throw new InvalidParameterException("steps", "(empty)", "one or more steps");
        }
        if (excess == null || excess.length != steps.length) {
            throw new InvalidParameterException("excess", excess == null ? "null" : excess.length + " values",
                    "as many values as steps (" + steps.length + ")");
        }
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new InvalidParameterException("steps", steps[i],
                        "strictly increasing steps (entry " + i + " follows " + steps[i - 1] + ")");
            }
        }
        for (int i = 0; i < excess.length; i++) {
            if (!Double.isFinite(excess[i])) {
                throw new InvalidParameterException("excess", excess[i], "finite values (entry " + i + ")");
            }
        }
        checkConfidence(confidence);
        if (!(minSignalToNoise > 0 && minSignalToNoise < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("minSignalToNoise", minSignalToNoise,
                    "minSignalToNoise > 0 and finite");
        }
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidParameterException("confidence", confidence, "0 < confidence < 1");
        }
    }

    /** @return ln(e_i - f) for from &lt;= i &lt; to, indexed from 0... to: null if some e_i - f &lt;= 0 */
    private static double[] logAbove(double[] e, double f, int from, int to) {
        double[] y = new double[to];
        for (int i = from; i < to; i++) {
            if (!(e[i] - f > 0)) {
                return null;
            }
            y[i] = Math.log(e[i] - f);
        }
        return y;
    }

    private static double[] copy(double[] v, int from, int to) {
        double[] c = new double[to - from];
        System.arraycopy(v, from, c, 0, to - from);
        return c;
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
