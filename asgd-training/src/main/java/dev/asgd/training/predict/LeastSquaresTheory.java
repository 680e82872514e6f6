package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.fit.Line;
import dev.asgd.theory.sampled.SampledMoments;
import dev.asgd.theory.sampled.SampledQuadratic;
import dev.asgd.theory.sampled.SampledRates;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.LeastSquares;

/**
 * A least-squares run as the exact theory sees it: the minibatch gradient at theta = theta* + u is
 * H_B u + c_B with H_B the sampled Hessian of the batch's rows and c_B the sampled gradient at the
 * optimum ({@link SampledQuadratic}: rows z_i = (x_i, 1), c_i = z_i (z_i . theta* - y_i) + D theta*,
 * D = lambda on the weights). The evaluated training loss is the exact quadratic
 * f_eval(theta* + u) = f_eval(theta*) + g_e . u + u^T H_e u / 2 on the evaluation rows, so its
 * expectation follows from the first two moments of u.
 */
public final class LeastSquaresTheory {
    /** Largest parameter dimension of the exact second-moment recursion (its state is (L + 1)^2 p^2). */
    public static final int MAX_DIMENSION = 40;

    private final SampledQuadratic model;
    private final double[] thetaStar;
    private final double lossStar;
    private final double[] hEval;
    private final double[] gEval;

    private LeastSquaresTheory(SampledQuadratic model, double[] thetaStar, double lossStar, double[] hEval, double[] gEval) {
        this.model = model;
        this.thetaStar = thetaStar;
        this.lossStar = lossStar;
        this.hEval = hEval;
        this.gEval = gEval;
    }

    /**
     * @param problem the least-squares problem
     * @param train the training rows (the sampled minibatches come from them)
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @return the theory
     */
    public static LeastSquaresTheory of(LeastSquares problem, Dataset train, Dataset evalRows, int batch) {
        int p = problem.dimension();
        if (p > MAX_DIMENSION) {
            throw new InvalidParameterException("features", p - 1,
                    "at most " + (MAX_DIMENSION - 1) + " features for the exact measured-law theory");
        }
        double[] thetaStar = problem.optimum(train);
        double[] penalty = new double[p];
        for (int j = 0; j < p - 1; j++) {
            penalty[j] = problem.l2();
        }
        int n = train.size();
        double[] rows = new double[n * p];
        double[] grads = new double[n * p];
        fill(train, thetaStar, penalty, rows, grads);
        SampledQuadratic model = SampledQuadratic.of(rows, grads, penalty, batch);
        int ne = evalRows.size();
        double[] er = new double[ne * p];
        double[] eg = new double[ne * p];
        fill(evalRows, thetaStar, penalty, er, eg);
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
        return new LeastSquaresTheory(model, thetaStar, problem.loss(thetaStar, evalRows), h, g);
    }

    /** z_i = (x_i, 1) and c_i = z_i r_i + D theta*, r_i = z_i . theta* - y_i. */
    private static void fill(Dataset data, double[] thetaStar, double[] penalty, double[] rows, double[] grads) {
        int p = thetaStar.length;
        int d = p - 1;
        for (int i = 0; i < data.size(); i++) {
            int o = i * p;
            data.addScaled(i, 1, rows, o);
            rows[o + d] = 1;
            double r = data.dot(i, thetaStar, 0) + thetaStar[d] - data.label(i);
            for (int a = 0; a < p; a++) {
                grads[o + a] = rows[o + a] * r + penalty[a] * thetaStar[a];
            }
        }
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
        int n = Math.max(2, points);
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = from + Math.round((double) (to - from) * i / (n - 1));
        }
        double[] u0 = new double[thetaStar.length];
        for (int a = 0; a < u0.length; a++) {
            u0[a] = -thetaStar[a];
        }
        SampledMoments m = SampledMoments.start(model, eta, law.pmf(), u0);
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
     * The expected excess training loss E f_eval(theta_k) - f* of the exact recursion, from
     * theta_0 = 0, at the given updates.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @param updates increasing update counts (0 allowed)
     * @return the expected excess loss at each
     */
    public double[] expectedExcess(double eta, StalenessLaw law, long[] updates) {
        double[] u0 = new double[thetaStar.length];
        for (int a = 0; a < u0.length; a++) {
            u0[a] = -thetaStar[a];
        }
        SampledMoments m = SampledMoments.start(model, eta, law.pmf(), u0);
        double[] out = new double[updates.length];
        for (int i = 0; i < updates.length; i++) {
            while (m.steps() < updates[i]) {
                m.step();
            }
            out[i] = m.expectedQuadratic(hEval, gEval);
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
