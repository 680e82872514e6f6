package dev.asgd.theory.sampled;

import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The spectral radius of a linear map K on symmetric p x p matrices that preserves the PSD cone,
 * given as a matrix on the packed upper triangle (off-diagonal columns weighted 2). Power iteration
 * from a PSD start, bracketed by the Collatz-Wielandt bounds of the cone: for X positive definite and
 * Y = K(X),
 * <pre>
 *   lambda_min(X^{-1/2} Y X^{-1/2}) &lt;= radius(K) &lt;= lambda_max(X^{-1/2} Y X^{-1/2})
 * </pre>
 * (Y &gt;= a X implies radius &gt;= a; Y &lt;= b X with X interior implies radius &lt;= b). It stops when
 * the best bounds meet to {@code tol} relative, and falls back to a dense Hipparchus eigensolver when
 * they do not within {@code maxIterations} (a singular Perron vector, or a small gap). The last iterate
 * is kept as the next call's start. Not thread-safe.
 */
final class ConeRadius {
    private final int p;
    private final int pairs;
    private final double tol;
    private final int maxIterations;
    private double[] warm;
    private boolean lastFallback;

    ConeRadius(int p, double tol, int maxIterations) {
        this.p = p;
        this.pairs = p * (p + 1) / 2;
        this.tol = tol;
        this.maxIterations = maxIterations;
    }

    /** @return whether the last call used the dense fallback */
    boolean lastFallback() {
        return lastFallback;
    }

    /**
     * @param k the map, pairs x pairs
     * @return its spectral radius
     */
    double radius(double[] k) {
        lastFallback = false;
        double[] x = warm == null ? identity() : warm.clone();
        double[] y = new double[pairs];
        double lower = 0;
        double upper = Double.POSITIVE_INFINITY;
        for (int it = 1; it <= maxIterations; it++) {
            apply(k, x, y);
            double tr = trace(y);
            if (!(tr > 0)) {
                if (tr == 0 && isZero(y)) {
                    warm = null;
                    return 0; // K vanishes on the iterate's cone face (e.g. no curvature noise)
                }
                break;
            }
            if (it % 8 == 0 || it <= 2) {
                double[] b = bounds(x, y);
                if (b != null) {
                    lower = Math.max(lower, b[0]);
                    upper = Math.min(upper, b[1]);
                    if (upper - lower <= tol * upper) {
                        for (int i = 0; i < pairs; i++) {
                            x[i] = y[i] / tr;
                        }
                        warm = x;
                        return 0.5 * (lower + upper);
                    }
                }
            }
            for (int i = 0; i < pairs; i++) {
                x[i] = y[i] / tr;
            }
        }
        warm = null;
        lastFallback = true;
        return dense(k);
    }

    private double[] identity() {
        double[] x = new double[pairs];
        for (int a = 0; a < p; a++) {
            x[SampledQuadratic.pair(a, a, p)] = 1.0 / p;
        }
        return x;
    }

    private void apply(double[] k, double[] x, double[] y) {
        for (int r = 0; r < pairs; r++) {
            double s = 0;
            int row = r * pairs;
            for (int c = 0; c < pairs; c++) {
                s += k[row + c] * x[c];
            }
            y[r] = s;
        }
    }

    private double trace(double[] x) {
        double t = 0;
        for (int a = 0; a < p; a++) {
            t += x[SampledQuadratic.pair(a, a, p)];
        }
        return t;
    }

    private static boolean isZero(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private RealMatrix unpack(double[] x) {
        RealMatrix m = MatrixUtils.createRealMatrix(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double v = x[SampledQuadratic.pair(a, b, p)];
                m.setEntry(a, b, v);
                m.setEntry(b, a, v);
            }
        }
        return m;
    }

    /** @return {lambda_min, lambda_max} of L^{-1} Y L^{-T} with X = L L^T, or null when X is not positive definite */
    private double[] bounds(double[] x, double[] y) {
        try {
            RealMatrix l = new CholeskyDecomposition(unpack(x), 1e-14, 1e-14).getL();
            RealMatrix li = MatrixUtils.inverse(l);
            RealMatrix m = li.multiply(unpack(y)).multiplyTransposed(li);
            m = m.add(m.transpose()).scalarMultiply(0.5);
            double[] ev = new EigenDecompositionSymmetric(m).getEigenvalues();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : ev) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return new double[] {Math.max(0, lo), hi};
        } catch (MathIllegalArgumentException | MathIllegalStateException e) {
            return null;
        }
    }

    /** @return the largest real eigenvalue of the dense matrix (the Perron root, which is also the radius) */
    private double dense(double[] k) {
        RealMatrix m = MatrixUtils.createRealMatrix(pairs, pairs);
        for (int r = 0; r < pairs; r++) {
            for (int c = 0; c < pairs; c++) {
                m.setEntry(r, c, k[r * pairs + c]);
            }
        }
        double r = 0;
        for (Complex z : new EigenDecompositionNonSymmetric(m).getEigenvalues()) {
            r = Math.max(r, z.norm());
        }
        return r;
    }
}
