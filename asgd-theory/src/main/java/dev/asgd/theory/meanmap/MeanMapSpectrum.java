package dev.asgd.theory.meanmap;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The spectrum of discrete ASGD's mean map (m, w) -&gt; (m - a w, (1 - kappa) m + (kappa - (1 -
 * kappa) a) w), a = eta omega0^2, from Hipparchus's non-symmetric eigen-solver: a computation
 * independent of the closed form of {@link dev.asgd.theory.DiscreteMeanRate}.
 *
 * @param radius the largest eigenvalue modulus
 * @param complex whether the eigenvalues are a complex pair
 */
public record MeanMapSpectrum(double radius, boolean complex) {

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @return the spectral radius and kind of the mean map
     */
    public static MeanMapSpectrum of(double eta, double kappa, double omega0) {
        double a = eta * omega0 * omega0;
        var m = MatrixUtils.createRealMatrix(new double[][] {{1, -a}, {1 - kappa, kappa - (1 - kappa) * a}});
        Complex[] ev = new EigenDecompositionNonSymmetric(m).getEigenvalues();
        double r = 0;
        boolean complex = false;
        for (Complex z : ev) {
            r = Math.max(r, z.norm());
            complex |= Math.abs(z.getImaginary()) > 1e-12 * Math.max(1, z.norm());
        }
        return new MeanMapSpectrum(r, complex);
    }
}
