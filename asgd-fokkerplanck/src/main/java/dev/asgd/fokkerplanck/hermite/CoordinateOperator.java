package dev.asgd.fokkerplanck.hermite;

import dev.asgd.core.perturbation.Perturbation;

/**
 * The generator of (3.2) for one coordinate's phase space (x, v), in the orthonormal Hermite
 * basis phi_m(xi) phi_n(eta) of the weight M, with the scaled variables
 * xi = sqrt(beta) omega0 x and eta = sqrt(beta) v (M is the standard normal law in them):
 * <pre>
 *   -T = -omega0 (a_eta^+ a_xi - a_xi^+ a_eta),   L = -gamma a_eta^+ a_eta,
 *   R  = -sqrt(beta) A^+ E,   A^+ = omega0 a_xi^+ - gamma a_eta^+,   E = multiplication by eps(theta),
 *   theta = -(v + gamma x) / omega0^2 = -(eta + gamma xi / omega0) / (sqrt(beta) omega0^2).
 * </pre>
 * So G0 = -T + L maps phi_{m,n} to -omega0 sqrt(m (n+1)) phi_{m-1,n+1}
 * + omega0 sqrt((m+1) n) phi_{m+1,n-1} - gamma n phi_{m,n}: it keeps the total degree m + n.
 * R follows from R h = eps (grad_x h - gamma grad_v h) - beta eps (omega0^2 x - gamma v) h of (3.3)
 * with grad_x = sqrt(beta) omega0 a_xi, grad_v = sqrt(beta) a_eta and z - a = a^+; it equals
 * -sqrt(beta) E A^+ too, because A = omega0 d/dxi - gamma d/deta annihilates eps(theta). The form
 * A^+ E is used since its Galerkin truncation keeps the mass exactly (its row of phi_0 vanishes)
 * and needs E only up to degree N - 1 in the rows. E's entries come from tensor Gauss-Hermite
 * quadrature with sum factorisation (cost (N + 1)^2 q^2 + K^2 q for q nodes per variable).
 */
public final class CoordinateOperator {
    private final double omega0;
    private final double gamma;
    private final double beta;
    private final int degree;
    private final int size;
    private final double[][] r;
    private final int[] mOf;
    private final int[] nOf;

    /**
     * @param omega0 square root of the Hessian eigenvalue
     * @param gamma friction
     * @param beta inverse temperature
     * @param perturbation eps
     * @param degree the truncation degree N
     * @param quadratureNodes nodes per variable for E (at least N + 1)
     */
    public CoordinateOperator(double omega0, double gamma, double beta, Perturbation perturbation, int degree,
            int quadratureNodes) {
        this.omega0 = omega0;
        this.gamma = gamma;
        this.beta = beta;
        this.degree = degree;
        this.size = PairIndex.count(degree);
        this.mOf = new int[size];
        this.nOf = new int[size];
        for (int k = 0, i = 0; k <= degree; k++) {
            for (int n = 0; n <= k; n++, i++) {
                mOf[i] = k - n;
                nOf[i] = n;
            }
        }
        this.r = perturbation.isZero() ? null : perturbationMatrix(perturbation, Math.max(quadratureNodes, degree + 1));
    }

    /** @return the truncation degree N */
    public int degree() {
        return degree;
    }

    /** @return the number of pair functions of degree &lt;= N */
    public int size() {
        return size;
    }

    /** @return whether R is present (eps != 0) */
    public boolean perturbed() {
        return r != null;
    }

    /** @return omega0 */
    public double omega0() {
        return omega0;
    }

    /** @return beta */
    public double beta() {
        return beta;
    }

    /**
     * Adds alpha * G0 restricted to the first {@code len} indices of a fiber.
     *
     * @param in the input vector
     * @param out the output vector (accumulated)
     * @param fiber global indices of this coordinate's pair functions, in pair order
     * @param len the fiber's length
     * @param alpha the factor
     */
    public void addG0(double[] in, double[] out, int[] fiber, int len, double alpha) {
        for (int j = 0; j < len; j++) {
            double u = in[fiber[j]];
            if (u == 0) {
                continue;
            }
            int n = nOf[j];
            int m = mOf[j];
            if (m > 0) {
                out[fiber[j + 1]] -= alpha * omega0 * Math.sqrt(m * (n + 1.0)) * u;
            }
            if (n > 0) {
                out[fiber[j - 1]] += alpha * omega0 * Math.sqrt((m + 1.0) * n) * u;
                out[fiber[j]] -= alpha * gamma * n * u;
            }
        }
    }

    /**
     * @param row pair index
     * @param col pair index (same total degree for a non-zero entry)
     * @return the entry (row, col) of G0
     */
    public double g0(int row, int col) {
        int k = PairIndex.degree(col);
        if (PairIndex.degree(row) != k) {
            return 0;
        }
        int n = col - k * (k + 1) / 2;
        int m = k - n;
        if (row == col) {
            return -gamma * n;
        }
        if (row == col + 1 && m > 0) {
            return -omega0 * Math.sqrt(m * (n + 1.0));
        }
        if (row == col - 1 && n > 0) {
            return omega0 * Math.sqrt((m + 1.0) * n);
        }
        return 0;
    }

    /**
     * Adds alpha * R restricted to the first {@code len} indices of a fiber (no-op when eps = 0).
     *
     * @param in the input vector
     * @param out the output vector (accumulated)
     * @param fiber global indices of this coordinate's pair functions, in pair order
     * @param len the fiber's length
     * @param alpha the factor
     * @param scratch a work array of length &gt;= len
     */
    public void addR(double[] in, double[] out, int[] fiber, int len, double alpha, double[] scratch) {
        if (r == null) {
            return;
        }
        for (int j = 0; j < len; j++) {
            scratch[j] = in[fiber[j]];
        }
        for (int i = 1; i < len; i++) {
            double[] row = r[i];
            double s = 0;
            for (int j = 0; j < len; j++) {
                s += row[j] * scratch[j];
            }
            out[fiber[i]] += alpha * s;
        }
    }

    /**
     * @param row pair index
     * @param col pair index
     * @return the entry of R (0 when eps = 0)
     */
    public double r(int row, int col) {
        return r == null ? 0 : r[row][col];
    }

    private double[][] perturbationMatrix(Perturbation eps, int q) {
        GaussHermiteRule rule = GaussHermiteRule.of(q);
        double[] z = rule.nodes();
        double[] w = rule.weights();
        int n1 = degree + 1;
        double[][] phi = new double[q][n1];
        for (int p = 0; p < q; p++) {
            HermiteFunctions.values(z[p], phi[p]);
        }
        double sqrtBeta = Math.sqrt(beta);
        double scale = -1 / (sqrtBeta * omega0 * omega0);
        // Rows of E are needed up to degree N - 1 only (A^+ raises the degree by one).
        int rows = PairIndex.count(degree - 1);
        double[][] e = new double[rows][size];
        double[][] b = new double[n1][n1];
        double[] epsAt = new double[q];
        for (int qe = 0; qe < q; qe++) {
            for (int p = 0; p < q; p++) {
                double theta = scale * (z[qe] + gamma * z[p] / omega0);
                epsAt[p] = w[p] * eps.value(theta);
            }
            for (int m = 0; m < n1; m++) {
                for (int mm = m; mm < n1; mm++) {
                    double s = 0;
                    for (int p = 0; p < q; p++) {
                        s += epsAt[p] * phi[p][m] * phi[p][mm];
                    }
                    b[m][mm] = s;
                    b[mm][m] = s;
                }
            }
            double[] ph = phi[qe];
            for (int i = 0; i < rows; i++) {
                double wi = w[qe] * ph[nOf[i]];
                double[] bi = b[mOf[i]];
                double[] ei = e[i];
                for (int j = 0; j < size; j++) {
                    ei[j] += wi * ph[nOf[j]] * bi[mOf[j]];
                }
            }
        }
        double[][] out = new double[size][size];
        for (int i = 0; i < rows; i++) {
            int ni = nOf[i];
            int mi = mOf[i];
            int up = PairIndex.index(mi + 1, ni);
            int right = PairIndex.index(mi, ni + 1);
            double cu = -sqrtBeta * omega0 * Math.sqrt(mi + 1.0);
            double cr = sqrtBeta * gamma * Math.sqrt(ni + 1.0);
            for (int j = 0; j < size; j++) {
                out[up][j] += cu * e[i][j];
                out[right][j] += cr * e[i][j];
            }
        }
        return out;
    }
}
