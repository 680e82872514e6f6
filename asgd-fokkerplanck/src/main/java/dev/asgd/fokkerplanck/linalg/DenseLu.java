package dev.asgd.fokkerplanck.linalg;

/**
 * LU factorisation with partial pivoting of a small dense matrix, solved in place without
 * allocation. Used for the many small blocks of the block-diagonal preconditioner, which are
 * solved thousands of times per run; Hipparchus' LUDecomposition allocates a vector per solve.
 */
public final class DenseLu {
    private final double[][] lu;
    private final int[] pivot;

    /**
     * @param a the matrix (copied)
     * @throws ArithmeticException if it is singular to working precision
     */
    public DenseLu(double[][] a) {
        int n = a.length;
        lu = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
        }
        pivot = new int[n];
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                    p = i;
                }
            }
            pivot[k] = p;
            double[] t = lu[k];
            lu[k] = lu[p];
            lu[p] = t;
            double d = lu[k][k];
            if (d == 0 || !Double.isFinite(d)) {
                throw new ArithmeticException("singular block of size " + n);
            }
            for (int i = k + 1; i < n; i++) {
                double f = lu[i][k] / d;
                lu[i][k] = f;
                if (f != 0) {
                    double[] ri = lu[i];
                    double[] rk = lu[k];
                    for (int j = k + 1; j < n; j++) {
                        ri[j] -= f * rk[j];
                    }
                }
            }
        }
    }

    /**
     * Solves A y = b in place; only the first n entries of b are used.
     *
     * @param b the right-hand side, overwritten with the solution
     */
    public void solveInPlace(double[] b) {
        int n = lu.length;
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            double s = b[i];
            double[] r = lu[i];
            for (int j = 0; j < i; j++) {
                s -= r[j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            double[] r = lu[i];
            for (int j = i + 1; j < n; j++) {
                s -= r[j] * b[j];
            }
            b[i] = s / r[i];
        }
    }
}
