package dev.asgd.theory.sme;

import dev.asgd.core.Require;
import dev.asgd.theory.SmeParameters;

/**
 * The SME (2.2) of one unperturbed quadratic mode as a linear SDE in z = (Theta, Y):
 * <pre>
 *   dz = A z dt + B dW,   A = [[0, 1], [-omega0^2, -gamma]],   B = (tau, 0)^T,
 * </pre>
 * with its exact moments: mean exp(A t) z0, covariance
 * Sigma(t) = Sigma_inf - exp(A t) (Sigma_inf - Sigma_0) exp(A t)^T, where the stationary covariance
 * Sigma_inf solves the algebraic Lyapunov equation A Sigma + Sigma A^T + B B^T = 0:
 * <pre>
 *   Sigma_inf = [[tau^2 (omega0^2 + gamma^2) / (2 gamma omega0^2), -tau^2 / 2],
 *                [-tau^2 / 2,                                      tau^2 omega0^2 / (2 gamma)]]
 * </pre>
 * (the tests solve the Lyapunov equation independently). The transition over a step h is exactly Gaussian,
 * z' = exp(A h) z + N(0, Sigma_inf - exp(A h) Sigma_inf exp(A h)^T): the reference against which the
 * SDE schemes are tested.
 *
 * @param omega0 square root of the Hessian eigenvalue
 * @param gamma friction
 * @param tau noise amplitude
 */
public record LinearSme(double omega0, double gamma, double tau) {

    /** Validates. */
    public LinearSme {
        Require.positiveFinite(omega0, "omega0");
        Require.positiveFinite(gamma, "gamma");
        Require.nonNegativeFinite(tau, "tau");
    }

    /**
     * @param sme the SME parameters of the mode
     * @param omega0 square root of the Hessian eigenvalue
     * @return the linear SDE
     */
    public static LinearSme of(SmeParameters sme, double omega0) {
        return new LinearSme(omega0, sme.gamma(), sme.tau());
    }

    /** @return the drift matrix A */
    public Matrix2 drift() {
        return new Matrix2(0, 1, -omega0 * omega0, -gamma);
    }

    /** @return Sigma_inf, the stationary covariance of (Theta, Y) */
    public Matrix2 stationaryCovariance() {
        double t2 = tau * tau;
        double w2 = omega0 * omega0;
        double s12 = -t2 / 2; // (1,1) entry: 2 s12 + tau^2 = 0
        double s22 = -w2 * s12 / gamma; // (2,2) entry: -2 w2 s12 - 2 gamma s22 = 0
        double s11 = (s22 - gamma * s12) / w2; // (1,2) entry: s22 - w2 s11 - gamma s12 = 0
        return new Matrix2(s11, s12, s12, s22);
    }

    /**
     * @param t time
     * @param theta0 initial Theta
     * @param y0 initial Y
     * @return the mean (Theta, Y) at time t
     */
    public double[] mean(double t, double theta0, double y0) {
        return drift().exp(t).apply(theta0, y0);
    }

    /**
     * @param t time
     * @param initial the covariance at time 0 (zero for a deterministic start)
     * @return the covariance of (Theta, Y) at time t
     */
    public Matrix2 covariance(double t, Matrix2 initial) {
        Matrix2 e = drift().exp(t);
        Matrix2 inf = stationaryCovariance();
        Matrix2 s = inf.minus(e.times(inf.minus(initial)).times(e.transpose()));
        double off = 0.5 * (s.b() + s.c()); // symmetric up to rounding: make it exactly so
        return new Matrix2(s.a(), off, off, s.d());
    }

    /**
     * @param h the step
     * @return the exact one-step transition: mean map and noise covariance
     */
    public Transition transition(double h) {
        Require.positiveFinite(h, "dt");
        Matrix2 e = drift().exp(h);
        return new Transition(e, covariance(h, new Matrix2(0, 0, 0, 0)));
    }

    /**
     * The exact Gaussian transition z' = map z + N(0, noise) over one step.
     *
     * @param map exp(A h)
     * @param noise the covariance of the added noise
     */
    public record Transition(Matrix2 map, Matrix2 noise) {
        /**
         * @return the lower Cholesky factor [[l11, 0], [l21, l22]] of the noise covariance, as
         *     (l11, l21, l22); a zero pivot (no noise in a direction) gives zeros
         */
        public double[] choleskyLower() {
            double l11 = Math.sqrt(Math.max(0, noise.a()));
            double l21 = l11 > 0 ? noise.c() / l11 : 0;
            double l22 = Math.sqrt(Math.max(0, noise.d() - l21 * l21));
            return new double[] {l11, l21, l22};
        }
    }
}
