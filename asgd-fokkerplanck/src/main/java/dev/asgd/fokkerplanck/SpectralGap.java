package dev.asgd.fokkerplanck;

import dev.asgd.fokkerplanck.hermite.HermiteBasis;
import dev.asgd.fokkerplanck.hermite.HermiteGalerkinOperator;
import dev.asgd.fokkerplanck.hermite.SlowModes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.SchurTransformer;

/**
 * The spectrum of the discrete generator and its gap: the smallest |Re lambda| over the non-zero
 * eigenvalues, with the Hermite degree its eigenvector lives in.
 * <ul>
 *   <li>{@code blocks} (eps = 0): G0 maps each block of fixed per-pair degrees to itself, so the
 *       spectrum is the union of the blocks' spectra (Hipparchus' non-symmetric eigen-solver per
 *       block); the truncation is exact for every eigenvalue of degree &lt;= N, which is the
 *       Ornstein-Uhlenbeck spectrum {n1 lambda1 + n2 lambda2} of Metafune, Pallara and Priola.</li>
 *   <li>{@code arnoldi} (eps != 0): the slowest {@link #KRYLOV} Ritz values of shift-invert Arnoldi
 *       on the mass-free subspace ({@link SlowModes}); converged ones (relative residual &lt; 1e-6)
 *       are kept, each with the degree carrying most of its Ritz vector's norm.</li>
 * </ul>
 *
 * @param gap the smallest non-zero |Re lambda|
 * @param gapEigenvalue the eigenvalue that sets it (re, im)
 * @param gapDegree the Hermite degree of its eigenvector (of its block, or carrying most of its norm)
 * @param method blocks or arnoldi
 * @param modes the non-zero eigenvalues found, with their degrees, ascending |Re|
 */
public record SpectralGap(double gap, double[] gapEigenvalue, int gapDegree, String method, List<Mode> modes) {

    /** Krylov dimension of the shift-invert Arnoldi iteration for eps != 0. */
    public static final int KRYLOV = 60;

    /**
     * One eigenvalue of the discrete generator.
     *
     * @param re real part
     * @param im imaginary part
     * @param degree the Hermite degree of its eigenvector (of its block, or carrying most of its norm)
     * @param parity 0 when the eigenvector is even under (x, v) -&gt; (-x, -v), 1 when odd (for an odd eps
     *     every eigenvector is one or the other; classified by where most of its norm lies)
     */
    public record Mode(double re, double im, int degree, int parity) {
        /** @return {@code even} or {@code odd} */
        public String parityLabel() {
            return parity == 0 ? "even" : "odd";
        }
    }

    /**
     * @param operator the discrete generator
     * @return its spectrum and gap
     */
    public static SpectralGap of(HermiteGalerkinOperator operator) {
        if (!operator.perturbed()) {
            return fromBlocks(operator);
        }
        List<Mode> modes = new ArrayList<>();
        for (double[] r : SlowModes.compute(operator, KRYLOV)) {
            // Keep converged Ritz values only (relative residual 1e-6).
            if (r[3] < 1e-6) {
                modes.add(new Mode(r[0], r[1], (int) r[2], (int) r[4]));
            }
        }
        return finish(modes, "arnoldi");
    }

    /**
     * @param degree a Hermite degree
     * @return the smallest |Re| among the modes of that degree, NaN if none
     */
    double rateOfDegree(int degree) {
        double r = Double.NaN;
        for (Mode m : modes) {
            if (m.degree == degree && !(Math.abs(m.re) >= r)) {
                r = Math.abs(m.re);
            }
        }
        return r;
    }

    /**
     * @return the slowest even mode's |Re|: the rate of data that are symmetric about the steady
     *     state's centre (degree 2 for eps = 0, the printed mu); NaN if none was found
     */
    public double slowestEvenRate() {
        return slowestEven() == null ? Double.NaN : Math.abs(slowestEven().re);
    }

    /** @return the slowest even mode, or null */
    public Mode slowestEven() {
        for (Mode m : modes) {
            if (m.parity == 0) {
                return m;
            }
        }
        return null;
    }

    @Override
    public double[] gapEigenvalue() {
        return gapEigenvalue.clone();
    }

    private static SpectralGap fromBlocks(HermiteGalerkinOperator operator) {
        HermiteBasis basis = operator.basis();
        List<Mode> modes = new ArrayList<>();
        for (int b = 0; b < basis.blockCount(); b++) {
            int k = basis.blockTotalDegree(b);
            if (k == 0) {
                continue;
            }
            double[][] m = operator.blockMatrix(b);
            if (m.length == 1) {
                modes.add(new Mode(m[0][0], 0, k, k % 2));
                continue;
            }
            for (double[] z : eigenvalues(m)) {
                modes.add(new Mode(z[0], z[1], k, k % 2));
            }
        }
        return finish(modes, "blocks");
    }

    /**
     * Eigenvalues from the real Schur form (Hipparchus' SchurTransformer): 1 x 1 diagonal blocks
     * are real eigenvalues, 2 x 2 blocks give a real or a complex pair by the quadratic formula.
     * (Hipparchus' EigenDecompositionNonSymmetric decides "complex pair" by an absolute epsilon of
     * 1e-12 on the Schur form and merges well-separated real eigenvalues of these non-normal
     * blocks into false complex pairs, e.g. at degree 7 for gamma = sqrt 10, omega0 = 1.)
     *
     * @param m a square matrix
     * @return its eigenvalues as {re, im}
     */
    static double[][] eigenvalues(double[][] m) {
        int n = m.length;
        double[][] t = new SchurTransformer(MatrixUtils.createRealMatrix(m)).getT().getData();
        double[][] out = new double[n][];
        int i = 0;
        while (i < n) {
            // hqr's deflation test: a sub-diagonal below ulp of its neighbours is zero.
            if (i + 1 < n && Math.abs(t[i + 1][i]) > 0x1.0p-52 * (Math.abs(t[i][i]) + Math.abs(t[i + 1][i + 1]))) {
                double a = t[i][i];
                double b = t[i][i + 1];
                double c = t[i + 1][i];
                double d = t[i + 1][i + 1];
                double p = 0.5 * (a - d);
                double q = p * p + b * c;
                double mid = 0.5 * (a + d);
                if (q >= 0) {
                    double z = p + Math.copySign(Math.sqrt(q), p);
                    double e1 = d + z;
                    double e2 = z == 0 ? d : d - b * c / z;
                    out[i] = new double[] {e1, 0};
                    out[i + 1] = new double[] {e2, 0};
                } else {
                    double im = Math.sqrt(-q);
                    out[i] = new double[] {mid, im};
                    out[i + 1] = new double[] {mid, -im};
                }
                i += 2;
            } else {
                out[i] = new double[] {t[i][i], 0};
                i++;
            }
        }
        return out;
    }

    private static SpectralGap finish(List<Mode> modes, String method) {
        modes.sort((a, b) -> Double.compare(Math.abs(a.re), Math.abs(b.re)));
        Mode g = modes.get(0);
        return new SpectralGap(Math.abs(g.re), new double[] {g.re, g.im}, g.degree, method,
                Collections.unmodifiableList(modes));
    }
}
