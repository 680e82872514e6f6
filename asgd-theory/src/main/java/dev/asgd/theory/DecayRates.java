package dev.asgd.theory;

/**
 * The decay rate mu of Theorem 3.2, as printed and as it is.
 *
 * <p>Printed (3.6): mu = gamma for gamma &lt; 2 omega0, mu = gamma - sqrt(gamma^2 - 4 omega0^2) for
 * gamma &gt; 2 omega0, and "gamma - delta" at gamma = 2 omega0, with ||h||_*^2 &lt;~ exp(-2 mu t).
 *
 * <p>Sharp: the proof's own (4.7) sets mu = min Re eig(Q) for Q = [[0, 1], [-omega0^2, gamma]],
 * i.e. gamma / 2, resp. (gamma - sqrt(gamma^2 - 4 omega0^2)) / 2: half the printed value. This is
 * the spectral gap of the Fokker-Planck generator (the Ornstein-Uhlenbeck spectrum is
 * {n1 lambda1 + n2 lambda2}), and the printed value is the rate of the degree-2 (covariance)
 * modes only.
 */
public final class DecayRates {
    private DecayRates() {
    }

    /**
     * @param gamma friction, {@code > 0}
     * @param omega0 square root of the Hessian eigenvalue, {@code > 0}
     * @return min Re eig(Q): gamma / 2, or (gamma - sqrt(gamma^2 - 4 omega0^2)) / 2 when overdamped
     */
    public static double muSharp(double gamma, double omega0) {
        double disc = gamma * gamma - 4 * omega0 * omega0;
        if (disc <= 0 || DampingRegime.of(gamma, omega0) == DampingRegime.CRITICAL) {
            return gamma / 2;
        }
        // gamma - sqrt(disc) cancels for gamma >> omega0; use the product of the roots, omega0^2.
        return 2 * omega0 * omega0 / (gamma + Math.sqrt(disc));
    }

    /**
     * @param gamma friction, {@code > 0}
     * @param omega0 square root of the Hessian eigenvalue, {@code > 0}
     * @return mu as printed in (3.6): gamma, or gamma - sqrt(gamma^2 - 4 omega0^2); at the critical
     *     point the supremum gamma of the printed "gamma - delta"
     */
    public static double muPaper(double gamma, double omega0) {
        return 2 * muSharp(gamma, omega0);
    }
}
