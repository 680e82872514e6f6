package dev.asgd.simulation.sde;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;

/**
 * Exact sampling of the unperturbed quadratic's SME, a linear SDE: per coordinate
 * z = (Theta_i - theta*_i, Y_i) moves by its Gaussian transition over h,
 * <pre>
 *   z' = exp(A h) z + L (xi_1, xi_2)^T,   L L^T = Sigma_inf - exp(A h) Sigma_inf exp(A h)^T,
 * </pre>
 * ({@link LinearSme#transition}), whatever h: the reference the approximate schemes are tested
 * against. Two normals per coordinate and step.
 */
public final class ExactGaussianIntegrator implements SdeScheme {
    private final double[] star;
    private final double[] map;
    private final double[] chol;

    /**
     * @param problem the SME (unperturbed)
     * @param h the step
     */
    public ExactGaussianIntegrator(SdeProblem problem, double h) {
        if (!problem.linear()) {
            throw new InvalidParameterException("scheme", "exact",
                    "em or splitting for a perturbed loss (exact sampling needs the unperturbed quadratic)");
        }
        int d = problem.dimension();
        this.star = problem.loss().minimizer();
        this.map = new double[4 * d];
        this.chol = new double[3 * d];
        for (int i = 0; i < d; i++) {
            LinearSme.Transition t = problem.linearSme(i).transition(h);
            Matrix2 m = t.map();
            map[4 * i] = m.a();
            map[4 * i + 1] = m.b();
            map[4 * i + 2] = m.c();
            map[4 * i + 3] = m.d();
            System.arraycopy(t.choleskyLower(), 0, chol, 3 * i, 3);
        }
    }

    @Override
    public void step(double[] theta, double[] y, NormalSource normal) {
        for (int i = 0; i < theta.length; i++) {
            double u = theta[i] - star[i];
            double v = y[i];
            double x1 = normal.next();
            double x2 = normal.next();
            int m = 4 * i;
            int c = 3 * i;
            theta[i] = star[i] + map[m] * u + map[m + 1] * v + chol[c] * x1;
            y[i] = map[m + 2] * u + map[m + 3] * v + chol[c + 1] * x1 + chol[c + 2] * x2;
        }
    }
}
