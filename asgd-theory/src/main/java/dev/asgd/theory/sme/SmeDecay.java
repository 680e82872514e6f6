package dev.asgd.theory.sme;

import dev.asgd.theory.SmeParameters;

/**
 * The SME (2.2) of one quadratic mode through its exact Gaussian moments ({@link LinearSme}): the
 * decay rate read off the spectral radius of the exact one-step mean map exp(A deltaT) (a matrix
 * exponential, not the closed form of mu), and the weighted norm ||h||_*^2 of a Gaussian density
 * against the stationary one, which for densities is the chi-square divergence
 * <pre>
 *   ||h||_*^2 = int p^2 / M - 1 = |Sigma|^(1/2) |S|^(-1) |B|^(-1/2) exp(b^T B^-1 b / 2 - m^T S^-1 m) - 1,
 *   B = 2 S^-1 - Sigma^-1,   b = 2 S^-1 m,
 * </pre>
 * for p = N(m, S), M = N(0, Sigma) (invariant under the linear change to (x, v) of section 2).
 */
public final class SmeDecay {
    private SmeDecay() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return the decay exponent of the squared mean per unit SME time, -2 ln rho(exp(A deltaT)) / deltaT
     */
    public static double decayPerUnitTime(double eta, double kappa, double omega0) {
        SmeParameters sme = SmeParameters.of(eta, kappa, omega0, 0);
        return decayPerStep(eta, kappa, omega0) / sme.deltaT();
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return the decay exponent of the squared mean per ASGD step, -2 ln rho(exp(A deltaT))
     */
    public static double decayPerStep(double eta, double kappa, double omega0) {
        SmeParameters sme = SmeParameters.of(eta, kappa, omega0, 0);
        Matrix2 e = LinearSme.of(sme, omega0).drift().exp(sme.deltaT());
        return -2 * Math.log(spectralRadius(e));
    }

    /**
     * @param m a 2 x 2 matrix
     * @return its spectral radius from the trace and determinant
     */
    public static double spectralRadius(Matrix2 m) {
        double tr = m.trace();
        double det = m.det();
        double disc = tr * tr - 4 * det;
        if (disc < 0) {
            return Math.sqrt(det);
        }
        double r1 = 0.5 * (tr + Math.copySign(Math.sqrt(disc), tr));
        return r1 == 0 ? 0 : Math.max(Math.abs(r1), Math.abs(det / r1));
    }

    /**
     * ||h||_*^2 of p = N(m, Sigma + delta) against M = N(0, Sigma), written so that tiny deviations
     * keep their relative accuracy: with L = Sigma^-1 delta (eigenvalues l1, l2),
     * prod (1 - li^2) = 1 - tr(L^2) + det(L)^2, and the mean enters through the exponent above.
     *
     * @param m the density's mean (Theta, Y)
     * @param delta its covariance minus the stationary one
     * @param sigma the stationary covariance
     * @return int p^2 / M - 1 (infinite when 2 S^-1 - Sigma^-1 is not positive definite)
     */
    public static double chiSquare(double[] m, Matrix2 delta, Matrix2 sigma) {
        Matrix2 sigmaInv = inverse(sigma);
        Matrix2 l = sigmaInv.times(delta);
        double excess = -l.times(l).trace() + l.det() * l.det(); // prod (1 - li^2) - 1
        double prod = 1 + excess;
        Matrix2 s = sigma.plus(delta);
        Matrix2 si = inverse(s);
        Matrix2 b = si.times(2).minus(sigmaInv);
        if (!(prod > 0 && b.a() > 0 && b.det() > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] bv = si.times(2).apply(m[0], m[1]);
        double[] binvb = inverse(b).apply(bv[0], bv[1]);
        double[] sim = si.apply(m[0], m[1]);
        double exponent = 0.5 * (bv[0] * binvb[0] + bv[1] * binvb[1]) - (m[0] * sim[0] + m[1] * sim[1]);
        return Math.expm1(exponent - 0.5 * Math.log1p(excess));
    }

    private static Matrix2 inverse(Matrix2 m) {
        double det = m.det();
        return new Matrix2(m.d() / det, -m.b() / det, -m.c() / det, m.a() / det);
    }
}
