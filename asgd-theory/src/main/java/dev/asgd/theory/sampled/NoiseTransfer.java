package dev.asgd.theory.sampled;

/**
 * The eigenproblem of the homogeneous second-moment map T reduced to the p(p+1)/2 coordinates of
 * the noise it injects. Split one step T = T_det + T_noise: T_det(C) = Abar C Abar^T is the square of
 * the mean dynamics (Abar = E A, the lag-averaged companion), a positive map of radius
 * r_det = (mean radius)^2; T_noise adds to C_00 the injection
 * <pre>
 *   N = eta^2 Lambda (Xbar - W) Lambda + eta^2 E[(H_B - H) Xbar (H_B - H)],
 *   Xbar = sum_l p_l C_ll,   W = sum_{l,m} p_l p_m C_lm
 * </pre>
 * (the staleness' and the minibatch's variance, both positive maps). For real z &gt; r_det an
 * eigenvector of T has C_ij = z^{-min(i,j)} R_{|i-j|} (R_d = C_0d, R_d^T below the diagonal), and
 * T_det decouples into the entry pairs (a, b), (b, a) of the eigenbasis: for each pair, with
 * x_d = R_d[a,b], y_d = R_d[b,a] (y_0 = x_0) and e_lm = z^{-min(l,m)} (l &lt;= m ? x_{m-l} : y_{l-m})
 * the (a, b) entry of C_lm,
 * <pre>
 *   z x_{j+1} = x_j - eta lambda_a sum_l p_l e_lj                                   (j &lt; L)
 *   z y_{j+1} = y_j - eta lambda_b sum_l p_l e^T_lj     (e^T: x and y swapped)       (j &lt; L)
 *   (z - 1) x_0 + eta sum_l p_l (lambda_a y_l + lambda_b x_l)
 *             - eta^2 lambda_a lambda_b sum_{l,m} p_l p_m e_lm = N_ab
 * </pre>
 * a (2L + 1)-dimensional linear system. Its solution for N_ab = 1 gives kappa_ab = x_0 and
 * w_ab = sum_{l,m} p_l p_m e_lm, so Xbar_ab = phi(z) kappa_ab N_ab with phi(z) = sum_l p_l z^{-l} and
 * the eigen-equation becomes N = K_z(N) with the positive map
 * <pre>
 *   K_z(N) = eta^2 lambda_a lambda_b (phi kappa - w) o N + eta^2 E[(H_B - H) (phi kappa o N) (H_B - H)]
 * </pre>
 * (o: entrywise product). By the regular-splitting lemma, for z &gt; r_det: radius(T) &lt; z iff
 * radius(K_z) &lt; 1, with radius(K_z) decreasing in z. So radius(T) is the root of radius(K_z) = 1
 * above r_det, or r_det when there is none; and radius(T) = 1 iff radius(K_1) = 1 when r_det &lt; 1.
 */
final class NoiseTransfer {
    private final SampledQuadratic model;
    private final int[] lags;
    private final double[] probs;
    private final int lmax;
    private final double eta;
    private final double[] lambda;
    private final int p;
    private final int pairs;
    private final double[] system;
    private final double[] zinv;

    NoiseTransfer(SampledQuadratic model, StalenessLaw law, double eta) {
        this.model = model;
        this.lags = law.lags();
        this.probs = law.probs();
        this.lmax = law.support() - 1;
        this.eta = eta;
        this.lambda = model.lambda();
        this.p = model.dimension();
        this.pairs = p * (p + 1) / 2;
        int m = 2 * lmax + 1;
        this.system = new double[m * m];
        this.zinv = new double[lmax + 1];
    }

    /** @return p(p+1)/2, the size of K_z */
    int size() {
        return pairs;
    }

    /**
     * @param z a real z above r_det
     * @return K_z as a pairs x pairs matrix acting on packed symmetric X (off-diagonal columns weighted 2)
     */
    double[] kernel(double z) {
        double phi = 0;
        zinv[0] = 1;
        for (int k = 1; k <= lmax; k++) {
            zinv[k] = zinv[k - 1] / z;
        }
        for (int q = 0; q < lags.length; q++) {
            phi += probs[q] * zinv[lags[q]];
        }
        double[] g = model.noiseMap();
        double[] k = new double[pairs * pairs];
        double e2 = eta * eta;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double kappa = transfer(z, lambda[a], lambda[b]);
                int r = SampledQuadratic.pair(a, b, p);
                // column r of K_z: the response to a unit N_ab, i.e. (phi kappa)_ab scales column r of G
                double xbar = phi * kappa;
                for (int row = 0; row < pairs; row++) {
                    k[row * pairs + r] = e2 * xbar * g[row * pairs + r];
                }
                k[r * pairs + r] += e2 * lambda[a] * lambda[b] * (xbar - lagMix);
            }
        }
        return k;
    }

    /**
     * kappa_ab(z) = x_0 of the pair system with N_ab = 1, leaving w_ab in {@link #lagMix}
     * ({@link #zinv} must hold z^{-k}).
     */
    double transfer(double z, double la, double lb) {
        int lm = lmax;
        int m = 2 * lm + 1;
        double[] s = system;
        java.util.Arrays.fill(s, 0);
        // row 0: (z - 1) x_0 + eta sum_l p_l (la y_l + lb x_l) - eta^2 la lb sum_{l,m} p_l p_m e_lm
        s[0] = z - 1;
        double e2 = eta * eta * la * lb;
        for (int q = 0; q < lags.length; q++) {
            int l = lags[q];
            double pl = probs[q];
            s[xIndex(l)] += eta * lb * pl;
            s[yIndex(l)] += eta * la * pl;
            for (int r = 0; r < lags.length; r++) {
                int m2 = lags[r];
                double c = e2 * pl * probs[r] * zinv[Math.min(l, m2)];
                s[l <= m2 ? xIndex(m2 - l) : yIndex(l - m2)] -= c;
            }
        }
        for (int j = 0; j < lm; j++) {
            int rx = (1 + j) * m;
            int ry = (1 + lm + j) * m;
            s[rx + xIndex(j + 1)] += z;
            s[rx + xIndex(j)] -= 1;
            s[ry + yIndex(j + 1)] += z;
            s[ry + yIndex(j)] -= 1;
            for (int q = 0; q < lags.length; q++) {
                int l = lags[q];
                double w = probs[q] * zinv[Math.min(l, j)] * eta;
                if (l <= j) {
                    s[rx + xIndex(j - l)] += la * w;
                    s[ry + yIndex(j - l)] += lb * w;
                } else {
                    s[rx + yIndex(l - j)] += la * w;
                    s[ry + xIndex(l - j)] += lb * w;
                }
            }
        }
        double[] x = solve(s, m);
        double mix = 0;
        for (int q = 0; q < lags.length; q++) {
            int l = lags[q];
            for (int r = 0; r < lags.length; r++) {
                int m2 = lags[r];
                mix += probs[q] * probs[r] * zinv[Math.min(l, m2)] * x[l <= m2 ? xIndex(m2 - l) : yIndex(l - m2)];
            }
        }
        lagMix = mix;
        return x[0];
    }

    /** w_ab of the last {@link #transfer}: sum_{l,m} p_l p_m e_lm for a unit N_ab. */
    private double lagMix;

    private static int xIndex(int d) {
        return d;
    }

    private int yIndex(int d) {
        return d == 0 ? 0 : lmax + d;
    }

    /**
     * @return the solution of S x = e_0 (Gaussian elimination with partial pivoting on row arrays, so
     *     that a swap is a pointer swap and the update loop runs over two distinct arrays)
     */
    static double[] solve(double[] s, int m) {
        double[][] a = new double[m][];
        for (int r = 0; r < m; r++) {
            a[r] = new double[m + 1];
            System.arraycopy(s, r * m, a[r], 0, m);
        }
        a[0][m] = 1;
        for (int c = 0; c < m; c++) {
            int piv = c;
            double best = Math.abs(a[c][c]);
            for (int r = c + 1; r < m; r++) {
                double v = Math.abs(a[r][c]);
                if (v > best) {
                    best = v;
                    piv = r;
                }
            }
            double[] rc = a[piv];
            a[piv] = a[c];
            a[c] = rc;
            double d = rc[c];
            if (d == 0) {
                double[] inf = new double[m];
                java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
                return inf;
            }
            double inv = 1 / d;
            for (int r = c + 1; r < m; r++) {
                double[] rr = a[r];
                double f = rr[c] * inv;
                if (f != 0) {
                    for (int k = c + 1; k <= m; k++) {
                        rr[k] -= f * rc[k];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double[] rr = a[r];
            double v = rr[m];
            for (int k = r + 1; k < m; k++) {
                v -= rr[k] * x[k];
            }
            x[r] = v / rr[r];
        }
        return x;
    }
}
