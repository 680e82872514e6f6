package dev.asgd.theory.sampled;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;

/**
 * Exact mean and second moment of ASGD on sampled least squares ({@link SampledQuadratic}) with
 * i.i.d. staleness p_0..p_L: u_{k+1} = u_k - eta (H_B u_{k - tau_k} + c_B), reads before step 0
 * returning u_0. With m_k = E u_k, C_ij = E[u_{k-i} u_{k-j}^T], mbar = sum_l p_l m_{k-l},
 * Xbar = sum_l p_l C_ll and T(v) = E[H_B v c_B^T]:
 * <pre>
 *   m_{k+1}              = m_k - eta H mbar
 *   E[u_{k+1} u_{k-j}^T] = C_0j - eta H sum_l p_l C_lj                                 (j = 0..L-1)
 *   E[u_{k+1} u_{k+1}^T] = C_00 - eta sum_l p_l (H C_l0 + C_0l H) + eta^2 E[H_B Xbar H_B]
 *                          + eta^2 (T(mbar) + T(mbar)^T) + eta^2 E[c_B c_B^T]
 * </pre>
 * and the rest of C shifts by one lag. The noise terms follow because (H_B, c_B, tau_k) are
 * independent of the past and E c_B = 0: E[u_k c_B^T] = 0, and the only surviving third-order term
 * is E[H_B u_{k-tau} c_B^T] = T(mbar). The state is kept in the eigenbasis of H ({@link LagCovariance});
 * a step costs about nnz(p) L p^2 multiply-adds (p = 21, L = 40, 40 lags: see the README for the
 * measured time). Mutable, not thread-safe.
 */
public final class SampledMoments {
    private final SampledQuadratic model;
    private final double eta;
    private final StalenessLaw law;
    private final LagCovariance cov;
    /** means[slot] = m at that slot (eigenbasis), p each. */
    private final double[] means;
    private final double[] mbar;
    private final double[] forcing;
    private long steps;

    private SampledMoments(SampledQuadratic model, double eta, StalenessLaw law, double[] u0) {
        this.model = model;
        this.eta = eta;
        this.law = law;
        this.cov = new LagCovariance(model, eta, law);
        int p = model.dimension();
        int w = law.support();
        double[] e0 = model.vectorToEigen(u0);
        this.means = new double[w * p];
        for (int s = 0; s < w; s++) {
            System.arraycopy(e0, 0, means, s * p, p);
        }
        double[] outer = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                outer[a * p + b] = e0[a] * e0[b];
            }
        }
        for (int blk = 0; blk < w * w; blk++) {
            System.arraycopy(outer, 0, cov.cov, blk * p * p, p * p);
        }
        this.mbar = new double[p];
        this.forcing = new double[p * p];
    }

    /**
     * @param model the sampled least-squares model
     * @param eta the learning rate &gt; 0
     * @param pmf the staleness pmf p_0..p_L (&gt;= 0, finite, positive sum; normalised here)
     * @param u0 theta_0 - theta* (p entries)
     * @return the moments at step 0
     */
    public static SampledMoments start(SampledQuadratic model, double eta, double[] pmf, double[] u0) {
        if (model == null) {
            throw new InvalidParameterException("model", "null", "a SampledQuadratic");
        }
        Require.positiveFinite(eta, "eta");
        StalenessLaw law = StalenessLaw.of(pmf);
        int p = model.dimension();
        if (u0 == null || u0.length != p) {
            throw new InvalidParameterException("u0", u0 == null ? "null" : u0.length + " values",
                    p + " values (the model's dimension)");
        }
        for (int a = 0; a < p; a++) {
            Require.finite(u0[a], "u0");
        }
        return new SampledMoments(model, eta, law, u0.clone());
    }

    /** Advances one step. */
    public void step() {
        int p = model.dimension();
        double[] lambda = model.lambda();
        java.util.Arrays.fill(mbar, 0);
        int[] lags = law.lags();
        double[] probs = law.probs();
        for (int q = 0; q < lags.length; q++) {
            int off = cov.slot(lags[q]) * p;
            for (int a = 0; a < p; a++) {
                mbar[a] += probs[q] * means[off + a];
            }
        }
        double e2 = eta * eta;
        double[] noise = model.gradientNoise();
        for (int e = 0; e < p * p; e++) {
            forcing[e] = e2 * noise[e];
        }
        model.addThirdMoment(mbar, e2, forcing);
        int now = cov.slot(0) * p;
        cov.advance(forcing);
        int next = cov.slot(0) * p;
        for (int a = 0; a < p; a++) {
            means[next + a] = means[now + a] - eta * lambda[a] * mbar[a];
        }
        steps++;
    }

    /** @return the number of steps taken */
    public long steps() {
        return steps;
    }

    /** @return E u_k in the original basis */
    public double[] mean() {
        int p = model.dimension();
        double[] m = new double[p];
        System.arraycopy(means, cov.slot(0) * p, m, 0, p);
        return model.vectorFromEigen(m);
    }

    /** @return E[u_k u_k^T], p x p row-major, original basis */
    public double[] secondMoment() {
        int pp = model.dimension() * model.dimension();
        double[] x = new double[pp];
        System.arraycopy(cov.cov, cov.block(0, 0), x, 0, pp);
        return model.fromEigen(x);
    }

    /**
     * @param hEval a symmetric p x p matrix, row-major (original basis)
     * @param gEval a vector of p entries
     * @return E[gEval . u_k + u_k^T hEval u_k / 2] = gEval . m_k + tr(hEval E[u_k u_k^T]) / 2
     */
    public double expectedQuadratic(double[] hEval, double[] gEval) {
        int p = model.dimension();
        if (hEval == null || hEval.length != p * p) {
            throw new InvalidParameterException("hEval", hEval == null ? "null" : hEval.length + " values",
                    p * p + " values (p x p)");
        }
        if (gEval == null || gEval.length != p) {
            throw new InvalidParameterException("gEval", gEval == null ? "null" : gEval.length + " values",
                    p + " values");
        }
        double[] m = mean();
        double[] s = secondMoment();
        double v = 0;
        for (int a = 0; a < p; a++) {
            v += gEval[a] * m[a];
        }
        double tr = 0;
        for (int e = 0; e < p * p; e++) {
            tr += hEval[e] * s[e];
        }
        return v + 0.5 * tr;
    }
}
