package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.fit.Line;
import dev.asgd.theory.sampled.SampledMoments;
import dev.asgd.theory.sampled.SampledQuadratic;
import dev.asgd.theory.sampled.SampledRates;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.Lbfgs;
import dev.asgd.training.problem.LinearScores;
import dev.asgd.training.problem.LocalCurvature;
import dev.asgd.training.problem.LocalQuadraticProblem;
import dev.asgd.training.problem.Problem;

/**
 * A run as the exact theory sees it: the local quadratic model of the loss at the optimum theta*
 * with the run's sampled minibatches ({@link SampledQuadratic}): the minibatch gradient at
 * theta = theta* + u is H_B u + c_B, H_B the mean of the batch's per-sample Hessians r_i r_i^T + D
 * at theta* and c_B the mean of its per-sample gradients c_i at theta* ({@link
 * LocalQuadraticProblem#sampleCurvature}). The evaluated training loss is the quadratic
 * f_eval(theta* + u) = f_eval(theta*) + g_e . u + u^T H_e u / 2 on the evaluation rows, so its
 * expectation follows from the first two moments of u.
 *
 * <p>For least squares (r_i = z_i, c_i = z_i (z_i . theta* - y_i) + D theta*) the model is the
 * problem itself and every prediction covers the whole run. For logistic regression (r_i =
 * sqrt(p_i (1 - p_i)) z_i, c_i = (p_i - y_i) z_i + D theta*) it is the second-order expansion at
 * theta*: its predictions cover the late phase, once the iterate is close enough to theta* for the
 * curvature to be the one there ({@link #PHASE}); the early loss curve from theta = 0 is not
 * predicted (the predicted curve is the quadratic model's).
 *
 * <p>Only {@link #MAX_DIMENSION} parameters or fewer: the second-moment recursion's state is
 * (L + 1)^2 p^2 and its noise map needs the rows' fourth moments, (p (p + 1) / 2)^2 entries.
 */
public final class LocalQuadraticTheory {
    /** Largest parameter dimension of the exact second-moment recursion (its state is (L + 1)^2 p^2). */
    public static final int MAX_DIMENSION = 40;

    /** Which phase of a run the predictions of a local (not exactly quadratic) model cover. */
    public static final String PHASE = "local quadratic model at theta*: the late phase";

    private final SampledQuadratic model;
    private final boolean exact;
    private final double[] noiseCovariance;
    private final double[] thetaStar;
    private final double lossStar;
    private final double[] hEval;
    private final double[] gEval;
    /** The subspace model (softmax, large d), or null for the exact small-d path. */
    private final SubspaceModel sub;

    private LocalQuadraticTheory(SampledQuadratic model, boolean exact, double[] noiseCovariance, double[] thetaStar,
            double lossStar, double[] hEval, double[] gEval, SubspaceModel sub) {
        this.sub = sub;
        this.model = model;
        this.exact = exact;
        this.noiseCovariance = noiseCovariance;
        this.thetaStar = thetaStar;
        this.lossStar = lossStar;
        this.hEval = hEval;
        this.gEval = gEval;
    }

    /**
     * @param problem the problem (least squares: exact; logistic: the local model at theta*)
     * @param train the training rows (the sampled minibatches come from them)
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @return the theory ({@link #of(Problem, Dataset, Dataset, int)})
     */
    public static LocalQuadraticTheory of(LocalQuadraticProblem problem, Dataset train, Dataset evalRows, int batch) {
        return of((Problem) problem, train, evalRows, batch);
    }

    /**
     * About the doubles the model in the top Hessian eigendirections holds at once, for a refusal
     * before it is computed ({@code Limits}): about 120 vectors of the parameters (the Lanczos basis
     * of 61 vectors and its Ritz vectors, up to {@link #MAX_DIMENSION}; later the kept directions,
     * the dynamics' curvature directions and their Hessian products, theta* and scratch; L-BFGS's
     * 2 x {@code Lbfgs.MEMORY} come before and are freed) and the per-row factors of the at most
     * 10,000 curvature rows (these may be twice this term for softmax with many kept directions,
     * small beside the vectors on any model large enough to matter).
     *
     * @param parameters the problem's dimension
     * @param outputs the scores per row (classes; 1 for logistic regression)
     * @param rows the training rows
     * @return the doubles
     */
    public static double subspaceModelDoubles(int parameters, int outputs, int rows) {
        double vectors = SubspaceModel.LANCZOS_STEPS + 2 + 3.0 * SubspaceModel.SUBSPACE + 8;
        double n = Math.min(rows, SubspaceModel.CURVATURE_ROWS);
        return vectors * parameters + 2 * n * ((double) outputs * outputs + SubspaceModel.SUBSPACE * (outputs + 2.0));
    }

    /**
     * The theory of any of the three problems: least squares and logistic regression with at most
     * {@link #MAX_DIMENSION} parameters get the exact second-moment recursion on every direction
     * (least squares: the problem itself); softmax and larger problems the local quadratic model
     * restricted to the top Hessian eigendirections at theta* with the bulk's noise as a
     * stationary term ({@link SubspaceModel}).
     *
     * @param problem least squares, logistic or softmax regression
     * @param train the training rows (the sampled minibatches come from them)
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @return the theory
     * @throws InvalidParameterException (problem) for another problem; (l2) when there is no optimum
     */
    public static LocalQuadraticTheory of(Problem problem, Dataset train, Dataset evalRows, int batch) {
        return of(problem, train, evalRows, batch, null);
    }

    /**
     * As {@link #of(Problem, Dataset, Dataset, int)}, with a warm start for the subspace model's
     * theta* solver (ignored by the exact path).
     *
     * @param problem least squares, logistic or softmax regression
     * @param train the training rows
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @param start L-BFGS's first iterate, e.g. a finished run's parameters (null: 0)
     * @return the theory
     */
    public static LocalQuadraticTheory of(Problem problem, Dataset train, Dataset evalRows, int batch, double[] start) {
        return of(problem, train, evalRows, batch, start, SubspaceModel.MAX_ITERATIONS);
    }

    /**
     * As {@link #of(Problem, Dataset, Dataset, int, double[])} with a budget for theta*: at most
     * {@code optimumIterations} L-BFGS iterations (each a pass over the training rows; Fashion-MNIST
     * about 0.1-0.2 s on the 2-core machine); the gradient norm reached is {@link
     * #optimumGradientNorm()}. A probe that needs the curvature in seconds passes a warm start and a
     * small budget.
     *
     * @param problem least squares, logistic or softmax regression
     * @param train the training rows
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @param start L-BFGS's first iterate (null: 0)
     * @param optimumIterations L-BFGS's iterations at most (the default: 400)
     * @return the theory
     */
    public static LocalQuadraticTheory of(Problem problem, Dataset train, Dataset evalRows, int batch, double[] start,
            int optimumIterations) {
        if (problem instanceof LocalQuadraticProblem local && problem.dimension() <= MAX_DIMENSION) {
            return exactOf(local, train, evalRows, batch);
        }
        SubspaceModel sub = SubspaceModel.of(problem, train, batch, start, optimumIterations);
        double[][] u = sub.basis();
        int k = u.length;
        double[] thetaStar = sub.thetaStar();
        LocalCurvature lc = LocalCurvature.at(LinearScores.of(problem), thetaStar, SubspaceModel.spaced(evalRows,
                SubspaceModel.CURVATURE_ROWS));
        double[] h = new double[k * k];
        double[] hu = new double[thetaStar.length];
        for (int b = 0; b < k; b++) {
            lc.hessianTimes(u[b], hu);
            for (int a = 0; a < k; a++) {
                h[a * k + b] = SubspaceModel.dot(u[a], hu);
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                double v = 0.5 * (h[a * k + b] + h[b * k + a]);
                h[a * k + b] = v;
                h[b * k + a] = v;
            }
        }
        double[] full = new double[thetaStar.length];
        Lbfgs.lossAndGradient(problem, evalRows, thetaStar, full);
        return new LocalQuadraticTheory(sub.model(), false, sub.noise(), thetaStar, problem.loss(thetaStar, evalRows), h,
                sub.toSubspace(full), sub);
    }

    private static LocalQuadraticTheory exactOf(LocalQuadraticProblem problem, Dataset train, Dataset evalRows,
            int batch) {
        int p = problem.dimension();
        double[] thetaStar = problem.optimum(train);
        double[] penalty = new double[p];
        for (int j = 0; j < p - 1; j++) {
            penalty[j] = problem.l2();
        }
        int n = train.size();
        double[] rows = new double[n * p];
        double[] grads = new double[n * p];
        fill(problem, train, thetaStar, rows, grads);
        SampledQuadratic model = SampledQuadratic.of(rows, grads, penalty, batch);
        int ne = evalRows.size();
        double[] er = new double[ne * p];
        double[] eg = new double[ne * p];
        fill(problem, evalRows, thetaStar, er, eg);
        double[] h = new double[p * p];
        double[] g = new double[p];
        for (int i = 0; i < ne; i++) {
            for (int a = 0; a < p; a++) {
                double za = er[i * p + a] / ne;
                g[a] += eg[i * p + a] / ne;
                for (int b = 0; b < p; b++) {
                    h[a * p + b] += za * er[i * p + b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            h[a * p + a] += penalty[a];
        }
        return new LocalQuadraticTheory(model, problem.quadratic(), covariance(grads, p, batch), thetaStar, problem.loss(thetaStar, evalRows), h, g, null);
    }

    private static void fill(LocalQuadraticProblem problem, Dataset data, double[] thetaStar, double[] rows,
            double[] grads) {
        int p = thetaStar.length;
        for (int i = 0; i < data.size(); i++) {
            problem.sampleCurvature(thetaStar, data, i, rows, grads, i * p);
        }
    }

    /** (1/B) times the covariance of the per-sample gradients c_i (rows drawn with replacement). */
    private static double[] covariance(double[] grads, int p, int batch) {
        int n = grads.length / p;
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                mean[a] += grads[i * p + a] / n;
            }
        }
        double[] c = new double[p * p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                double da = grads[i * p + a] - mean[a];
                for (int b = 0; b < p; b++) {
                    c[a * p + b] += da * (grads[i * p + b] - mean[b]);
                }
            }
        }
        for (int k = 0; k < c.length; k++) {
            c[k] /= (double) n * batch;
        }
        return c;
    }

    /** @return whether the model is the problem itself (least squares) rather than its expansion at theta* */
    public boolean exact() {
        return exact;
    }

    /**
     * @return which phase the predictions cover: null when the model is exact (the whole run),
     *     else {@link #PHASE}
     */
    public String phase() {
        return sub != null ? sub.phase() : exact ? null : PHASE;
    }

    /**
     * @return the minibatch gradient-noise covariance at theta*, Cov(c_B) = Cov(c_i) / B, p x p
     *     row-major (a copy); for the subspace model ({@link #subspace()}) the k x k covariance in
     *     the coordinates of its basis
     */
    public double[] noiseCovariance() {
        return noiseCovariance.clone();
    }

    /** @return whether the model is restricted to the top Hessian eigendirections (softmax, large d) */
    public boolean subspace() {
        return sub != null;
    }

    /** @return the number of directions the moment recursion follows: p, or the subspace's k */
    public int modelDimension() {
        return model.dimension();
    }

    /**
     * @return tr Cov(c_B) outside the subspace (0 for the exact model): the bulk's minibatch
     *     gradient noise
     */
    public double bulkNoise() {
        return sub == null ? 0 : sub.bulkNoise();
    }

    /** @return tr Cov(c_B) in every direction (the exact model: the trace of its covariance) */
    public double totalNoise() {
        if (sub != null) {
            return sub.totalNoise();
        }
        double s = 0;
        int p = model.dimension();
        for (int a = 0; a < p; a++) {
            s += noiseCovariance[a * p + a];
        }
        return s;
    }

    /**
     * @param eta the learning rate
     * @return the bulk's stationary excess loss, (eta / 4) {@link #bulkNoise()} (first order in eta)
     */
    public double bulkFloor(double eta) {
        return 0.25 * eta * bulkNoise();
    }

    /**
     * @return the norm of the full training gradient at the theta* used (NaN for the exact model,
     *     whose optimum is solved to 1e-12)
     */
    public double optimumGradientNorm() {
        return sub == null ? Double.NaN : sub.gradientNorm();
    }

    /** @return the smallest Hessian eigenvalue seen (Lanczos's smallest Ritz value, or the exact one) */
    public double smallestEigenvalue() {
        return sub == null ? model.hessianEigenvalues()[0] : sub.smallestEigenvalue();
    }

    /**
     * u_0 = theta_0 - theta* in the model's coordinates, for theta_0 = 0 plus a displacement.
     *
     * @param displacement theta_0 in the parameter space (all zeros: a run from 0), or null for 0
     * @return theta_0 - theta* in the coordinates of the model
     */
    public double[] initialDisplacement(double[] displacement) {
        double[] u0 = new double[thetaStar.length];
        for (int a = 0; a < u0.length; a++) {
            u0[a] = (displacement == null ? 0 : displacement[a]) - thetaStar[a];
        }
        return sub == null ? u0 : sub.toSubspace(u0);
    }

    /** @return H_e, the Hessian of the evaluated loss at theta*, p x p row-major (a copy) */
    public double[] evalHessian() {
        return hEval.clone();
    }

    /** @return the sampled model */
    public SampledQuadratic model() {
        return model;
    }

    /** @return theta*, the exact empirical optimum */
    public double[] thetaStar() {
        return thetaStar.clone();
    }

    /** @return f* on the evaluation rows */
    public double lossStar() {
        return lossStar;
    }

    /**
     * @param law the staleness law
     * @return its rates and edges
     */
    public SampledRates rates(StalenessLaw law) {
        return SampledRates.of(model, law.pmf());
    }

    /** Longest run of the recursion to its stationary expected loss. */
    static final int MAX_STATIONARY_STEPS = 50_000;

    /**
     * The decay the exact model predicts over a window of updates: minus the least-squares slope of
     * ln(E f_k - E f_infinity) against k over the window's updates (E f_infinity: the recursion run
     * until the expected loss changes by less than 1e-9 relative over 200 updates). It is what the
     * measured decay over the same window estimates, including the faster modes of the transient;
     * -ln rho_ms is its limit for long windows.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @param from the window's first update
     * @param to its last update
     * @param points the number of points in the window (at least 2)
     * @return the decay per update over the window (NaN when the expected loss is not above its limit)
     */
    public double windowDecay(double eta, StalenessLaw law, long from, long to, int points) {
        return windowDecay(eta, law, from, to, points, null);
    }

    /**
     * As {@link #windowDecay(double, StalenessLaw, long, long, int)} for a run started at theta_0
     * (a late-phase run: theta* plus a displacement) instead of 0.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @param from the window's first update
     * @param to its last update
     * @param points the number of points in the window (at least 2)
     * @param theta0 the run's first parameters (null: 0)
     * @return the decay per update over the window (NaN when the expected loss is not above its limit)
     */
    public double windowDecay(double eta, StalenessLaw law, long from, long to, int points, double[] theta0) {
        int n = Math.max(2, points);
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = from + Math.round((double) (to - from) * i / (n - 1));
        }
        SampledMoments m = SampledMoments.start(model, eta, law.pmf(), initialDisplacement(theta0));
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            while (m.steps() < steps[i]) {
                m.step();
            }
            e[i] = m.expectedQuadratic(hEval, gEval);
        }
        double prev = e[n - 1];
        double limit = Double.NaN;
        for (int k = 0; k < MAX_STATIONARY_STEPS / 200; k++) {
            for (int j = 0; j < 200; j++) {
                m.step();
            }
            double cur = m.expectedQuadratic(hEval, gEval);
            if (!Double.isFinite(cur)) {
                return Double.NaN;
            }
            if (Math.abs(cur - prev) <= 1e-9 * Math.abs(cur)) {
                limit = cur;
                break;
            }
            prev = cur;
        }
        if (Double.isNaN(limit)) {
            return Double.NaN;
        }
        int c = 0;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double ex = e[i] - limit;
            if (ex > 0) {
                xs[c] = steps[i];
                ys[c] = Math.log(ex);
                c++;
            }
        }
        return c < 2 ? Double.NaN : -Line.fit(xs, ys, 0, c).slope();
    }

    /**
     * The stationary expected excess loss E f_infinity - f* of the model (the recursion from theta*
     * run until it changes by less than 1e-9 relative over 200 updates, or until Aitken's
     * extrapolation of every 200th value is stable to 1e-6), plus the bulk's floor.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @return the excess (infinite above the mean-square edge, NaN when it does not settle)
     */
    public double stationaryExcess(double eta, StalenessLaw law) {
        SampledMoments m = SampledMoments.start(model, eta, law.pmf(), new double[model.dimension()]);
        double e0 = Double.NaN;
        double e1 = Double.NaN;
        double lastAitken = Double.NaN;
        for (int k = 0; k < MAX_STATIONARY_STEPS / 200; k++) {
            for (int j = 0; j < 200; j++) {
                m.step();
            }
            double e2 = excessOf(m);
            if (!Double.isFinite(e2) || e2 > 1e300) {
                return Double.POSITIVE_INFINITY;
            }
            if (Math.abs(e2 - e1) <= 1e-9 * Math.abs(e2)) {
                return e2 + bulkFloor(eta);
            }
            // the excess approaches its limit geometrically: Aitken's extrapolation, accepted once stable
            double d1 = e1 - e0;
            double d2 = e2 - e1;
            if (Double.isFinite(d1) && d2 * d1 > 0 && Math.abs(d2) < Math.abs(d1)) {
                double aitken = e2 - d2 * d2 / (d2 - d1);
                if (Math.abs(aitken - lastAitken) <= 1e-6 * Math.abs(aitken)) {
                    return aitken + bulkFloor(eta);
                }
                lastAitken = aitken;
            }
            e0 = e1;
            e1 = e2;
        }
        return Double.NaN;
    }

    /**
     * The rate at which the model's stationary excess loss reaches a level: where a run's late loss
     * reaches f* + level (e.g. its initial loss, the late-loss criterion of {@link EdgeSweep}), by
     * bisection in ln eta below the mean-square edge (16 halvings of [E / 1000, E], about 1e-4
     * relative). It is the model's prediction of a finite-level edge; the mean-square edge E is
     * where the level is infinite.
     *
     * @param law the staleness law
     * @param level the excess loss level (&gt; 0)
     * @return the rate (NaN when even E / 1000 is above the level)
     */
    public double levelEdge(StalenessLaw law, double level) {
        double hi = rates(law).meanSquareEdge();
        double lo = hi / 10;
        while (!(stationaryExcess(lo, law) < level)) {
            if (lo < hi * 1e-4) {
                return Double.NaN;
            }
            hi = lo;
            lo /= 10;
        }
        for (int i = 0; i < 16; i++) {
            double mid = Math.sqrt(lo * hi);
            double e = stationaryExcess(mid, law);
            if (e < level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    private double excessOf(SampledMoments m) {
        return m.expectedQuadratic(hEval, gEval);
    }

    /**
     * @return the directions the model follows, unit vectors of the parameter space: the kept
     *     eigenvectors (subspace model), every coordinate (exact model)
     */
    public double[][] directions() {
        if (sub != null) {
            return sub.basis().clone();
        }
        int p = thetaStar.length;
        double[][] e = new double[p][p];
        for (int j = 0; j < p; j++) {
            e[j][j] = 1;
        }
        return e;
    }

    /**
     * @return the unit vector (parameter space) of the slowest direction the model follows: the
     *     eigenvector of H's smallest eigenvalue (exact model), the last kept eigenvector (subspace)
     */
    public double[] slowestDirection() {
        if (sub != null) {
            double[][] u = sub.basis();
            return u[u.length - 1].clone();
        }
        int p = model.dimension();
        double[] h = model.hessian();
        org.hipparchus.linear.RealMatrix hm = org.hipparchus.linear.MatrixUtils.createRealMatrix(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                hm.setEntry(a, b, h[a * p + b]);
            }
        }
        org.hipparchus.linear.EigenDecompositionSymmetric eig = new org.hipparchus.linear.EigenDecompositionSymmetric(hm);
        double[] ev = eig.getEigenvalues();
        int min = 0;
        for (int j = 1; j < p; j++) {
            if (ev[j] < ev[min]) {
                min = j;
            }
        }
        return eig.getEigenvector(min).toArray();
    }

    /**
     * @param direction a unit vector of the parameter space
     * @return its curvature u^T H_e u on the evaluated loss (in the model's coordinates)
     */
    public double curvatureAlong(double[] direction) {
        double[] d = sub == null ? direction : sub.toSubspace(direction);
        int k = d.length;
        double s = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                s += d[a] * hEval[a * k + b] * d[b];
            }
        }
        return s;
    }

    /**
     * The expected excess training loss E f_eval(theta_k) - f* of the exact recursion, from
     * theta_0 = 0, at the given updates.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @param updates increasing update counts (0 allowed)
     * @return the expected excess loss at each
     */
    public double[] expectedExcess(double eta, StalenessLaw law, long[] updates) {
        SampledMoments m = SampledMoments.start(model, eta, law.pmf(), initialDisplacement(null));
        double[] out = new double[updates.length];
        double floor = bulkFloor(eta);
        for (int i = 0; i < updates.length; i++) {
            while (m.steps() < updates[i]) {
                m.step();
            }
            out[i] = m.expectedQuadratic(hEval, gEval) + floor;
            if (!Double.isFinite(out[i]) || out[i] > 1e300) {
                for (int j = i; j < out.length; j++) {
                    out[j] = Double.POSITIVE_INFINITY;
                }
                break;
            }
        }
        return out;
    }
}
