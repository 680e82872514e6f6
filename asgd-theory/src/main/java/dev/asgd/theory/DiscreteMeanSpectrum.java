package dev.asgd.theory;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * Discrete ASGD's mean without the SME, three ways: the closed-form spectral radius of
 * {@link DiscreteMeanRate}, the eigenvalues of the same 2 x 2 mean map from Hipparchus's
 * non-symmetric eigen-solver, and the mean iterated from the definition
 * m_{k+1} = m_k - eta omega0^2 sum_l p_l m_{k-l} (geometric pmf, reads before step 0 return m_0),
 * which does not use the two-state reduction at all.
 */
public final class DiscreteMeanSpectrum {
    private DiscreteMeanSpectrum() {
    }

    /**
     * The mean map (m, w) -> (m - a w, (1 - kappa) m + (kappa - (1 - kappa) a) w), a = eta omega0^2,
     * decomposed by Hipparchus.
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return its spectral radius and whether its eigenvalues are complex
     */
    public static Spectrum companion(double eta, double kappa, double omega0) {
        double a = eta * omega0 * omega0;
        var m = MatrixUtils.createRealMatrix(new double[][] {{1, -a}, {1 - kappa, kappa - (1 - kappa) * a}});
        Complex[] ev = new EigenDecompositionNonSymmetric(m).getEigenvalues();
        double r = 0;
        boolean complex = false;
        for (Complex z : ev) {
            r = Math.max(r, z.norm());
            complex |= Math.abs(z.getImaginary()) > 1e-12 * Math.max(1, z.norm());
        }
        return new Spectrum(r, complex);
    }

    /**
     * Spectral radius and kind of a 2 x 2 map.
     *
     * @param radius the largest modulus
     * @param complex whether the eigenvalues are a complex pair
     */
    public record Spectrum(double radius, boolean complex) {
    }

    /**
     * The mean iterated from ASGD's definition with the geometric pmf truncated where its tail is
     * below 1e-16, and the contraction read off the root-mean-square of the mean over two windows
     * far apart (the history is rescaled as it shrinks, so nothing underflows).
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param steps the horizon K (the windows end at K / 2 and K)
     * @return the estimated contraction per step
     */
    public static double bruteForceContraction(double eta, double kappa, double omega0, int steps) {
        int lags = kappa == 0 ? 1 : (int) Math.min(200_000, Math.ceil(Math.log(1e-16) / Math.log(kappa)) + 1);
        double[] p = new double[lags];
        double pk = 1 - kappa;
        double total = 0;
        for (int l = 0; l < lags; l++) {
            p[l] = pk;
            total += pk;
            pk *= kappa;
        }
        p[lags - 1] += 1 - total; // the tail on the last lag, so the pmf sums to one
        double a = eta * omega0 * omega0;
        double[] hist = new double[lags]; // hist[j] = m_{k - j}, constant m_0 = 1 before step 0
        java.util.Arrays.fill(hist, 1);
        int head = 0; // index of m_k in the ring
        double logScale = 0; // true value = stored value * exp(logScale)
        int window = Math.max(8, steps / 10);
        int end1 = steps / 2;
        double s1 = 0;
        double s2 = 0;
        double ref1 = Double.NaN;
        double ref2 = Double.NaN;
        for (int k = 1; k <= steps; k++) {
            double w = 0;
            for (int l = 0; l < lags; l++) {
                w += p[l] * hist[(head + l) % lags];
            }
            double next = hist[head] - a * w;
            head = (head - 1 + lags) % lags;
            hist[head] = next;
            if (k > end1 - window && k <= end1) {
                if (Double.isNaN(ref1)) {
                    ref1 = logScale;
                }
                s1 += next * next * Math.exp(2 * (logScale - ref1));
            }
            if (k > steps - window) {
                if (Double.isNaN(ref2)) {
                    ref2 = logScale;
                }
                s2 += next * next * Math.exp(2 * (logScale - ref2));
            }
            if (Math.abs(next) < 1e-100) {
                for (int l = 0; l < lags; l++) {
                    hist[l] *= 1e100;
                }
                logScale -= 100 * Math.log(10);
            }
        }
        double logRatio = Math.log(s2) - Math.log(s1) + 2 * (ref2 - ref1);
        return Math.exp(logRatio / (2.0 * (steps - end1)));
    }
}
