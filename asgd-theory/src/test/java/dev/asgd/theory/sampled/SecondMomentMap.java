package dev.asgd.theory.sampled;

/**
 * The homogeneous second-moment map X -&gt; E[A X A^T] of ASGD on the lag-augmented state (no
 * gradient noise, no third-moment term): one {@link LagCovariance} step with zero forcing. A vector
 * holds the blocks C_ij, i &lt;= j, of the lags in the eigenbasis of H, p^2 entries each, in row order;
 * the blocks below the diagonal are the transposes.
 */
final class SecondMomentMap {
    private final LagCovariance lag;
    private final int w;
    private final int pp;
    private final int p;

    SecondMomentMap(SampledQuadratic model, double eta, StalenessLaw law) {
        this.lag = new LagCovariance(model, eta, law);
        this.w = law.support();
        this.p = model.dimension();
        this.pp = p * p;
    }

    public int size() {
        return w * (w + 1) / 2 * pp;
    }

    public void apply(double[] in, double[] out) {
        double[] cov = lag.cov;
        lag.cur = 0;
        int t = 0;
        for (int i = 0; i < w; i++) {
            for (int j = i; j < w; j++) {
                System.arraycopy(in, t, cov, (i * w + j) * pp, pp);
                if (j != i) {
                    int dst = (j * w + i) * pp;
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b < p; b++) {
                            cov[dst + b * p + a] = in[t + a * p + b];
                        }
                    }
                }
                t += pp;
            }
        }
        lag.advance(null);
        t = 0;
        for (int i = 0; i < w; i++) {
            for (int j = i; j < w; j++) {
                System.arraycopy(cov, lag.block(i, j), out, t, pp);
                t += pp;
            }
        }
    }

    /** @return every block the identity: u_{k-i} = u_k for all lags, isotropic (positive definite on the lags' span) */
    double[] identityStart() {
        double[] v = new double[size()];
        for (int blk = 0; blk < w * (w + 1) / 2; blk++) {
            for (int a = 0; a < p; a++) {
                v[blk * pp + a * p + a] = 1;
            }
        }
        return v;
    }
}
