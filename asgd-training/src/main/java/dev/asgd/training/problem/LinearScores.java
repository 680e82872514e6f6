package dev.asgd.training.problem;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;

/**
 * The three problems as losses of linear scores: parameters are K' blocks (w_c, b_c) of d + 1,
 * sample i's scores s_c = x_i . w_c + b_c, its loss l(s, y_i) plus the L2 penalty on the weights.
 * Sample i's gradient is g ⊗ z_i + D theta and its Hessian A ⊗ z_i z_i^T + D (z_i = (x_i, 1),
 * g and A the gradient and Hessian of l in the scores). A is given by factors, A = sum_j L_j L_j^T:
 * <ul>
 * <li>least squares, l = (s - y)^2 / 2: K' = 1, g = s - y, one factor 1;</li>
 * <li>logistic, l = log(1 + e^s) - t s (t = 1 when y &gt; 0): K' = 1, g = q - t with q = sigmoid(s),
 *     one factor sqrt(q (1 - q));</li>
 * <li>softmax over K classes: K' = K, g = p - e_y with p = softmax(s), and A = diag(p) - p p^T =
 *     sum_j L_j L_j^T with L_j = sqrt(p_j) (e_j - p): K factors of rank K - 1 together (A 1 = 0:
 *     shifting every class's block by the same vector changes no score difference).</li>
 * </ul>
 */
public final class LinearScores {
    private enum Kind { SQUARED, LOGISTIC, SOFTMAX }

    private final Problem problem;
    private final Kind kind;
    private final int d;
    private final int outputs;

    private LinearScores(Problem problem, Kind kind, int d, int outputs) {
        this.problem = problem;
        this.kind = kind;
        this.d = d;
        this.outputs = outputs;
    }

    /**
     * @param problem least squares, logistic or softmax regression
     * @return its scores
     * @throws InvalidParameterException (problem) for another problem
     */
    public static LinearScores of(Problem problem) {
        if (problem instanceof LeastSquares) {
            return new LinearScores(problem, Kind.SQUARED, problem.dimension() - 1, 1);
        }
        if (problem instanceof LogisticRegression) {
            return new LinearScores(problem, Kind.LOGISTIC, problem.dimension() - 1, 1);
        }
        if (problem instanceof SoftmaxRegression s) {
            return new LinearScores(problem, Kind.SOFTMAX, problem.dimension() / s.classes() - 1, s.classes());
        }
        throw new InvalidParameterException("problem", problem.name(), "least squares, logistic or softmax regression");
    }

    /** @return the problem */
    public Problem problem() {
        return problem;
    }

    /** @return d, features per block */
    public int features() {
        return d;
    }

    /** @return K', the number of score blocks */
    public int outputs() {
        return outputs;
    }

    /** @return the number of factors of A per sample (K for softmax, else 1) */
    public int factors() {
        return kind == Kind.SOFTMAX ? outputs : 1;
    }

    /** @return whether the shift of every block by one vector is a flat direction of the data loss (softmax) */
    public boolean shiftInvariant() {
        return kind == Kind.SOFTMAX;
    }

    /**
     * Scores of row i.
     *
     * @param theta parameters
     * @param data rows
     * @param i row
     * @param s output, K' values
     */
    public void scores(double[] theta, Dataset data, int i, double[] s) {
        for (int c = 0; c < outputs; c++) {
            int off = c * (d + 1);
            s[c] = data.dot(i, theta, off) + theta[off + d];
        }
    }

    /**
     * The loss's gradient and Hessian factors in the scores.
     *
     * @param s the scores (K')
     * @param y the label
     * @param g output: the gradient (K')
     * @param factor output: the factors L_j, {@link #factors()} x K' row-major
     */
    public void link(double[] s, double y, double[] g, double[] factor) {
        switch (kind) {
            case SQUARED -> {
                g[0] = s[0] - y;
                factor[0] = 1;
            }
            case LOGISTIC -> {
                double q = sigmoid(s[0]);
                g[0] = q - (y > 0 ? 1 : 0);
                factor[0] = Math.sqrt(q * (1 - q));
            }
            case SOFTMAX -> {
                probabilities(s, g);
                for (int j = 0; j < outputs; j++) {
                    double r = Math.sqrt(g[j]);
                    for (int c = 0; c < outputs; c++) {
                        factor[j * outputs + c] = r * ((c == j ? 1 : 0) - g[c]);
                    }
                }
                g[(int) y] -= 1;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** @return 1 / (1 + e^-s) without overflow */
    private static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    /** p = softmax(s), shifted by the largest score. */
    private void probabilities(double[] s, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < outputs; c++) {
            max = Math.max(max, s[c]);
        }
        double sum = 0;
        for (int c = 0; c < outputs; c++) {
            p[c] = Math.exp(s[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < outputs; c++) {
            p[c] /= sum;
        }
    }

    /**
     * The loss of one sample in its scores (without the penalty): (s - y)^2 / 2, softplus(s) - t s,
     * or log sum_c e^{s_c} - s_y.
     *
     * @param s the scores (K')
     * @param y the label
     * @return l(s, y)
     */
    public double loss(double[] s, double y) {
        switch (kind) {
            case SQUARED -> {
                double r = s[0] - y;
                return 0.5 * (r * r);
            }
            case LOGISTIC -> {
                return LogisticRegression.softplus(s[0]) - (y > 0 ? s[0] : 0);
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < outputs; c++) {
                    max = Math.max(max, s[c]);
                }
                double sum = 0;
                for (int c = 0; c < outputs; c++) {
                    sum += Math.exp(s[c] - max);
                }
                return Math.log(sum) + max - s[(int) y];
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * How the curvature of one sample along a direction changes with its scores: the gradient in
     * sigma of s^T A(sigma) s, for the direction's scores s (the third derivative of the loss,
     * contracted twice): 0 for least squares; s^2 q (1 - q) (1 - 2 q) for logistic; for softmax,
     * s^T A s = Var_p(s), whose derivative in sigma_j is p_j ((s_j - m)^2 - Var_p(s)), m = p . s.
     *
     * @param sigma the sample's scores (K')
     * @param s the direction's scores on the sample (K')
     * @param out output (K')
     */
    public void curvatureSlope(double[] sigma, double[] s, double[] out) {
        switch (kind) {
            case SQUARED -> out[0] = 0;
            case LOGISTIC -> {
                double q = sigmoid(sigma[0]);
                out[0] = s[0] * s[0] * q * (1 - q) * (1 - 2 * q);
            }
            case SOFTMAX -> {
                probabilities(sigma, out);
                double m = 0;
                for (int c = 0; c < outputs; c++) {
                    m += out[c] * s[c];
                }
                double var = 0;
                for (int c = 0; c < outputs; c++) {
                    var += out[c] * (s[c] - m) * (s[c] - m);
                }
                for (int c = 0; c < outputs; c++) {
                    out[c] *= (s[c] - m) * (s[c] - m) - var;
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The gradients in theta of the curvatures along the directions u_j, grad (u_j^T H(theta) u_j),
     * of the mean data loss over the rows (the penalty's curvature is constant): (1/n) sum_i T_ij ⊗ z_i
     * with T_ij from {@link #curvatureSlope}. Each row's scores at theta are computed once for all
     * directions.
     *
     * @param theta where
     * @param u the directions
     * @param data the rows
     * @return one gradient per direction (parameter space)
     */
    public double[][] curvatureGradients(double[] theta, double[][] u, Dataset data) {
        int n = data.size();
        double[] sigma = new double[outputs];
        double[] s = new double[outputs];
        double[] t = new double[outputs];
        double[][] out = new double[u.length][theta.length];
        for (int i = 0; i < n; i++) {
            scores(theta, data, i, sigma);
            for (int j = 0; j < u.length; j++) {
                scores(u[j], data, i, s);
                curvatureSlope(sigma, s, t);
                for (int c = 0; c < outputs; c++) {
                    int off = c * (d + 1);
                    data.addScaled(i, t[c] / n, out[j], off);
                    out[j][off + d] += t[c] / n;
                }
            }
        }
        return out;
    }

    /**
     * D v: the penalty's Hessian (l2 on every block's weights, not the intercepts) times v, added.
     *
     * @param v a direction
     * @param out accumulated into
     */
    public void addPenalty(double[] v, double[] out) {
        double l2 = problem.l2();
        if (l2 == 0) {
            return;
        }
        for (int a = 0; a < v.length; a++) {
            if (a % (d + 1) != d) {
                out[a] += l2 * v[a];
            }
        }
    }
}
