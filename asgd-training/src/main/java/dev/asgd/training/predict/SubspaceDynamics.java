package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.Lbfgs;
import dev.asgd.training.problem.LinearScores;
import dev.asgd.training.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The run's dynamics in the model's directions with the exact loss, not its quadratic expansion:
 * stale SGD on theta = theta* + U z, z in R^k (U the directions a {@link LocalQuadraticTheory}
 * follows: the top Hessian eigenvectors, or every coordinate for the exact small-d model), on the
 * problem's own loss of linear scores, z_{t+1} = z_t - eta g_B(z_{t - tau_t}) with tau_t drawn
 * i.i.d. from the staleness law and B rows drawn uniformly, with replacement, from the model's
 * rows. Sample i's scores are linear in z, s_i(z) = s_i(theta*) + J_i z with J_i = (scores of
 * u_1, ..., u_k), so a step costs B K' k and a loss evaluation n K' k operations. The model's rows
 * (at most 10,000 of the training rows) have their own optimum, not theta*: each minibatch gradient
 * is centred by their mean gradient at theta* less the training rows' (about 0), so that theta* is
 * the expected dynamics' fixed point, as it is the run's. (Without it the iterate sat at the rows'
 * optimum: on the synthetic softmax at 1 % of E that put the stationary loss 45 % above that of stale
 * SGD in every coordinate on all the training rows.)
 *
 * <p>What it adds to the quadratic model: the loss's higher-order terms in the kept directions.
 * With bounded gradients (logistic, softmax) a rate above the quadratic model's mean-square edge
 * does not blow up: the probabilities saturate and the excursions are capped, so the late loss is
 * a plateau. Its late-loss edge ({@link #lateLossEdge}) is where that plateau reaches the initial
 * loss, the criterion {@link EdgeSweep} applies to real runs. The directions outside U are frozen
 * at theta*; their stationary noise enters as the first-order floor (eta / 4) tr, as in
 * {@link LocalQuadraticTheory#bulkFloor}, with tr the noise outside all of U ({@link #bulkFloor}):
 * the curvature directions lie in the model's bulk, and their noise is simulated, not added.
 */
public final class SubspaceDynamics {
    /**
     * Stream of the minibatch rows, (seed, ROWS_STREAM); the staleness draws are (seed, ROWS_STREAM + 1).
     * Never 0: a generator seeded {0, 0} has an all-zero state and returns zeros forever.
     */
    private static final long ROWS_STREAM = 1L << 41;

    /**
     * Curvature directions by default ({@link #of(Problem, LocalQuadraticTheory, Dataset, Dataset, int)}):
     * one for every kept direction, up to this many.
     */
    public static final int CURVATURE_DIRECTIONS = 40;

    /**
     * Most metric points of a simulated run in {@link #edge}: with more (runs evaluated at every
     * update), the late median is taken over every k-th update, k the smallest keeping at most this many.
     */
    public static final int MAX_POINTS = 200;
    /** Bisection tolerance of {@link #edge} where the caller has none of its own. */
    public static final double TOLERANCE = 0.03;

    /** System property for experiments: the most rows minibatches are drawn from (default 10,000, the model's). */
    static final String ROWS_PROPERTY = "asgd.dynamics.rows";

    private final LinearScores scores;
    private final int k;
    private final int outs;
    private final Rows sample;
    private final Rows eval;
    private final double penalty0;
    private final double[] penalty1;
    private final double[] penalty2;
    private final double[] start;
    private final double initialLoss;
    private final LocalQuadraticTheory theory;
    private final int batch;
    private final double[][] basis;
    private final double[] thetaStar;
    /** tr Cov(c_B) in the directions beyond the model's kept ones (the curvature directions). */
    private final double capturedNoise;
    /**
     * The sampled rows' mean gradient at theta* less the training rows' (about 0 at theta*): subtracted
     * from every minibatch gradient, so that the expected step at theta* is the run's.
     */
    private final double[] centre;

    /** Rows as base scores and score Jacobians in z. */
    private record Rows(int n, double[] base, double[] jacobian, double[] labels) {
    }

    private SubspaceDynamics(LinearScores scores, double[][] u, double[] thetaStar, Dataset sampleRows,
            Dataset evalRows, LocalQuadraticTheory theory, int batch, double[] trainGradient) {
        this.scores = scores;
        this.k = u.length;
        this.outs = scores.outputs();
        this.theory = theory;
        this.batch = batch;
        this.basis = u;
        this.thetaStar = thetaStar;
        this.sample = rows(scores, u, thetaStar, sampleRows);
        this.eval = sampleRows == evalRows ? sample : rows(scores, u, thetaStar, evalRows);
        int p = thetaStar.length;
        double[] dStar = new double[p];
        scores.addPenalty(thetaStar, dStar);
        this.penalty0 = 0.5 * SubspaceModel.dot(thetaStar, dStar);
        this.penalty1 = new double[k];
        this.penalty2 = new double[k * k];
        double[] du = new double[p];
        for (int a = 0; a < k; a++) {
            penalty1[a] = SubspaceModel.dot(u[a], dStar);
            Arrays.fill(du, 0);
            scores.addPenalty(u[a], du);
            for (int b = 0; b < k; b++) {
                penalty2[b * k + a] = SubspaceModel.dot(u[b], du);
            }
        }
        this.start = coordinates(new double[p]);
        this.capturedNoise = noiseFrom(theory.directions().length);
        this.centre = meanGradient(new double[k]);
        for (int a = 0; a < k; a++) {
            centre[a] -= trainGradient[a];
        }
        this.initialLoss = scores.problem().loss(new double[p], evalRows);
    }

    /**
     * The dynamics in the model's directions and, for each, the direction in which its curvature
     * changes ({@link #CURVATURE_DIRECTIONS}).
     *
     * @param problem least squares, logistic or softmax regression
     * @param theory its local quadratic model
     * @param train the training rows
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @return the dynamics
     */
    public static SubspaceDynamics of(Problem problem, LocalQuadraticTheory theory, Dataset train, Dataset evalRows,
            int batch) {
        return of(problem, theory, train, evalRows, batch, CURVATURE_DIRECTIONS);
    }

    /**
     * @param problem least squares, logistic or softmax regression
     * @param theory its local quadratic model (theta*, the directions it follows, the bulk's floor)
     * @param train the training rows (minibatches are drawn from at most 10,000 evenly spaced ones)
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @param curvatureDirections for how many of the model's directions (the top ones) the
     *     direction in which their curvature changes is added ({@link #withCurvatureDirections});
     *     {@link #CURVATURE_DIRECTIONS} by default
     * @return the dynamics
     */
    public static SubspaceDynamics of(Problem problem, LocalQuadraticTheory theory, Dataset train, Dataset evalRows,
            int batch, int curvatureDirections) {
        if (batch < 1) {
            throw new InvalidParameterException("batch", batch, "an integer >= 1");
        }
        Dataset rows = SubspaceModel.spaced(train, Integer.getInteger(ROWS_PROPERTY, SubspaceModel.CURVATURE_ROWS));
        LinearScores scores = LinearScores.of(problem);
        double[][] u = theory.directions();
        if (curvatureDirections > 0 && u.length < problem.dimension()) {
            u = withCurvatureDirections(scores, theory.thetaStar(), u, Math.min(curvatureDirections, u.length), rows);
        }
        double[] trainGradient = new double[problem.dimension()];
        Lbfgs.lossAndGradient(problem, train, theory.thetaStar(), trainGradient);
        double[] target = new double[u.length];
        for (int a = 0; a < u.length; a++) {
            target[a] = SubspaceModel.dot(u[a], trainGradient);
        }
        return new SubspaceDynamics(scores, u, theory.thetaStar(), rows, evalRows, theory, batch, target);
    }

    /**
     * The directions and, for each of the first {@code count}, the direction in which its curvature
     * changes fastest, grad (u^T H u) at theta*, orthogonalised (Gram-Schmidt, twice) against all
     * before it; those with less than 1e-8 of their norm left are dropped.
     */
    static double[][] withCurvatureDirections(LinearScores scores, double[] thetaStar, double[][] u, int count,
            Dataset rows) {
        List<double[]> out = new ArrayList<>(Arrays.asList(u));
        for (double[] w : scores.curvatureGradients(thetaStar, Arrays.copyOf(u, count), rows)) {
            double norm = Math.sqrt(SubspaceModel.dot(w, w));
            for (int pass = 0; pass < 2; pass++) {
                for (double[] b : out) {
                    double c = SubspaceModel.dot(b, w);
                    for (int a = 0; a < w.length; a++) {
                        w[a] -= c * b[a];
                    }
                }
            }
            double left = Math.sqrt(SubspaceModel.dot(w, w));
            if (left > 1e-8 * norm && left > 0) {
                for (int a = 0; a < w.length; a++) {
                    w[a] /= left;
                }
                out.add(w);
            }
        }
        return out.toArray(new double[0][]);
    }

    private static Rows rows(LinearScores scores, double[][] u, double[] thetaStar, Dataset data) {
        int n = data.size();
        int outs = scores.outputs();
        int k = u.length;
        double[] base = new double[n * outs];
        double[] jac = new double[n * outs * k];
        double[] labels = new double[n];
        double[] s = new double[outs];
        for (int i = 0; i < n; i++) {
            scores.scores(thetaStar, data, i, s);
            System.arraycopy(s, 0, base, i * outs, outs);
            labels[i] = data.label(i);
            for (int t = 0; t < k; t++) {
                scores.scores(u[t], data, i, s);
                for (int c = 0; c < outs; c++) {
                    jac[(i * outs + c) * k + t] = s[c];
                }
            }
        }
        return new Rows(n, base, jac, labels);
    }

    /**
     * tr Cov(c_B) of the per-sample gradients at theta* (the minibatch noise) in the directions from
     * {@code from} on: the population variance over the sampled rows of each coordinate, over the
     * batch size, as the model's noise trace is computed ({@code SubspaceModel}).
     */
    private double noiseFrom(int from) {
        if (from >= k) {
            return 0;
        }
        double[] zero = new double[k];
        double[] s = new double[outs];
        double[] gs = new double[outs];
        double[] factor = new double[scores.factors() * outs];
        double[] sum = new double[k];
        double[] sumSq = new double[k];
        for (int i = 0; i < sample.n(); i++) {
            scoresAt(sample, i, zero, s);
            scores.link(s, sample.labels()[i], gs, factor);
            for (int t = from; t < k; t++) {
                double c = 0;
                for (int o = 0; o < outs; o++) {
                    c += gs[o] * sample.jacobian()[(i * outs + o) * k + t];
                }
                sum[t] += c;
                sumSq[t] += c * c;
            }
        }
        double n = sample.n();
        double trace = 0;
        for (int t = from; t < k; t++) {
            double mean = sum[t] / n;
            trace += Math.max(0, sumSq[t] / n - mean * mean);
        }
        return trace / batch;
    }

    /**
     * The stationary excess loss of the directions the dynamics does not follow, first order in eta:
     * (eta / 4) times the noise trace outside all its directions, the model's bulk noise less what the
     * curvature directions carry (they lie in the model's bulk, and the dynamics simulates their noise).
     *
     * @param eta the learning rate
     * @return the floor added to every simulated loss
     */
    public double bulkFloor(double eta) {
        return 0.25 * eta * bulkNoise();
    }

    /** @return tr Cov(c_B) outside the dynamics' directions (0 when they carry all of the model's bulk) */
    public double bulkNoise() {
        return Math.max(0, theory.bulkNoise() - capturedNoise);
    }

    /** @return the directions U (orthonormal rows; a copy) */
    double[][] directions() {
        double[][] out = new double[k][];
        for (int a = 0; a < k; a++) {
            out[a] = basis[a].clone();
        }
        return out;
    }

    /** @return the number of directions k */
    public int dimension() {
        return k;
    }

    /** @return z_0: theta = 0 projected onto the directions, U^T (0 - theta*) */
    public double[] start() {
        return start.clone();
    }

    /**
     * @param theta parameters
     * @return their coordinates in the directions, U^T (theta - theta*)
     */
    public double[] coordinates(double[] theta) {
        double[] v = new double[theta.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = theta[j] - thetaStar[j];
        }
        double[] z = new double[basis.length];
        for (int t = 0; t < basis.length; t++) {
            z[t] = SubspaceModel.dot(basis[t], v);
        }
        return z;
    }

    /** @return the evaluated loss at theta = 0 (every real run's first metric point) */
    public double initialLoss() {
        return initialLoss;
    }

    /**
     * @param z coordinates in the directions
     * @return the evaluated training loss at theta* + U z (data loss on the evaluation rows plus the penalty)
     */
    public double loss(double[] z) {
        double[] s = new double[outs];
        double sum = 0;
        for (int i = 0; i < eval.n(); i++) {
            scoresAt(eval, i, z, s);
            sum += scores.loss(s, eval.labels()[i]);
        }
        double pen = penalty0;
        for (int a = 0; a < k; a++) {
            double q = 0;
            for (int b = 0; b < k; b++) {
                q += penalty2[a * k + b] * z[b];
            }
            pen += z[a] * (penalty1[a] + 0.5 * q);
        }
        return sum / eval.n() + pen;
    }

    private void scoresAt(Rows r, int i, double[] z, double[] s) {
        for (int c = 0; c < outs; c++) {
            int off = (i * outs + c) * k;
            double v = r.base()[i * outs + c];
            for (int t = 0; t < k; t++) {
                v += r.jacobian()[off + t] * z[t];
            }
            s[c] = v;
        }
    }

    /** Adds the minibatch gradient at z of the rows {@code idx} to {@code g} (zeroed first). */
    private void gradient(double[] z, int[] idx, double[] g, double[] s, double[] gs, double[] factor) {
        Arrays.fill(g, 0);
        for (int i : idx) {
            scoresAt(sample, i, z, s);
            scores.link(s, sample.labels()[i], gs, factor);
            for (int c = 0; c < outs; c++) {
                double w = gs[c] / idx.length;
                int off = (i * outs + c) * k;
                for (int t = 0; t < k; t++) {
                    g[t] += w * sample.jacobian()[off + t];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            double q = penalty1[a];
            for (int b = 0; b < k; b++) {
                q += penalty2[a * k + b] * z[b];
            }
            g[a] += q;
        }
    }

    /**
     * @param z coordinates in the directions
     * @return the gradient at z of the mean loss over every sampled row, plus the penalty's
     */
    double[] meanGradient(double[] z) {
        int[] all = new int[sample.n()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] g = new double[k];
        gradient(z, all, g, new double[outs], new double[outs], new double[scores.factors() * outs]);
        return g;
    }

    /**
     * One simulated run: its evaluated training loss (plus the bulk's floor at this rate) at updates
     * 0, every, 2 every, ..., updates.
     *
     * @param eta the learning rate
     * @param law the staleness law (tau drawn i.i.d.)
     * @param z0 the start
     * @param updates the run's updates
     * @param every the metric interval
     * @param seed the run's seed
     * @return the loss at each metric point (positive infinity from where the iterate is no longer finite)
     */
    public double[] lossCurve(double eta, StalenessLaw law, double[] z0, long updates, long every, long seed) {
        UniformRandomProvider lags = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, ROWS_STREAM + 1});
        return curve(eta, t -> law.lag(lags.nextDouble()), law.maxLag() + 1, z0, updates, every, seed);
    }

    /**
     * As {@link #lossCurve(double, StalenessLaw, double[], long, long, long)} with a given staleness
     * sequence instead of i.i.d. draws: update t's staleness is {@code lags[t % lags.length]} (e.g. a
     * real run's, in its order or shuffled).
     *
     * @param eta the learning rate
     * @param lags the staleness sequence (non-negative)
     * @param z0 the start
     * @param updates the run's updates
     * @param every the metric interval
     * @param seed the run's seed (the minibatch rows)
     * @return the loss at each metric point
     */
    public double[] lossCurve(double eta, int[] lags, double[] z0, long updates, long every, long seed) {
        int max = 0;
        for (int l : lags) {
            if (l < 0) {
                throw new IllegalArgumentException("negative staleness " + l);
            }
            max = Math.max(max, l);
        }
        return curve(eta, t -> lags[(int) (t % lags.length)], max + 1, z0, updates, every, seed);
    }

    /** Update t's staleness. */
    private interface Lags {
        int at(long t);
    }

    private double[] curve(double eta, Lags lags, int window, double[] z0, long updates, long every, long seed) {
        if (!(eta > 0) || updates < 1 || every < 1 || z0.length != k) {
            throw new IllegalArgumentException("eta " + eta + ", updates " + updates + ", every " + every);
        }
        UniformRandomProvider rows = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, ROWS_STREAM});
        double[][] past = new double[window][];
        for (int l = 0; l < window; l++) {
            past[l] = z0.clone();
        }
        double floor = bulkFloor(eta);
        int points = (int) ((updates + every - 1) / every) + 1;
        double[] out = new double[points];
        out[0] = loss(z0) + floor;
        double[] g = new double[k];
        double[] s = new double[outs];
        double[] gs = new double[outs];
        double[] factor = new double[scores.factors() * outs];
        int[] idx = new int[batch];
        int point = 1;
        for (long t = 0; t < updates; t++) {
            double[] current = past[(int) (t % window)];
            int lag = lags.at(t);
            long read = Math.max(0, t - lag);
            for (int b = 0; b < batch; b++) {
                idx[b] = rows.nextInt(sample.n());
            }
            gradient(past[(int) (read % window)], idx, g, s, gs, factor);
            double[] next = past[(int) ((t + 1) % window)];
            boolean finite = true;
            for (int a = 0; a < k; a++) {
                next[a] = current[a] - eta * (g[a] - centre[a]);
                finite &= Double.isFinite(next[a]);
            }
            if (!finite) {
                Arrays.fill(out, point, points, Double.POSITIVE_INFINITY);
                return out;
            }
            if ((t + 1) % every == 0 || t + 1 == updates) {
                out[point++] = loss(next) + floor;
            }
        }
        return out;
    }

    /**
     * The mean of {@link #lossCurve}s over seeds 1..seeds: the expected loss curve by Monte Carlo.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @param z0 the start
     * @param updates the run's updates
     * @param every the metric interval
     * @param seeds the number of simulated runs
     * @return the mean loss at updates 0, every, ..., updates
     */
    public double[] meanCurve(double eta, StalenessLaw law, double[] z0, long updates, long every, int seeds) {
        double[] mean = null;
        for (int seed = 1; seed <= seeds; seed++) {
            double[] c = lossCurve(eta, law, z0, updates, every, seed);
            if (mean == null) {
                mean = new double[c.length];
            }
            for (int j = 0; j < c.length; j++) {
                mean[j] += c[j] / seeds;
            }
        }
        return mean;
    }

    /**
     * The late-loss criterion of {@link EdgeSweep} on simulated runs from theta = 0's projection:
     * unstable when the median loss over the second half of the metric points is above the initial
     * loss, in a majority of the seeds.
     *
     * @param eta the learning rate
     * @param law the staleness law
     * @param updates each run's updates
     * @param every the metric interval
     * @param seeds seeds 1..seeds
     * @return whether the rate is unstable
     */
    public boolean unstable(double eta, StalenessLaw law, long updates, long every, int seeds) {
        int unstable = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            double[] curve = lossCurve(eta, law, start, updates, every, seed);
            if (!(lateMedian(curve, every, updates) <= initialLoss)) {
                unstable++;
            }
        }
        return 2 * unstable > seeds;
    }

    /**
     * @param curve the loss at updates 0, every, 2 every, ..., updates
     * @param every the metric interval
     * @param updates the last point's update
     * @return the median of the points in the second half of the run (update &gt;= updates / 2)
     */
    static double lateMedian(double[] curve, long every, long updates) {
        double[] late = new double[curve.length];
        int n = 0;
        for (int j = 0; j < curve.length; j++) {
            long update = Math.min(j * every, updates);
            if (2 * update >= updates) {
                late[n++] = curve[j];
            }
        }
        Arrays.sort(late, 0, n);
        return n % 2 == 1 ? late[n / 2] : 0.5 * (late[n / 2 - 1] + late[n / 2]);
    }

    /**
     * {@link #lateLossEdge} for runs evaluated every {@code evalEvery} updates, with at most
     * {@link #MAX_POINTS} metric points: the geometric mean of its bracket.
     *
     * @param law the staleness law
     * @param guess a first rate
     * @param updates each run's updates
     * @param evalEvery the runs' metric interval
     * @param seeds seeds per rate
     * @param tolerance relative width of the final bracket
     * @return the edge (NaN when not bracketed)
     */
    public double edge(StalenessLaw law, double guess, long updates, long evalEvery, int seeds, double tolerance) {
        long every = Math.max(Math.min(evalEvery, updates), (updates + MAX_POINTS - 1) / MAX_POINTS);
        double[] edge = lateLossEdge(law, guess, updates, every, seeds, tolerance);
        return Math.sqrt(edge[0] * edge[1]);
    }

    /**
     * The rate where the simulated runs' late loss reaches the initial loss: doubling from
     * {@code guess} (up or down) to a bracket, then bisection in ln eta to {@code tolerance}.
     *
     * @param law the staleness law
     * @param guess a first rate (e.g. the quadratic model's mean-square edge)
     * @param updates each run's updates
     * @param every the metric interval
     * @param seeds seeds per rate
     * @param tolerance relative width of the final bracket
     * @return {largest stable rate found, smallest unstable one} (NaN where none was found in 2^12 x guess)
     */
    public double[] lateLossEdge(StalenessLaw law, double guess, long updates, long every, int seeds,
            double tolerance) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        double eta = guess;
        boolean up = !unstable(eta, law, updates, every, seeds);
        if (up) {
            lo = eta;
        } else {
            hi = eta;
        }
        for (int i = 0; i < 12 && (Double.isNaN(lo) || Double.isNaN(hi)); i++) {
            eta = up ? eta * 2 : eta / 2;
            if (unstable(eta, law, updates, every, seeds)) {
                hi = eta;
            } else {
                lo = eta;
            }
        }
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return new double[] {lo, hi};
        }
        while (hi / lo > 1 + tolerance) {
            double mid = Math.sqrt(lo * hi);
            if (unstable(mid, law, updates, every, seeds)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new double[] {lo, hi};
    }
}
