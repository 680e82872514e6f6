package dev.asgd.fokkerplanck.hermite;

import dev.asgd.fokkerplanck.linalg.Gmres;
import dev.asgd.fokkerplanck.linalg.LinearOperator;

/**
 * The steady state F of (2.4) as F / M in the Hermite basis: the null vector of the discrete
 * generator normalised to mass 1 (coefficient 1 on the constant). The generator's row of the
 * constant vanishes (mass conservation), so replacing that row by the normalisation gives the
 * non-singular system [G with row 0 := e_0^T] f = e_0, solved by GMRES preconditioned with the
 * blocks of G0 (exact for eps = 0, where F = M and f = e_0).
 */
public final class SteadyState {
    private SteadyState() {
    }

    /**
     * @param operator the discrete generator
     * @return the coefficients of F / M
     */
    public static double[] coefficients(HermiteGalerkinOperator operator) {
        int n = operator.size();
        double[] f = new double[n];
        f[0] = 1;
        if (!operator.perturbed()) {
            return f;
        }
        LinearOperator a = (x, y) -> {
            operator.apply(x, y);
            y[0] = x[0];
        };
        LinearOperator p = operator.blockSolver(0, -1);
        double[] b = new double[n];
        b[0] = 1;
        new Gmres(80, 20000, 1e-13).solve(a, p, b, f);
        return f;
    }

    /**
     * @param operator the discrete generator
     * @param f coefficients of F / M
     * @return ||G f|| / ||f||, the relative residual of the steady state
     */
    public static double residual(HermiteGalerkinOperator operator, double[] f) {
        double[] y = new double[f.length];
        operator.apply(f, y);
        double s = 0;
        double t = 0;
        for (int i = 0; i < f.length; i++) {
            s += y[i] * y[i];
            t += f[i] * f[i];
        }
        return Math.sqrt(s / t);
    }
}
