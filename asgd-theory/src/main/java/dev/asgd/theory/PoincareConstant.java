package dev.asgd.theory;

import dev.asgd.core.Require;

/**
 * The Poincare inequality (3.5) for the Gaussian steady state M of (3.1):
 * ||h||_*^2 &lt;= c (||grad_x h||_*^2 + ||grad_v h||_*^2) for every h with zero M-mean.
 *
 * <p>M is a product of Gaussians with variances 1 / (beta omega0^2) in each x_i and 1 / beta in
 * each v_i. The best constant of a product Gaussian is its largest variance,
 * c = 1 / (beta min{omega0^2, 1}), independent of d; it is attained by h = x_1 (omega0 &lt;= 1) or
 * h = v_1. The paper prints c = 1 / (d beta min{omega0^2, 1}), which is too small by the factor d:
 * for d &gt; 1, h = x_1 (or v_1) violates it.
 */
public final class PoincareConstant {
    private PoincareConstant() {
    }

    /**
     * @param beta inverse temperature, {@code > 0}
     * @param omega0 square root of the Hessian eigenvalue, {@code > 0}
     * @return the best constant 1 / (beta min{omega0^2, 1})
     */
    public static double sharp(double beta, double omega0) {
        Require.positiveFinite(beta, "beta");
        Require.positiveFinite(omega0, "omega0");
        return 1 / (beta * Math.min(omega0 * omega0, 1));
    }

    /**
     * @param beta inverse temperature
     * @param omega0 square root of the Hessian eigenvalue
     * @param dimension d
     * @return the constant as printed in (3.5), 1 / (d beta min{omega0^2, 1})
     */
    public static double printed(double beta, double omega0, int dimension) {
        Require.atLeast(dimension, 1, "dimension");
        return sharp(beta, omega0) / dimension;
    }
}
