package dev.asgd.core.linalg;

/**
 * Kernels on dense vectors shared by the solvers of the library modules (the Fokker-Planck GMRES
 * and slow-mode iterations, the least-squares problem's conjugate gradients and Lanczos): one
 * summation order, so that every caller computes bit-for-bit the same numbers.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * The dot product, summed from the first entry to the last with one rounding per product and
     * one per addition (no fused multiply-add).
     *
     * @param a a vector
     * @param b a vector at least as long as {@code a}
     * @return sum_i a_i b_i over the entries of {@code a}
     */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * @param a a vector
     * @return its smallest entry (+infinity for none)
     */
    public static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    /**
     * @param a a vector
     * @return its largest entry (-infinity for none)
     */
    public static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
