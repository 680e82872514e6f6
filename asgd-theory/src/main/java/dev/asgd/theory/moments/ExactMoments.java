package dev.asgd.theory.moments;

import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Exact moments of discrete ASGD for a {@link MomentProblem}, step by step and in the limit.
 * Geometric staleness uses the closed recursion ({@link GeometricMomentRecursion}, O(1) per step
 * and coordinate); any other i.i.d. law uses the lag-augmented recursion
 * ({@link LagMomentRecursion}) on its support 0..L, where an unbounded law (Poisson) is truncated
 * at the smallest L with P(tau &gt; L) &lt; {@link #TAIL_TOLERANCE} and its tail mass is put on L,
 * exactly as the simulator clips lags beyond L.
 */
public final class ExactMoments {
    /** Tail mass neglected when truncating an unbounded staleness law. */
    public static final double TAIL_TOLERANCE = 1e-16;
    /** Largest second-moment state for which the stationary point and rates are computed. */
    public static final int MAX_DENSE_STATE = 500;
    /** Largest dense mean map (lags 0..L, L + 1 rows) whose spectral radius is computed. */
    public static final int MAX_DENSE_MEAN = 500;

    private final MomentProblem problem;
    private final double[] pmf;
    private final MomentRecursion[] coords;
    private final double[] omega2;
    /** The spectral radius of each coordinate's second-moment map, computed once (the map is fixed). */
    private final Double[] secondMomentRadius;
    private long step;

    private ExactMoments(MomentProblem problem) {
        this.problem = problem;
        int d = problem.dimension();
        double[] omega = problem.omega0();
        double[] sigma = problem.sigma();
        double[] u0 = problem.theta0();
        double[] star = problem.thetaStar();
        this.pmf = problem.geometric() ? null : supportPmf(problem.staleness());
        this.coords = new MomentRecursion[d];
        this.omega2 = new double[d];
        this.secondMomentRadius = new Double[d];
        for (int i = 0; i < d; i++) {
            coords[i] = recursion(problem.eta(), omega[i], sigma[i], u0[i] - star[i]);
            omega2[i] = omega[i] * omega[i];
        }
    }

    /**
     * @param problem the problem
     * @return its exact moments at step 0
     */
    public static ExactMoments of(MomentProblem problem) {
        StalenessDistribution law = problem.staleness();
        if (!problem.geometric()) {
            int l = law.truncationLag(TAIL_TOLERANCE);
            dev.asgd.core.Limits.requireDoubles("staleness", law.spec(), stateDoubles(l, problem.dimension()),
                    "the lag-augmented moment state (d (L + 1)^2, here L = " + l + ", d = " + problem.dimension() + ")");
        }
        return new ExactMoments(problem);
    }

    /**
     * Whether exact moments apply to ASGD on a quadratic with additive noise: an unperturbed loss,
     * staleness independent across steps, and a law whose lag-augmented state {@link #fits}.
     *
     * @param unperturbed whether the loss is the plain quadratic
     * @param law the staleness law
     * @param dimension d
     * @return whether {@link #of} applies
     */
    public static boolean applies(boolean unperturbed, StalenessDistribution law, int dimension) {
        return unperturbed && law.independentAcrossSteps() && fits(law, dimension);
    }

    /**
     * @param law an i.i.d. staleness law
     * @param dimension d
     * @return whether {@link #of} can hold its lag-augmented state in the heap (always for geometric)
     */
    public static boolean fits(StalenessDistribution law, int dimension) {
        return law instanceof GeometricStaleness
                || stateDoubles(law.truncationLag(TAIL_TOLERANCE), dimension) <= dev.asgd.core.Limits.maxDoubles();
    }

    private static double stateDoubles(int lag, int dimension) {
        double n = lag + 1.0;
        return dimension * (n * n + 3 * n);
    }

    /**
     * @return why the stationary moment and the second-moment rate are not computed (the dense
     *     state is larger than {@link #MAX_DENSE_STATE}), or null when they are
     */
    public String denseLimitNote() {
        if (pmf == null) {
            return null;
        }
        long n = pmf.length;
        long dim = n * (n + 1) / 2;
        if (dim <= MAX_DENSE_STATE) {
            return null;
        }
        return "not computed: the lag-augmented second-moment state has " + dim + " entries (lags 0.." + (n - 1)
                + "), above the dense limit " + MAX_DENSE_STATE + " (lags up to 30)";
    }

    private MomentRecursion recursion(double eta, double omega, double sigma, double u0) {
        if (pmf == null) {
            double kappa = ((GeometricStaleness) problem.staleness()).kappa();
            return new GeometricMomentRecursion(eta, kappa, omega, sigma, u0);
        }
        return new LagMomentRecursion(eta, pmf, omega, sigma, u0);
    }

    /**
     * @param law an i.i.d. staleness law
     * @return p_0..p_L on its support, truncated with the tail put on L
     */
    static double[] supportPmf(StalenessDistribution law) {
        int l = law.truncationLag(TAIL_TOLERANCE);
        double[] p = new double[l + 1];
        double sum = 0;
        for (int i = 0; i <= l; i++) {
            p[i] = law.pmf(i);
            sum += p[i];
        }
        p[l] += Math.max(0, 1 - sum);
        return p;
    }

    /** @return the truncation lag L of the lag-augmented recursion, or -1 for the closed geometric one */
    public int supportLag() {
        return pmf == null ? -1 : pmf.length - 1;
    }

    /** @return the problem */
    public MomentProblem problem() {
        return problem;
    }

    /** Advances every coordinate one step. */
    public void step() {
        for (MomentRecursion r : coords) {
            r.step();
        }
        step++;
    }

    /** @return the moments at the current step */
    public MomentPoint current() {
        int d = coords.length;
        double[] star = problem.thetaStar();
        double[] mean = new double[d];
        double[] per = new double[d];
        double total = 0;
        double loss = 0;
        for (int i = 0; i < d; i++) {
            mean[i] = coords[i].mean() + star[i];
            per[i] = coords[i].secondMoment();
            total += per[i];
            loss += 0.5 * omega2[i] * per[i];
        }
        return new MomentPoint(step, mean, per, total, loss);
    }

    /**
     * Runs from the current step to {@code steps}, recording steps 0, every, 2 every, ... and the last.
     *
     * @param steps the horizon K
     * @param every the recording interval &gt;= 1
     * @param progress told the step after each record (may be null)
     * @return the records
     */
    public List<MomentPoint> series(long steps, long every, LongConsumer progress) {
        return series(steps, every, progress, false);
    }

    /**
     * Like {@link #series(long, long, LongConsumer)}, optionally stopping at the first record whose
     * second moment is not finite.
     *
     * @param steps the horizon K
     * @param every the recording interval &gt;= 1
     * @param progress told the step after each record (may be null)
     * @param stopOnDivergence throw at the first non-finite record
     * @return the records
     * @throws dev.asgd.core.NumericalDivergenceException when stopping on a non-finite record
     */
    public List<MomentPoint> series(long steps, long every, LongConsumer progress, boolean stopOnDivergence) {
        List<MomentPoint> out = new ArrayList<>();
        if (step % every == 0 || step == steps) {
            out.add(checked(current(), stopOnDivergence));
        }
        while (step < steps) {
            step();
            if (step % every == 0 || step == steps) {
                out.add(checked(current(), stopOnDivergence));
                if (progress != null) {
                    progress.accept(step);
                }
            }
        }
        return out;
    }

    private MomentPoint checked(MomentPoint p, boolean stopOnDivergence) {
        if (stopOnDivergence && !Double.isFinite(p.secondMoment())) {
            throw new dev.asgd.core.NumericalDivergenceException(step, "exact second moment E|theta - theta*|^2",
                    p.secondMoment(), "not finite: it left the double range (the second moment grows, or theta0 or"
                            + " sigma is too large)");
        }
        return p;
    }

    /** @return lim E (theta_{k,i} - theta*_i)^2 per coordinate (NaN where unstable or too large) */
    public double[] stationarySecondMomentPerCoordinate() {
        double[] out = new double[coords.length];
        for (int i = 0; i < coords.length; i++) {
            MomentRecursion r = coords[i];
            if (!(secondMomentRate(i) < 1)) {
                out[i] = Double.NaN; // unstable, or larger than MAX_DENSE_STATE (NaN)
                continue;
            }
            out[i] = LinearMaps.fixedPoint(r.secondMomentMatrix(), r.secondMomentConstant())[r.secondMomentIndex()];
        }
        return out;
    }

    /** @return lim E |theta_k - theta*|^2 (NaN when unstable) */
    public double stationarySecondMoment() {
        double s = 0;
        for (double v : stationarySecondMomentPerCoordinate()) {
            s += v;
        }
        return s;
    }

    private double secondMomentRate(int i) {
        if (secondMomentRadius[i] == null) {
            // The size is checked before the dense matrix is built (L = 300 would need 16 GB).
            secondMomentRadius[i] = denseLimitNote() != null ? Double.NaN
                    : LinearMaps.spectralRadius(coords[i].secondMomentMatrix());
        }
        return secondMomentRadius[i];
    }

    /**
     * @return the exact mean contraction per step: the largest spectral radius over coordinates (NaN
     *     when the support has more than {@link #MAX_DENSE_MEAN} lags)
     */
    public double meanRate() {
        if (pmf != null && pmf.length > MAX_DENSE_MEAN) {
            return Double.NaN;
        }
        double r = 0;
        for (MomentRecursion c : coords) {
            r = Math.max(r, LinearMaps.spectralRadius(c.meanMatrix()));
        }
        return r;
    }

    /**
     * @return the exact per-step factor of |E|theta_k - theta*|^2 - stationary|: the largest spectral
     *     radius of the second-moment maps (NaN when the state is larger than {@link #MAX_DENSE_STATE})
     */
    public double secondMomentRate() {
        double r = 0;
        for (int i = 0; i < coords.length; i++) {
            r = Math.max(r, secondMomentRate(i));
        }
        return r;
    }

    /**
     * The second moment's stability limit for the stiffest coordinate: the eta at which the spectral
     * radius of its second-moment map reaches 1, found by bisection on (0, etaMax of the mean]
     * (assumes the stable set is an interval, as it is for every case we scanned). NaN when the
     * state is too large.
     *
     * @return eta_max of the second moment
     */
    public double secondMomentEtaMax() {
        double omega = 0;
        for (double w : problem.omega0()) {
            omega = Math.max(omega, w);
        }
        final double w = omega;
        if (pmf != null && pmf.length * (pmf.length + 1) / 2 > 200) {
            return Double.NaN;
        }
        java.util.function.DoubleUnaryOperator rho = eta ->
                LinearMaps.spectralRadius(recursionFor(eta, w).secondMomentMatrix());
        double lo = 0;
        double hi = 1 / (w * w);
        while (rho.applyAsDouble(hi) < 1) {
            lo = hi;
            hi *= 2;
            if (hi > 1e12) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int it = 0; it < 60 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (rho.applyAsDouble(mid) < 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private MomentRecursion recursionFor(double eta, double omega) {
        return recursion(eta, omega, 0, 0);
    }
}
