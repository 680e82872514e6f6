package dev.asgd.fokkerplanck.hermite;

/**
 * The orthonormal probabilists' Hermite polynomials phi_n = He_n / sqrt(n!) of the standard
 * normal weight, by the stable three-term recurrence
 * <pre>
 *   phi_0 = 1,  phi_1 = z,  sqrt(n + 1) phi_{n+1} = z phi_n - sqrt(n) phi_{n-1}.
 * </pre>
 * In this basis d/dz phi_n = sqrt(n) phi_{n-1} (the annihilation operator a) and
 * z phi_n = sqrt(n + 1) phi_{n+1} + sqrt(n) phi_{n-1} (a + a^dagger).
 */
public final class HermiteFunctions {
    private HermiteFunctions() {
    }

    /**
     * @param z the point
     * @param out receives phi_0(z), ..., phi_{out.length - 1}(z)
     */
    public static void values(double z, double[] out) {
        if (out.length == 0) {
            return;
        }
        out[0] = 1;
        if (out.length > 1) {
            out[1] = z;
        }
        for (int n = 1; n + 1 < out.length; n++) {
            out[n + 1] = (z * out[n] - Math.sqrt(n) * out[n - 1]) / Math.sqrt(n + 1);
        }
    }
}
