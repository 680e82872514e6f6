package dev.asgd.theory.sampled;

import dev.asgd.theory.WeightedRowSum;

/**
 * The block covariance C_ij = E[u_{k-i} u_{k-j}^T], 0 &lt;= i, j &lt;= L, of the last L + 1 iterates
 * in the eigenbasis of H, advanced one step of ASGD with i.i.d. staleness p_0..p_L:
 * <pre>
 *   A_j        = sum_l p_l C_lj,          Xbar = sum_l p_l C_ll
 *   C'_{0,j+1} = C_0j - eta Lambda A_j                                   (j = 0..L-1)
 *   C'_00      = C_00 - eta (Lambda A_0 + A_0^T Lambda) + eta^2 E[H_B Xbar H_B] + forcing
 *   C'_{i+1,j+1} = C_ij
 * </pre>
 * The blocks live in a ring of L + 1 time slots (lag l at slot (cur + l) mod (L + 1)), so the shift
 * is a change of {@code cur} and a step writes only the new time's block row and column: it costs
 * nnz(p) L p^2 multiply-adds for the A_j, O(p^4) for E[H_B Xbar H_B], and 2 L p^2 stores.
 * Not thread-safe.
 */
final class LagCovariance {
    private final SampledQuadratic model;
    private final int p;
    private final int pp;
    /** Number of time slots, L + 1. */
    final int w;
    private final int[] lags;
    private final double[] probs;
    private final double eta;
    private final double[] lambda;
    /** Block (s, t) of slots s, t at (s w + t) p^2, p x p row-major. */
    final double[] cov;
    /** Slot of lag 0. */
    int cur;
    private final double[] newRow;
    private final double[] xbar;
    private final double[] a0;
    private final double[] n00;
    private final double[] work;
    private final int[] rowOff;

    LagCovariance(SampledQuadratic model, double eta, StalenessLaw law) {
        this.model = model;
        this.p = model.dimension();
        this.pp = p * p;
        this.w = law.support();
        this.lags = law.lags();
        this.probs = law.probs();
        this.eta = eta;
        this.lambda = model.lambda();
        this.cov = new double[w * w * pp];
        this.newRow = new double[Math.max(1, w - 1) * pp];
        this.xbar = new double[pp];
        this.a0 = new double[pp];
        this.n00 = new double[pp];
        this.work = new double[p * (p + 1) / 2 + pp];
        this.rowOff = new int[lags.length];
    }

    /** @return the slot of lag l */
    int slot(int l) {
        int s = cur + l;
        return s >= w ? s - w : s;
    }

    /** @return the offset of block (lag i, lag j) in {@link #cov} */
    int block(int i, int j) {
        return (slot(i) * w + slot(j)) * pp;
    }

    /**
     * Advances one step.
     *
     * @param forcing added to the new C_00 (p x p, symmetric), or null
     */
    void advance(double[] forcing) {
        final int p = this.p;
        final int pp = this.pp;
        final int w = this.w;
        final double[] cov = this.cov;
        final double[] probs = this.probs;
        final int nq = lags.length;
        for (int q = 0; q < nq; q++) {
            rowOff[q] = slot(lags[q]) * w * pp;
        }
        // Xbar = sum p_l C_ll
        java.util.Arrays.fill(xbar, 0);
        for (int q = 0; q < nq; q++) {
            int off = rowOff[q] + slot(lags[q]) * pp;
            double pr = probs[q];
            for (int e = 0; e < pp; e++) {
                xbar[e] += pr * cov[off + e];
            }
        }
        int c00 = (cur * w + cur) * pp;
        int row0 = cur * w * pp;
        // A_0, then C'_{0,1} = C_00 - eta Lambda A_0 and C'_{0,j+1} = C_0j - eta Lambda A_j
        WeightedRowSum.sum(cov, rowOff, probs, cur * pp, a0, 0, pp);
        for (int j = 0; j < w - 1; j++) {
            int dOff = j * pp;
            if (j > 0) {
                WeightedRowSum.sum(cov, rowOff, probs, slot(j) * pp, newRow, dOff, pp);
            }
            double[] acc = j == 0 ? a0 : newRow;
            int accOff = j == 0 ? 0 : dOff;
            int src = row0 + slot(j) * pp;
            for (int a = 0; a < p; a++) {
                double s = eta * lambda[a];
                int ra = a * p;
                for (int b = 0; b < p; b++) {
                    newRow[dOff + ra + b] = cov[src + ra + b] - s * acc[accOff + ra + b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double v = cov[c00 + a * p + b] - eta * (lambda[a] * a0[a * p + b] + a0[b * p + a] * lambda[b]);
                if (forcing != null) {
                    v += forcing[a * p + b];
                }
                n00[a * p + b] = v;
                n00[b * p + a] = v;
            }
        }
        model.addCurvatureNoise(xbar, eta * eta, n00, work);
        // the new time takes the slot of lag L
        int ns = slot(w - 1);
        int nsRow = ns * w * pp;
        System.arraycopy(n00, 0, cov, nsRow + ns * pp, pp);
        for (int j = 0; j < w - 1; j++) {
            int t = slot(j);
            int src = j * pp;
            System.arraycopy(newRow, src, cov, nsRow + t * pp, pp);
            int dst = (t * w + ns) * pp;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[dst + b * p + a] = newRow[src + a * p + b];
                }
            }
        }
        cur = ns;
    }
}
