package dev.asgd.theory;

/**
 * The three cases of Theorem 3.2, decided by the friction gamma against 2 omega0: the drift
 * matrix Q = [[0, 1], [-omega0^2, gamma]] has complex eigenvalues (underdamped), a double
 * defective one (critical) or two real ones (overdamped).
 */
public enum DampingRegime {
    /** gamma &lt; 2 omega0: complex eigenvalues, Re = gamma / 2. */
    UNDERDAMPED,
    /** gamma = 2 omega0 within {@link #RELATIVE_TOLERANCE}: the double eigenvalue gamma / 2. */
    CRITICAL,
    /** gamma &gt; 2 omega0: real eigenvalues (gamma +- sqrt(gamma^2 - 4 omega0^2)) / 2. */
    OVERDAMPED;

    /**
     * |gamma - 2 omega0| &lt;= RELATIVE_TOLERANCE * 2 omega0 counts as critical. At 1e-9 the
     * eigenvalues' split sqrt|gamma^2 - 4 omega0^2| is below 1e-4 gamma, the accuracy to which a
     * double-precision eigen-solver resolves a defective eigenvalue anyway.
     */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /**
     * @param gamma friction
     * @param omega0 square root of the Hessian eigenvalue
     * @return the regime of this mode
     */
    public static DampingRegime of(double gamma, double omega0) {
        double twoOmega = criticalFriction(omega0);
        if (Math.abs(gamma - twoOmega) <= RELATIVE_TOLERANCE * twoOmega) {
            return CRITICAL;
        }
        return gamma < twoOmega ? UNDERDAMPED : OVERDAMPED;
    }

    /**
     * @param omega0 square root of the Hessian eigenvalue
     * @return 2 omega0, the friction of critical damping
     */
    public static double criticalFriction(double omega0) {
        return 2 * omega0;
    }

    /** @return the lower-case name used in JSON ({@code underdamped}, ...) */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
