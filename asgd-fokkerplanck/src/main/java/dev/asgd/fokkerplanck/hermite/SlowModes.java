package dev.asgd.fokkerplanck.hermite;

import dev.asgd.core.linalg.Vectors;
import dev.asgd.fokkerplanck.linalg.Gmres;
import dev.asgd.fokkerplanck.linalg.LinearOperator;

/**
 * The slowest eigenvalues of the discrete generator G by shift-invert Arnoldi with shift 0 on the
 * mass-free subspace {h : h_0 = 0}, which G maps into itself (its row of the constant vanishes),
 * so the null eigenvalue of the steady state is excluded by construction. Each Arnoldi step solves
 * G y = v by GMRES preconditioned with G0's blocks (as for the steady state); the Ritz values
 * theta of G^-1 give lambda = 1 / theta, largest |theta| = smallest |lambda| first, and each Ritz
 * vector's Hermite degree distribution is kept. Modified Gram-Schmidt is applied twice.
 */
public final class SlowModes {
    private SlowModes() {
    }

    /**
     * @param operator the generator
     * @param krylov the Krylov dimension
     * @return rows {re, im, dominant degree, relative residual estimate, parity (0 even, 1 odd)} of the Ritz
     *     values
     */
    public static double[][] compute(HermiteGalerkinOperator operator, int krylov) {
        int n = operator.size();
        int m = Math.min(krylov, n - 1);
        LinearOperator a = (x, y) -> {
            operator.apply(x, y);
            y[0] = x[0];
        };
        LinearOperator p = operator.blockSolver(0, -1);
        Gmres gmres = new Gmres(60, 20000, 1e-14);
        double[][] v = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        double[] start = new double[n];
        // A start vector with every degree present: 1 / (1 + k) on each function of total degree k.
        double s = 0;
        for (int i = 1; i < n; i++) {
            start[i] = (1 + 0.1 * Math.sin(i)) / (1 + operator.basis().totalDegree(i));
            s += start[i] * start[i];
        }
        scale(start, 1 / Math.sqrt(s));
        v[0] = start;
        int built = m;
        for (int j = 0; j < m; j++) {
            double[] w = new double[n];
            gmres.solve(a, p, v[j], w);
            w[0] = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double d = Vectors.dot(w, v[i]);
                    h[i][j] += d;
                    axpy(-d, v[i], w);
                }
            }
            double norm = Math.sqrt(Vectors.dot(w, w));
            h[j + 1][j] = norm;
            if (norm < 1e-14) {
                built = j + 1;
                break;
            }
            scale(w, 1 / norm);
            v[j + 1] = w;
        }
        // Hipparchus' Schur iteration can fail to converge on the full Hessenberg matrix; a leading
        // k x k block is itself a valid Arnoldi factorisation, so retry with shorter ones.
        org.hipparchus.linear.EigenDecompositionNonSymmetric eig = null;
        RuntimeException failure = null;
        for (int k = built; k >= Math.min(built, 8) && eig == null; k -= Math.max(1, k / 6)) {
            double[][] hm = new double[k][k];
            for (int i = 0; i < k; i++) {
                System.arraycopy(h[i], 0, hm[i], 0, k);
            }
            try {
                eig = new org.hipparchus.linear.EigenDecompositionNonSymmetric(
                        org.hipparchus.linear.MatrixUtils.createRealMatrix(hm), 1e-15);
                built = k;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (eig == null) {
            throw failure;
        }
        org.hipparchus.complex.Complex[] theta = eig.getEigenvalues();
        double[][] out = new double[built][];
        HermiteBasis basis = operator.basis();
        for (int k = 0; k < built; k++) {
            org.hipparchus.complex.Complex t = theta[k];
            double mod2 = t.getReal() * t.getReal() + t.getImaginary() * t.getImaginary();
            double re = t.getReal() / mod2;
            double im = -t.getImaginary() / mod2;
            org.hipparchus.linear.FieldVector<org.hipparchus.complex.Complex> y = eig.getEigenvector(k);
            double[] byDegree = new double[basis.degree() + 1];
            double yNorm = 0;
            for (int c = 0; c < built; c++) {
                org.hipparchus.complex.Complex z = y.getEntry(c);
                yNorm += z.getReal() * z.getReal() + z.getImaginary() * z.getImaginary();
            }
            for (int i = 1; i < n; i++) {
                double xr = 0;
                double xi = 0;
                for (int c = 0; c < built; c++) {
                    xr += v[c][i] * y.getEntry(c).getReal();
                    xi += v[c][i] * y.getEntry(c).getImaginary();
                }
                byDegree[basis.totalDegree(i)] += xr * xr + xi * xi;
            }
            int best = 1;
            for (int d = 1; d < byDegree.length; d++) {
                if (byDegree[d] > byDegree[best]) {
                    best = d;
                }
            }
            // Arnoldi residual of the Ritz pair: h_{m+1,m} |last component of y| / |y|, relative to |theta|.
            double last = h[built][built - 1]
                    * y.getEntry(built - 1).norm() / Math.sqrt(yNorm);
            double even = 0;
            double odd = 0;
            for (int d = 1; d < byDegree.length; d++) {
                if (d % 2 == 0) {
                    even += byDegree[d];
                } else {
                    odd += byDegree[d];
                }
            }
            out[k] = new double[] {re, im, best, last / Math.sqrt(mod2), even >= odd ? 0 : 1};
        }
        return out;
    }


    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }
}
