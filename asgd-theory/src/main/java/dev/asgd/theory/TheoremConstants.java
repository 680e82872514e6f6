package dev.asgd.theory;

import dev.asgd.core.Require;

/**
 * The constants of Theorem 3.2 for one mode: C and Chat of the Lyapunov functional (3.8), C2 of
 * Proposition 4.1(c) and C1 with epsilon = epsilon0 C1 from (4.8).
 *
 * <pre>
 *   gamma &lt; 2 omega0:  C = omega0^2,            Chat = gamma / 2       (3.6), case 1
 *   gamma &gt; 2 omega0:  C = gamma^2 / 2 - omega0^2, Chat = gamma / 2    (3.6), case 2
 *   gamma = 2 omega0:  C = omega0^2 + 4 delta^2,  Chat = gamma / 2     (our choice, see below)
 *   C2 = max{1, gamma, gamma^2, beta gamma, beta omega0^2} / min{1, omega0^2}
 *   C1 = (11 + 11 C + 15 Chat) C2^2 max{1, C} / (C - Chat^2)
 * </pre>
 * The paper leaves C(delta), Chat(delta) of the critical case unspecified. Both printed cases
 * equal P = V V^T normalised to P11 = 1, with V the eigenvectors (1, lambda) of Q; at the critical
 * point we take V = [v1, 2 delta v2] from the Jordan chain v1 = (1, gamma/2), v2 = (0, 1), which
 * gives K = QP + PQ^T &gt;= 2 (gamma/2 - delta) P.
 *
 * <p>The printed C1 carries an extra factor epsilon0 ("C1 = (11 + ...) epsilon0 C2^2 ...") that
 * (4.8) does not have; we follow (4.8): C1 does not depend on epsilon0.
 *
 * @param c C of (3.8)
 * @param cHat Chat of (3.8)
 * @param c1 C1, infinite when beta is (sigma = 0)
 * @param c2 C2, infinite when beta is
 * @param criticalDelta the delta used in the critical case, NaN otherwise
 */
public record TheoremConstants(double c, double cHat, double c1, double c2, double criticalDelta) {

    /**
     * Fraction of the sharp rate gamma / 2 given up in the critical case: delta = this times gamma / 2.
     */
    public static final double CRITICAL_DELTA_FRACTION = 0.01;

    /**
     * @param sme the SME parameters of the mode (gamma and beta are used)
     * @param omega0 square root of the Hessian eigenvalue
     * @return the constants of Theorem 3.2 for the regime of this mode
     */
    public static TheoremConstants of(SmeParameters sme, double omega0) {
        Require.positiveFinite(omega0, "omega0");
        double gamma = sme.gamma();
        double beta = sme.beta();
        double w2 = omega0 * omega0;
        double cHat = gamma / 2;
        double c;
        double delta = Double.NaN;
        switch (DampingRegime.of(gamma, omega0)) {
            case UNDERDAMPED:
                c = w2;
                break;
            case OVERDAMPED:
                c = gamma * gamma / 2 - w2;
                break;
            default:
                delta = CRITICAL_DELTA_FRACTION * gamma / 2;
                c = w2 + 4 * delta * delta;
                break;
        }
        double c2 = max(1, gamma, gamma * gamma, beta * gamma, beta * w2) / Math.min(1, w2);
        double c1 = (11 + 11 * c + 15 * cHat) * c2 * c2 * Math.max(1, c) / (c - cHat * cHat);
        return new TheoremConstants(c, cHat, c1, c2, delta);
    }

    /**
     * @param epsilon0 the bound of Assumption 3.1
     * @return epsilon = epsilon0 C1, the loss of rate in Theorem 3.2
     */
    public double epsilon(double epsilon0) {
        Require.nonNegativeFinite(epsilon0, "epsilon0");
        return epsilon0 == 0 ? 0 : epsilon0 * c1;
    }

    private static double max(double... values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
