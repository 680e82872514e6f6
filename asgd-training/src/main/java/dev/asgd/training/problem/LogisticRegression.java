package dev.asgd.training.problem;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.SparseDataset;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Binary logistic regression with intercept: labels &gt; 0 are the positive class,
 * f = (1/n) sum_i [log(1 + exp(s_i)) - t_i s_i] + (lambda / 2) |w|^2 with s_i = x_i . w + b and
 * t_i in {0, 1}. The log-sum is computed without overflow. Sample i's Hessian is
 * p_i (1 - p_i) z_i z_i^T + D (p_i = sigmoid(s_i), z_i = (x_i, 1)), which makes the problem a
 * {@link LocalQuadraticProblem}; its optimum is found by Newton's method ({@link #optimum}).
 */
public final class LogisticRegression implements LocalQuadraticProblem {
    private final int d;
    private final double l2;

    /**
     * @param features d
     * @param l2 lambda >= 0
     */
    public LogisticRegression(int features, double l2) {
        this.d = Require.atLeast(features, 1, "features");
        this.l2 = Require.nonNegativeFinite(l2, "l2");
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public int dimension() {
        return d + 1;
    }

    @Override
    public double l2() {
        return l2;
    }

    @Override
    public double gradient(double[] w, Dataset data, int[] batch, double[] g) {
        if (data instanceof DenseDataset dense) {
            return denseGradient(w, dense, batch, g);
        }
        Arrays.fill(g, 0);
        double loss = 0;
        double inv = 1.0 / batch.length;
        for (int i : batch) {
            double s = data.dot(i, w, 0) + w[d];
            double t = data.label(i) > 0 ? 1 : 0;
            loss += softplus(s) - t * s;
            double r = (sigmoid(s) - t) * inv;
            data.addScaled(i, r, g, 0);
            g[d] += r;
        }
        Problem.addPenaltyGradient(w, g, d, l2);
        return loss * inv;
    }

    /** The dense fast path: gathered rows, 4-row blocked scores, vectorised accumulation. */
    private double denseGradient(double[] w, DenseDataset data, int[] batch, double[] g) {
        int n = batch.length;
        DenseKernels.Scratch sc = DenseKernels.scratch();
        double[][] rows = DenseKernels.gather(sc, data, batch, 0, n);
        double[] z = sc.z(n);
        DenseKernels.scores(sc, rows, n, d, w, 1, z);
        double inv = 1.0 / n;
        double loss = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            double s = z[i];
            double t = data.label(batch[i]) > 0 ? 1 : 0;
            loss += softplus(s) - t * s;
            z[i] = (sigmoid(s) - t) * inv;
            b += z[i];
        }
        DenseKernels.gradients(sc, rows, n, z, 1, g, d);
        g[d] = b;
        Problem.addPenaltyGradient(w, g, d, l2);
        return loss * inv;
    }

    /** The log loss softplus(s) - t s of the label t = [y > 0], and its slope sigmoid(s) - t. */
    private static final LinearSupportGradient.Link LOGISTIC = new LinearSupportGradient.Link() {
        @Override
        public double loss(double s, double y) {
            double t = y > 0 ? 1 : 0;
            return softplus(s) - t * s;
        }

        @Override
        public double slope(double s, double y) {
            return sigmoid(s) - (y > 0 ? 1 : 0);
        }
    };

    @Override
    public boolean hasSupportGradient() {
        return l2 == 0;
    }

    @Override
    public double supportGradient(double[] wSupport, SparseDataset data, int[] batch, SparseSupport support,
            double[] g) {
        return LinearSupportGradient.compute(this, l2, LOGISTIC, wSupport, data, batch, support, g);
    }

    @Override
    public double loss(double[] w, Dataset data) {
        if (data instanceof DenseDataset dense) {
            double[] z = DenseKernels.scoreAll(dense, w, 1);
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                sum += softplus(z[i]) - (data.label(i) > 0 ? z[i] : 0);
            }
            return sum / data.size() + Problem.penalty(w, d, l2);
        }
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double s = data.dot(i, w, 0) + w[d];
            sum += softplus(s) - (data.label(i) > 0 ? s : 0);
        }
        return sum / data.size() + Problem.penalty(w, d, l2);
    }

    @Override
    public double accuracy(double[] w, Dataset data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean positive = data.dot(i, w, 0) + w[d] > 0;
            if (positive == data.label(i) > 0) {
                right++;
            }
        }
        return right / (double) data.size();
    }

    /** Newton steps of {@link #optimum} at most. */
    static final int MAX_NEWTON_STEPS = 100;

    /**
     * Without a penalty, a mean p_i (1 - p_i) below this marks separated classes (the weights grow
     * without bound while the gradient vanishes like exp(-margin)).
     */
    static final double SEPARABLE_WEIGHT = 1e-8;

    /** Below this gradient norm {@link #optimum} takes full Newton steps (quadratic convergence). */
    static final double FULL_STEP_GRADIENT_NORM = 1e-6;

    /** {@link #optimum} stops when the Euclidean norm of the full gradient is at most this. */
    public static final double OPTIMUM_GRADIENT_NORM = 1e-12;

    /**
     * The empirical optimum by Newton's method with a backtracking line search (Armijo; full steps
     * once the gradient norm is below {@link #FULL_STEP_GRADIENT_NORM}), from 0,
     * the p x p Hessian assembled exactly and solved by Cholesky (Hipparchus): to a gradient norm of
     * {@link #OPTIMUM_GRADIENT_NORM} (quadratic convergence gets there in a few steps).
     *
     * @param data the training rows
     * @return theta*
     * @throws InvalidParameterException (l2) when there is no optimum to that accuracy: separable
     *     data without a penalty (the weights grow without bound) or a singular Hessian
     */
    @Override
    public double[] optimum(Dataset data) {
        int p = d + 1;
        int n = data.size();
        double[] theta = new double[p];
        double[] z = new double[p];
        double[] grad = new double[p];
        double[] trial = new double[p];
        double gnorm = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_NEWTON_STEPS; it++) {
            double[][] h = new double[p][p];
            double meanWeight = 0;
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                Arrays.fill(z, 0);
                data.addScaled(i, 1, z, 0);
                z[d] = 1;
                double s = data.dot(i, theta, 0) + theta[d];
                double q = sigmoid(s);
                double r = (q - (data.label(i) > 0 ? 1 : 0)) / n;
                double w = q * (1 - q) / n;
                meanWeight += w;
                for (int a = 0; a < p; a++) {
                    grad[a] += r * z[a];
                    double wa = w * z[a];
                    if (wa != 0) {
                        for (int b = 0; b <= a; b++) {
                            h[a][b] += wa * z[b];
                        }
                    }
                }
            }
            Problem.addPenaltyGradient(theta, grad, d, l2);
            for (int a = 0; a < p; a++) {
                if (a < d) {
                    h[a][a] += l2;
                }
                for (int b = 0; b < a; b++) {
                    h[b][a] = h[a][b];
                }
            }
            gnorm = Math.sqrt(dot(grad, grad));
            if (l2 == 0 && meanWeight < SEPARABLE_WEIGHT) {
                throw noOptimum(gnorm, "the classes are separated: every p_i is 0 or 1");
            }
            if (gnorm <= OPTIMUM_GRADIENT_NORM) {
                return theta;
            }
            RealVector step;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-14, 1e-15).getSolver()
                        .solve(new ArrayRealVector(grad, false));
            } catch (org.hipparchus.exception.MathRuntimeException e) {
                throw noOptimum(gnorm, "the Hessian is singular");
            }
            if (gnorm < FULL_STEP_GRADIENT_NORM) {
                // close to the optimum: full Newton steps (the loss cannot resolve their decrease)
                for (int a = 0; a < p; a++) {
                    trial[a] = theta[a] - step.getEntry(a);
                }
            } else if (!lineSearch(data, theta, grad, step, trial)) {
                throw noOptimum(gnorm, "no step lowers the loss");
            }
            System.arraycopy(trial, 0, theta, 0, p);
        }
        throw noOptimum(gnorm, "no convergence in " + MAX_NEWTON_STEPS + " Newton steps");
    }

    /** Backtracking (Armijo) along -step from theta into trial; false when no step lowers the loss. */
    private boolean lineSearch(Dataset data, double[] theta, double[] grad, RealVector step, double[] trial) {
        double f0 = loss(theta, data);
        double slope = -dot(grad, step.toArray());
        double t = 1;
        for (int k = 0; k < 60; k++) {
            for (int a = 0; a < theta.length; a++) {
                trial[a] = theta[a] - t * step.getEntry(a);
            }
            double f = loss(trial, data);
            if (f <= f0 + 1e-4 * t * slope) {
                return f < f0 || t == 1;
            }
            t *= 0.5;
        }
        return false;
    }

    private InvalidParameterException noOptimum(double gnorm, String why) {
        return new InvalidParameterException("l2", l2, "an --l2 > 0 for this data: Newton's method finds no optimum ("
                + why + ", gradient norm " + gnorm + "); separable classes have none without a penalty");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The factor is sqrt(p_i (1 - p_i)) z_i and the gradient (p_i - t_i) z_i + D theta. */
    @Override
    public void sampleCurvature(double[] theta, Dataset data, int i, double[] factor, double[] gradient, int offset) {
        int p = d + 1;
        Arrays.fill(factor, offset, offset + p, 0);
        data.addScaled(i, 1, factor, offset);
        factor[offset + d] = 1;
        double q = sigmoid(data.dot(i, theta, 0) + theta[d]);
        double r = q - (data.label(i) > 0 ? 1 : 0);
        double root = Math.sqrt(q * (1 - q));
        for (int a = 0; a < p; a++) {
            gradient[offset + a] = factor[offset + a] * r + (a < d ? l2 : 0) * theta[a];
            factor[offset + a] *= root;
        }
    }

    @Override
    public boolean quadratic() {
        return false;
    }

    /** One pass over sparse rows (a score each) for both; dense rows score in blocks twice. */
    @Override
    public double[] lossAndAccuracy(double[] w, Dataset data) {
        if (data instanceof DenseDataset) {
            return new double[] {loss(w, data), accuracy(w, data)};
        }
        double sum = 0;
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            double s = data.dot(i, w, 0) + w[d];
            boolean positive = data.label(i) > 0;
            sum += softplus(s) - (positive ? s : 0);
            if (s > 0 == positive) {
                right++;
            }
        }
        return new double[] {sum / data.size() + Problem.penalty(w, d, l2), right / (double) data.size()};
    }

    /** log(1 + exp(s)) without overflow. */
    static double softplus(double s) {
        return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
    }

    static double sigmoid(double s) {
        if (s >= 0) {
            return 1 / (1 + Math.exp(-s));
        }
        double e = Math.exp(s);
        return e / (1 + e);
    }
}
