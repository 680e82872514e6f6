package dev.asgd.theory.moments;

import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/** Spectral radius and fixed point of an affine map x -&gt; A x + c (Hipparchus). */
final class LinearMaps {
    private LinearMaps() {
    }

    /**
     * @param a a square matrix
     * @return max |eigenvalue|
     */
    static double spectralRadius(double[][] a) {
        if (a.length == 1) {
            return Math.abs(a[0][0]);
        }
        try {
            EigenDecompositionNonSymmetric eig = new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(a));
            double r = 0;
            for (Complex z : eig.getEigenvalues()) {
                r = Math.max(r, z.norm());
            }
            return r;
        } catch (MathIllegalStateException e) {
            // Hipparchus' Schur iteration does not always converge on the lag-shift structure
            // (large nilpotent blocks); the Gelfand formula is robust there.
            return gelfand(a);
        }
    }

    /**
     * Gelfand's formula rho = lim ||A^n||^(1/n) with n = 2^40 by repeated squaring, each power
     * normalised by its largest entry (the scale is kept as a logarithm). The error factor
     * (c n^p)^(1/n) is below 1e-9 at that n.
     *
     * @param a a square matrix
     * @return its spectral radius
     */
    static double gelfand(double[][] a) {
        int n = a.length;
        double[][] b = new double[n][];
        for (int i = 0; i < n; i++) {
            b[i] = a[i].clone();
        }
        double[][] tmp = new double[n][n];
        double logNorm = 0; // log of the scale of A^(2^j), divided by 2^j
        double weight = 1;
        double previous = Double.NaN;
        for (int j = 0; j < 40; j++) {
            double max = maxAbs(b);
            if (max == 0) {
                return 0;
            }
            double estimate = Math.exp(logNorm + weight * Math.log(max));
            if (j >= 24 && Math.abs(estimate - previous) <= 1e-13 * estimate) {
                return estimate;
            }
            previous = estimate;
            scale(b, 1 / max);
            logNorm += weight * Math.log(max);
            multiply(b, b, tmp);
            double[][] t = b;
            b = tmp;
            tmp = t;
            weight *= 0.5;
        }
        double max = maxAbs(b);
        return max == 0 ? 0 : Math.exp(logNorm + weight * Math.log(max));
    }

    private static double maxAbs(double[][] m) {
        double max = 0;
        for (double[] r : m) {
            for (double v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static void scale(double[][] m, double f) {
        for (double[] r : m) {
            for (int j = 0; j < r.length; j++) {
                r[j] *= f;
            }
        }
    }

    private static void multiply(double[][] x, double[][] y, double[][] out) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double[] o = out[i];
            java.util.Arrays.fill(o, 0);
            double[] xi = x[i];
            for (int k = 0; k < n; k++) {
                double v = xi[k];
                if (v != 0) {
                    double[] yk = y[k];
                    for (int j = 0; j < n; j++) {
                        o[j] += v * yk[j];
                    }
                }
            }
        }
    }

    /**
     * @param a the homogeneous part
     * @param c the constant
     * @return x with x = A x + c, or NaNs when I - A is singular
     */
    static double[] fixedPoint(double[][] a, double[] c) {
        int n = c.length;
        RealMatrix m = MatrixUtils.createRealIdentityMatrix(n).subtract(MatrixUtils.createRealMatrix(a));
        LUDecomposition lu = new LUDecomposition(m, 1e-14);
        if (!lu.getSolver().isNonSingular()) {
            double[] nan = new double[n];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return lu.getSolver().solve(MatrixUtils.createRealVector(c)).toArray();
    }
}
