package dev.asgd.theory.sampled;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Least squares with minibatches sampled uniformly with replacement, by the moments of its rows
 * that exact ASGD moments need. Row i has the regressor z_i (the intercept's 1 included) and the
 * gradient c_i at the optimum theta*; the penalty is diag(D). With S_i = z_i z_i^T + D:
 * <pre>
 *   H          = (1/n) sum_i S_i = M2 + D,               M2 = (1/n) sum_i z_i z_i^T
 *   H_B        = (1/B) sum_b S_{i_b},   c_B = (1/B) sum_b c~_{i_b},   c~_i = c_i - (1/n) sum_j c_j
 *   E[H_B X H_B]     = H X H + (1/B) (F(X) - M2 X M2),   F(X)_ab = sum_cd M4_abcd X_cd,
 *                                                         M4_abcd = (1/n) sum_i z_ia z_ib z_ic z_id
 *   T(v) = E[H_B v c_B^T] = (1/B) sum_e M3_a e b v_e,    M3_aeb  = (1/n) sum_i z_ia z_ie c~_ib
 *   E[c_B c_B^T]     = (1/B) (1/n) sum_i c~_i c~_i^T
 * </pre>
 * The penalty cancels from E[S X S] - H X H and, as the c~ average to zero, from T. The caller's
 * c_i should average to zero (they are gradients at the optimum); their mean is subtracted here so
 * that rounding in theta* does not appear as a spurious drift (E c_B = 0 exactly in the model).
 *
 * <p>Everything is held in the eigenbasis of H (ascending eigenvalues), where H is diagonal: the
 * fully symmetric M4 is accumulated once over a &lt;= b &lt;= c &lt;= d (n C(p+3, 4) multiply-adds)
 * and unfolded into a p(p+1)/2 square matrix acting on the packed upper triangle of a symmetric X.
 * Dimensions above {@link #MAX_DIMENSION} are refused. Immutable and thread-safe.
 */
public final class SampledQuadratic {
    /** Largest parameter dimension p accepted (the unfolded M4 has (p(p+1)/2)^2 entries). */
    public static final int MAX_DIMENSION = 40;

    private final int p;
    private final int n;
    private final int batch;
    /** Eigenvalues of H, ascending. */
    private final double[] lambda;
    /** Eigenvectors of H as columns, p x p row-major: original = Q eigen. */
    private final double[] q;
    private final double[] hessian;
    /** M2 in the eigenbasis, p x p. */
    private final double[] m2;
    /** (1/B) M4 unfolded on packed pairs, with the off-diagonal pairs of X weighted 2. */
    private final double[] g4;
    /**
     * The positive map X -&gt; E[(H_B - H) X (H_B - H)] = (F(X) - M2 X M2) / B on packed symmetric X
     * (pairs x pairs, off-diagonal columns weighted 2).
     */
    private final double[] noiseMap;
    /** (1/B) M3 in the eigenbasis: m3[(a p + e) p + b]. */
    private final double[] m3;
    /** (1/B) covariance of the c~ in the eigenbasis. */
    private final double[] noise;

    private SampledQuadratic(int p, int n, int m, int batch, double[] rows, double[] grads, double[] penalty) {
        this.p = p;
        this.n = n;
        this.batch = batch;
        double[] mean = new double[p];
        double[] second = new double[p * p];
        for (int i = 0; i < n; i++) {
            int o = i * p;
            for (int a = 0; a < p; a++) {
                mean[a] += grads[o + a];
            }
            for (int j = 0; j < m; j++) {
                int f = (i * m + j) * p;
                for (int a = 0; a < p; a++) {
                    double za = rows[f + a];
                    for (int b = a; b < p; b++) {
                        second[a * p + b] += za * rows[f + b];
                    }
                }
            }
        }
        double[] h = new double[p * p];
        for (int a = 0; a < p; a++) {
            mean[a] /= n;
            for (int b = a; b < p; b++) {
                double v = second[a * p + b] / n;
                second[a * p + b] = v;
                second[b * p + a] = v;
                h[a * p + b] = v;
                h[b * p + a] = v;
            }
            h[a * p + a] += penalty[a];
        }
        this.hessian = h;
        RealMatrix hm = MatrixUtils.createRealMatrix(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                hm.setEntry(a, b, h[a * p + b]);
            }
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(hm);
        double[] ev = eig.getEigenvalues();
        Integer[] order = new Integer[p];
        for (int a = 0; a < p; a++) {
            order[a] = a;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[x], ev[y]));
        this.lambda = new double[p];
        this.q = new double[p * p];
        for (int k = 0; k < p; k++) {
            lambda[k] = ev[order[k]];
            double[] v = eig.getEigenvector(order[k]).toArray();
            for (int a = 0; a < p; a++) {
                q[a * p + k] = v[a];
            }
        }
        this.m2 = toEigen(second);
        int pairs = p * (p + 1) / 2;
        if (m > 1) {
            double scale = 1.0 / ((double) n * batch);
            this.m3 = new double[p * p * p];
            this.noise = new double[p * p];
            this.g4 = new double[pairs * pairs];
            accumulateFactored(rows, grads, mean, m, scale);
            this.noiseMap = noiseMap(g4, m2, p, pairs, batch);
            return;
        }
        double[] m4 = new double[quadruples(p)];
        double[] m3raw = new double[p * p * p];
        double[] cov = new double[p * p];
        double[] z = new double[p];
        double[] c = new double[p];
        for (int i = 0; i < n; i++) {
            int o = i * p;
            for (int k = 0; k < p; k++) {
                double sz = 0;
                double sc = 0;
                for (int a = 0; a < p; a++) {
                    double qa = q[a * p + k];
                    sz += qa * rows[o + a];
                    sc += qa * (grads[o + a] - mean[a]);
                }
                z[k] = sz;
                c[k] = sc;
            }
            accumulateFourth(m4, z);
            for (int a = 0; a < p; a++) {
                double za = z[a];
                double ca = c[a];
                for (int e = a; e < p; e++) {
                    double s = za * z[e];
                    int base = (a * p + e) * p;
                    for (int b = 0; b < p; b++) {
                        m3raw[base + b] += s * c[b];
                    }
                    cov[a * p + e] += ca * c[e];
                }
            }
        }
        double scale = 1.0 / ((double) n * batch);
        this.m3 = new double[p * p * p];
        this.noise = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int e = a; e < p; e++) {
                for (int b = 0; b < p; b++) {
                    double v = m3raw[(a * p + e) * p + b] * scale;
                    m3[(a * p + e) * p + b] = v;
                    m3[(e * p + a) * p + b] = v;
                }
                double v = cov[a * p + e] * scale;
                noise[a * p + e] = v;
                noise[e * p + a] = v;
            }
        }
        this.g4 = unfold(m4, p, pairs, scale);
        this.noiseMap = noiseMap(g4, m2, p, pairs, batch);
    }

    /** @return (F(X) - M2 X M2) / B as a matrix on packed X, from (1/B) F and M2 */
    private static double[] noiseMap(double[] g4, double[] m2, int p, int pairs, int batch) {
        double[] out = g4.clone();
        double invB = 1.0 / batch;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                int row = pair(a, b, p) * pairs;
                for (int c = 0; c < p; c++) {
                    for (int d = c; d < p; d++) {
                        double v = m2[a * p + c] * m2[d * p + b];
                        if (d != c) {
                            v += m2[a * p + d] * m2[c * p + b];
                        }
                        out[row + pair(c, d, p)] -= invB * v;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Rows with m factors each (S_i = sum_j r_ij r_ij^T, not rank one): (1/B) F as
     * g4[(a, b), (c, d)] = (1/n) sum_i (S_ac S_bd + S_ad S_bc) (c &lt; d; S_ac S_bc for c = d), M3 as
     * (1/n) sum_i S_ae c~_b and the covariance of the c~, all in the eigenbasis.
     */
    private void accumulateFactored(double[] rows, double[] grads, double[] mean, int m, double scale) {
        int pairs = p * (p + 1) / 2;
        double[] z = new double[p];
        double[] c = new double[p];
        double[] s = new double[p * p];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(s, 0);
            for (int j = 0; j < m; j++) {
                int f = (i * m + j) * p;
                for (int k = 0; k < p; k++) {
                    double sz = 0;
                    for (int a = 0; a < p; a++) {
                        sz += q[a * p + k] * rows[f + a];
                    }
                    z[k] = sz;
                }
                for (int a = 0; a < p; a++) {
                    for (int b = a; b < p; b++) {
                        s[a * p + b] += z[a] * z[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    s[a * p + b] = s[b * p + a];
                }
            }
            int o = i * p;
            for (int k = 0; k < p; k++) {
                double sc = 0;
                for (int a = 0; a < p; a++) {
                    sc += q[a * p + k] * (grads[o + a] - mean[a]);
                }
                c[k] = sc;
            }
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    int row = pair(a, b, p) * pairs;
                    for (int cc = 0; cc < p; cc++) {
                        double sac = s[a * p + cc];
                        double sbc = s[b * p + cc];
                        g4[row + pair(cc, cc, p)] += scale * sac * sbc;
                        for (int d = cc + 1; d < p; d++) {
                            g4[row + pair(cc, d, p)] += scale * (sac * s[b * p + d] + s[a * p + d] * sbc);
                        }
                    }
                    noise[a * p + b] += scale * c[a] * c[b];
                    double sab = s[a * p + b];
                    for (int e = 0; e < p; e++) {
                        m3[(a * p + b) * p + e] += scale * sab * c[e];
                    }
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                noise[b * p + a] = noise[a * p + b];
                System.arraycopy(m3, (a * p + b) * p, m3, (b * p + a) * p, p);
            }
        }
    }

    /** @return C(p + 3, 4), the number of a &lt;= b &lt;= c &lt;= d */
    private static int quadruples(int p) {
        return p * (p + 1) * (p + 2) * (p + 3) / 24;
    }

    /** m4[t] += z_a z_b z_c z_d over a &lt;= b &lt;= c &lt;= d in lexicographic order t. */
    private static void accumulateFourth(double[] m4, double[] z) {
        int p = z.length;
        int t = 0;
        for (int a = 0; a < p; a++) {
            double za = z[a];
            for (int b = a; b < p; b++) {
                double zab = za * z[b];
                for (int c = b; c < p; c++) {
                    double zabc = zab * z[c];
                    int off = t - c;
                    for (int d = c; d < p; d++) {
                        m4[off + d] += zabc * z[d];
                    }
                    t += p - c;
                }
            }
        }
    }

    /** Index of the pair (a, b), a &lt;= b, in the packed upper triangle. */
    static int pair(int a, int b, int p) {
        return a * p - a * (a - 1) / 2 + (b - a);
    }

    private static double[] unfold(double[] m4, int p, int pairs, double scale) {
        double[] g = new double[pairs * pairs];
        int t = 0;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                for (int c = b; c < p; c++) {
                    for (int d = c; d < p; d++) {
                        double v = m4[t++] * scale;
                        int ab = pair(a, b, p);
                        int cd = pair(c, d, p);
                        int ac = pair(a, c, p);
                        int bd = pair(b, d, p);
                        int ad = pair(a, d, p);
                        int bc = pair(b, c, p);
                        g[ab * pairs + cd] = v;
                        g[cd * pairs + ab] = v;
                        g[ac * pairs + bd] = v;
                        g[bd * pairs + ac] = v;
                        g[ad * pairs + bc] = v;
                        g[bc * pairs + ad] = v;
                    }
                }
            }
        }
        // X symmetric: column (c, d), c < d, stands for X_cd and X_dc
        for (int c = 0; c < p; c++) {
            for (int d = c + 1; d < p; d++) {
                int cd = pair(c, d, p);
                for (int r = 0; r < pairs; r++) {
                    g[r * pairs + cd] *= 2;
                }
            }
        }
        return g;
    }

    /**
     * @param rows the regressors z_i (the intercept's 1 included), n x p row-major
     * @param gradientsAtOptimum the per-row gradients c_i at theta*, n x p row-major (their mean is
     *     subtracted)
     * @param penalty the diagonal D of the ridge penalty (p entries &gt;= 0)
     * @param batch the minibatch size B &gt;= 1 (rows drawn uniformly with replacement)
     * @return the model
     */
    public static SampledQuadratic of(double[] rows, double[] gradientsAtOptimum, double[] penalty, int batch) {
        Require.atLeast(batch, 1, "batch");
        double[] d = Require.nonNegativeFiniteAll(penalty, "penalty");
        int p = d.length;
        if (p > MAX_DIMENSION) {
            throw new InvalidParameterException("dimension", p, "p <= " + MAX_DIMENSION
                    + " (the fourth-moment tensor of the rows has (p(p+1)/2)^2 entries)");
        }
        if (rows == null || rows.length == 0 || rows.length % p != 0) {
            throw new InvalidParameterException("rows", rows == null ? "null" : rows.length + " values",
                    "n x p values with n >= 1 and p = " + p + " (the length of penalty)");
        }
        if (gradientsAtOptimum == null || gradientsAtOptimum.length != rows.length) {
            throw new InvalidParameterException("gradientsAtOptimum",
                    gradientsAtOptimum == null ? "null" : gradientsAtOptimum.length + " values",
                    rows.length + " values (one per entry of rows)");
        }
        finiteAll(rows, "rows");
        finiteAll(gradientsAtOptimum, "gradientsAtOptimum");
        return new SampledQuadratic(p, rows.length / p, 1, batch, rows, gradientsAtOptimum, d);
    }

    /**
     * Rows whose Hessian is not rank one: sample i's Hessian is S_i + D with S_i = sum_j r_ij r_ij^T
     * over its m factors (softmax: K of them). E[S X S] then needs the pairs S_ac S_bd instead of
     * the fourth moments of one row; everything else is as in {@link #of}. m = 1 is {@link #of}.
     *
     * @param factors the factors r_ij, n x m x p row-major (sample i's m factors together)
     * @param factorsPerRow m &gt;= 1
     * @param gradientsAtOptimum the per-sample gradients c_i at theta*, n x p row-major
     * @param penalty the diagonal D (p entries &gt;= 0)
     * @param batch the minibatch size B &gt;= 1
     * @return the model
     */
    public static SampledQuadratic ofFactors(double[] factors, int factorsPerRow, double[] gradientsAtOptimum,
            double[] penalty, int batch) {
        int m = Require.atLeast(factorsPerRow, 1, "factorsPerRow");
        if (m == 1) {
            return of(factors, gradientsAtOptimum, penalty, batch);
        }
        Require.atLeast(batch, 1, "batch");
        double[] d = Require.nonNegativeFiniteAll(penalty, "penalty");
        int p = d.length;
        if (p > MAX_DIMENSION) {
            throw new InvalidParameterException("dimension", p, "p <= " + MAX_DIMENSION);
        }
        if (gradientsAtOptimum == null || gradientsAtOptimum.length == 0 || gradientsAtOptimum.length % p != 0) {
            throw new InvalidParameterException("gradientsAtOptimum",
                    gradientsAtOptimum == null ? "null" : gradientsAtOptimum.length + " values",
                    "n x p values with n >= 1 and p = " + p + " (the length of penalty)");
        }
        int n = gradientsAtOptimum.length / p;
        if (factors == null || factors.length != (long) n * m * p) {
            throw new InvalidParameterException("factors", factors == null ? "null" : factors.length + " values",
                    ((long) n * m * p) + " values (n x m x p)");
        }
        finiteAll(factors, "factors");
        finiteAll(gradientsAtOptimum, "gradientsAtOptimum");
        return new SampledQuadratic(p, n, m, batch, factors, gradientsAtOptimum, d);
    }

    private static void finiteAll(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new InvalidParameterException(name, "entry " + i + " = " + v[i], "finite values");
            }
        }
    }

    /** @return p */
    public int dimension() {
        return p;
    }

    /** @return n */
    public int rows() {
        return n;
    }

    /** @return B */
    public int batch() {
        return batch;
    }

    /** @return the eigenvalues of H, ascending (a copy) */
    public double[] hessianEigenvalues() {
        return lambda.clone();
    }

    /** @return H, p x p row-major (a copy) */
    public double[] hessian() {
        return hessian.clone();
    }

    /** @return the eigenvalues, not copied (package use) */
    double[] lambda() {
        return lambda;
    }

    /** @return E[(H_B - H) X (H_B - H)] as a matrix on packed symmetric X, not copied */
    double[] noiseMap() {
        return noiseMap;
    }

    /** @return (1/B) E[c~ c~^T] in the eigenbasis, not copied */
    double[] gradientNoise() {
        return noise;
    }

    /** @return a vector in the eigenbasis: Q^T v */
    double[] vectorToEigen(double[] v) {
        double[] out = new double[p];
        for (int k = 0; k < p; k++) {
            double s = 0;
            for (int a = 0; a < p; a++) {
                s += q[a * p + k] * v[a];
            }
            out[k] = s;
        }
        return out;
    }

    /** @return a vector in the original basis: Q v */
    double[] vectorFromEigen(double[] v) {
        double[] out = new double[p];
        for (int a = 0; a < p; a++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += q[a * p + k] * v[k];
            }
            out[a] = s;
        }
        return out;
    }

    /** @return Q^T X Q */
    double[] toEigen(double[] x) {
        return sandwich(x, true);
    }

    /** @return Q X Q^T */
    double[] fromEigen(double[] x) {
        return sandwich(x, false);
    }

    private double[] sandwich(double[] x, boolean toEigen) {
        // y = R^T x R with R = Q (toEigen) or R = Q^T
        double[] t = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += x[a * p + b] * (toEigen ? q[b * p + k] : q[k * p + b]);
                }
                t[a * p + k] = s;
            }
        }
        double[] y = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int a = 0; a < p; a++) {
                    s += (toEigen ? q[a * p + j] : q[j * p + a]) * t[a * p + k];
                }
                y[j * p + k] = s;
            }
        }
        return y;
    }

    /**
     * out += scale E[H_B X H_B] for symmetric X in the eigenbasis:
     * scale (lambda_a lambda_b X_ab + F(X)_ab / B - (M2 X M2)_ab / B).
     *
     * @param x symmetric p x p
     * @param scale the factor
     * @param out p x p, accumulated into (kept exactly symmetric)
     * @param work at least p (p + 1) / 2 + p^2 doubles
     */
    void addCurvatureNoise(double[] x, double scale, double[] out, double[] work) {
        int pairs = p * (p + 1) / 2;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                work[pair(a, b, p)] = x[a * p + b];
            }
        }
        // work[pairs..]: M2 X
        int t = pairs;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int c = 0; c < p; c++) {
                    s += m2[a * p + c] * x[c * p + b];
                }
                work[t + a * p + b] = s;
            }
        }
        double invB = 1.0 / batch;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                int row = pair(a, b, p) * pairs;
                double f = 0;
                for (int r = 0; r < pairs; r++) {
                    f += g4[row + r] * work[r];
                }
                double mxm = 0;
                for (int c = 0; c < p; c++) {
                    mxm += work[t + a * p + c] * m2[c * p + b];
                }
                double v = scale * (lambda[a] * lambda[b] * x[a * p + b] + f - invB * mxm);
                out[a * p + b] += v;
                if (b != a) {
                    out[b * p + a] += v;
                }
            }
        }
    }

    /**
     * out += scale (T(v) + T(v)^T) in the eigenbasis, T(v)_ab = (1/B) sum_e M3_aeb v_e.
     *
     * @param v a vector in the eigenbasis
     * @param scale the factor
     * @param out p x p, accumulated into
     */
    void addThirdMoment(double[] v, double scale, double[] out) {
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double tab = 0;
                double tba = 0;
                for (int e = 0; e < p; e++) {
                    tab += m3[(a * p + e) * p + b] * v[e];
                    tba += m3[(b * p + e) * p + a] * v[e];
                }
                double s = scale * (tab + tba);
                out[a * p + b] += s;
                if (b != a) {
                    out[b * p + a] += s;
                }
            }
        }
    }
}
