package dev.asgd.theory.sampled;

import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The spectral radius of one eigen-mode's mean recursion m_{k+1} = m_k - b sum_l p_l m_{k-l}
 * (b = eta lambda): the largest |z| over the roots of
 * <pre>
 *   z^{L+1} - z^L + b sum_l p_l z^{L-l} = 0,
 * </pre>
 * the eigenvalues of its companion matrix (Hipparchus; Laguerre's method on the polynomial where the
 * Schur iteration fails; Gelfand's formula, rho = lim ||A^k||^(1/k), by repeated squaring where
 * Laguerre's iteration fails too: both happen on the near-multiple roots of some measured laws).
 */
final class CompanionRadius {
    private final double[] pmf;

    CompanionRadius(StalenessLaw law) {
        this.pmf = law.pmf();
    }

    /**
     * @param b eta lambda
     * @return the spectral radius of the mode's mean map
     */
    double radius(double b) {
        int w = pmf.length;
        if (w == 1) {
            return Math.abs(1 - b * pmf[0]);
        }
        RealMatrix a = MatrixUtils.createRealMatrix(w, w);
        a.setEntry(0, 0, 1 - b * pmf[0]);
        for (int l = 1; l < w; l++) {
            a.setEntry(0, l, -b * pmf[l]);
            a.setEntry(l, l - 1, 1);
        }
        try {
            double r = 0;
            for (Complex z : new EigenDecompositionNonSymmetric(a).getEigenvalues()) {
                r = Math.max(r, z.norm());
            }
            return r;
        } catch (MathIllegalStateException e) {
            try {
                return laguerre(b);
            } catch (MathIllegalStateException again) {
                return gelfand(a);
            }
        }
    }

    /**
     * The spectral radius by Gelfand's formula: A^(2^j) by repeated squaring, normalised at every
     * step (Frobenius norm), so that log rho = lim 2^-j log ||A^(2^j)||; 60 squarings put the
     * transient factor's share of the exponent below 1e-16 relative for any matrix of this size.
     *
     * @param a a square matrix
     * @return its spectral radius
     */
    static double gelfand(RealMatrix a) {
        double norm = a.getFrobeniusNorm();
        if (norm == 0) {
            return 0;
        }
        RealMatrix m = a.scalarMultiply(1 / norm);
        double logNorm = Math.log(norm);
        double scale = 1;
        for (int j = 0; j < 60; j++) {
            m = m.multiply(m);
            double n = m.getFrobeniusNorm();
            if (n == 0) {
                return 0;
            }
            m = m.scalarMultiply(1 / n);
            scale *= 0.5;
            logNorm += scale * Math.log(n);
        }
        return Math.exp(logNorm);
    }

    /** The same radius by Laguerre's method (coefficients in ascending powers). */
    double laguerre(double b) {
        int w = pmf.length;
        double[] coef = new double[w + 1];
        for (int l = 0; l < w; l++) {
            coef[w - 1 - l] += b * pmf[l];
        }
        coef[w - 1] -= 1;
        coef[w] += 1;
        double r = 0;
        for (Complex z : new LaguerreSolver(1e-15, 1e-15).solveAllComplex(coef, 0.5)) {
            r = Math.max(r, z.norm());
        }
        return r;
    }
}
