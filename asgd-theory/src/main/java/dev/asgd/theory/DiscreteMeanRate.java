package dev.asgd.theory;

import dev.asgd.core.Require;

/**
 * The exact per-step contraction of discrete ASGD's mean on one quadratic mode, without the SME
 * (THEORY-NOTES section 5). With geometric staleness, a = eta omega0^2 and
 * w_k = E_tau m_{k - tau} the mean obeys
 * <pre>
 *   m_{k+1} = m_k - a w_k,   w_{k+1} = kappa w_k + (1 - kappa) m_{k+1},
 * </pre>
 * a linear map with characteristic polynomial z^2 - (1 + kappa - (1 - kappa) a) z + kappa. Its
 * spectral radius is the contraction per step. Inside the complex-root window
 * (1 - sqrt kappa)^2 &lt; (1 - kappa) a &lt; (1 + sqrt kappa)^2 it equals sqrt(kappa) for every eta.
 */
public final class DiscreteMeanRate {
    private DiscreteMeanRate() {
    }

    /**
     * @param eta learning rate, {@code > 0}
     * @param kappa staleness rate, {@code 0 <= kappa < 1}
     * @param omega0 square root of the Hessian eigenvalue, {@code > 0}
     * @return the spectral radius of the mean recursion
     */
    public static double contractionPerStep(double eta, double kappa, double omega0) {
        Require.positiveFinite(eta, "eta");
        Require.inHalfOpen(kappa, 0, 1, "kappa");
        Require.positiveFinite(omega0, "omega0");
        double a = eta * omega0 * omega0;
        double b = 1 + kappa - (1 - kappa) * a;
        double disc = b * b - 4 * kappa;
        if (disc < 0) {
            return Math.sqrt(kappa);
        }
        // The larger root without cancellation; the other is kappa / z1 (product of the roots).
        double z1 = 0.5 * (b + Math.copySign(Math.sqrt(disc), b));
        if (z1 == 0) {
            return 0;
        }
        return Math.max(Math.abs(z1), Math.abs(kappa / z1));
    }

    /**
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return eta_lo = (1 - sqrt kappa) / ((1 + sqrt kappa) omega0^2): below it the roots are real
     *     and positive and the rate slows as eta decreases; above it the contraction is sqrt(kappa)
     */
    public static double etaThresholdExact(double kappa, double omega0) {
        double s = Math.sqrt(kappa);
        return (1 - s) / ((1 + s) * omega0 * omega0);
    }

    /**
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return the paper's threshold (1 - kappa) / (4 omega0^2), where gamma = 2 omega0 (Remark 3.3)
     */
    public static double etaThresholdPaper(double kappa, double omega0) {
        return (1 - kappa) / (4 * omega0 * omega0);
    }

    /**
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return eta_hi = (1 + sqrt kappa) / ((1 - sqrt kappa) omega0^2), the upper end of the
     *     complex-root window: above it the roots are real and negative and the contraction grows
     *     from sqrt(kappa) towards 1. THEORY-NOTES section 5 calls this the stability limit; it is
     *     not (for kappa = 0 it gives 1 / omega0^2, where SGD is stable up to 2 / omega0^2), see
     *     {@link #etaMax(double, double)}
     */
    public static double etaWindowUpper(double kappa, double omega0) {
        double s = Math.sqrt(kappa);
        return (1 + s) / ((1 - s) * omega0 * omega0);
    }

    /**
     * The mean's stability limit. The monic quadratic z^2 - b z + kappa is Schur stable iff
     * |kappa| &lt; 1 and |b| &lt; 1 + kappa, i.e. 0 &lt; (1 - kappa) a &lt; 2 (1 + kappa).
     *
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return eta_max = 2 (1 + kappa) / ((1 - kappa) omega0^2); at and above it the mean does not
     *     contract (2 / omega0^2 for kappa = 0, plain SGD's limit)
     */
    public static double etaMax(double kappa, double omega0) {
        return 2 * (1 + kappa) / ((1 - kappa) * omega0 * omega0);
    }
}
