package dev.asgd.training.problem;

import dev.asgd.training.data.Dataset;

/**
 * A problem whose loss near its optimum is a sum of per-sample quadratics of one shape: the
 * Hessian of sample i at theta is w_i z_i z_i^T + D (z_i = (x_i, 1), w_i &gt;= 0, D the L2 penalty
 * on the weights), so it factors as r_i r_i^T + D with r_i = sqrt(w_i) z_i. Least squares is
 * exactly quadratic (w_i = 1 everywhere); logistic regression has w_i = p_i (1 - p_i) at theta.
 * This is what the theory of a run needs ({@code predict.LocalQuadraticTheory}): the optimum,
 * and per sample its Hessian factor and gradient there.
 */
public interface LocalQuadraticProblem extends Problem {
    /**
     * @param data the training rows
     * @return theta*, the empirical optimum of the loss on them
     */
    double[] optimum(Dataset data);

    /**
     * Sample i's Hessian factor and gradient at theta.
     *
     * @param theta the parameters (e.g. theta*)
     * @param data the rows
     * @param i the row
     * @param factor output: r_i = sqrt(w_i) z_i, p values from {@code offset}
     * @param gradient output: the gradient of sample i's loss plus the penalty's, D theta, p values
     *     from {@code offset}
     * @param offset where the p values start in both outputs
     */
    void sampleCurvature(double[] theta, Dataset data, int i, double[] factor, double[] gradient, int offset);

    /** @return whether the loss is exactly quadratic (the local model is the problem itself) */
    boolean quadratic();
}
