package dev.asgd.fokkerplanck.hermite;

/**
 * The quadratic functionals of the theorem on coefficient vectors h: ||h||_*^2 (3.4), which in
 * the orthonormal basis is the sum of squares, and the Lyapunov functional (3.8)
 * <pre>
 *   H = sum over coordinates of ||grad_x h||_*^2 + C ||grad_v h||_*^2 + 2 Chat &lt;grad_x h, grad_v h&gt;_*,
 * </pre>
 * with grad_x = sqrt(beta) omega0 a_xi and grad_v = sqrt(beta) a_eta, so
 * ||grad_x h||^2 = beta omega0^2 sum m h^2, ||grad_v h||^2 = beta sum n h^2 and
 * &lt;grad_x h, grad_v h&gt; = beta omega0 sum sqrt(m (n + 1)) h_{m,n} h_{m-1,n+1}.
 */
public final class Functionals {
    private Functionals() {
    }

    /**
     * @param h coefficients
     * @return ||h||_*^2
     */
    public static double normSquared(double[] h) {
        double s = 0;
        for (double v : h) {
            s += v * v;
        }
        return s;
    }

    /**
     * @param operator the generator (for the basis and each coordinate's omega0 and beta)
     * @param h coefficients
     * @param c per coordinate C of (3.8)
     * @param cHat per coordinate Chat of (3.8)
     * @return H
     */
    public static double lyapunov(HermiteGalerkinOperator operator, double[] h, double[] c, double[] cHat) {
        HermiteBasis basis = operator.basis();
        double total = 0;
        for (int co = 0; co < basis.dimension(); co++) {
            CoordinateOperator op = operator.coordinate(co);
            double w = op.omega0();
            double beta = op.beta();
            double xx = 0;
            double vv = 0;
            double xv = 0;
            for (int[] fiber : basis.fibers(co)) {
                for (int j = 0; j < fiber.length; j++) {
                    int k = PairIndex.degree(j);
                    int n = j - k * (k + 1) / 2;
                    int m = k - n;
                    double hj = h[fiber[j]];
                    xx += m * hj * hj;
                    vv += n * hj * hj;
                    if (m > 0) {
                        xv += Math.sqrt(m * (n + 1.0)) * hj * h[fiber[j + 1]];
                    }
                }
            }
            total += beta * (w * w * xx + c[co] * vv + 2 * cHat[co] * w * xv);
        }
        return total;
    }

    /**
     * The first and second moments of one coordinate from the coefficients of g / M:
     * E xi = c_{1,0}, E eta = c_{0,1}, E xi^2 = c_0 + sqrt 2 c_{2,0}, E xi eta = c_{1,1},
     * E eta^2 = c_0 + sqrt 2 c_{0,2}, converted to x = xi / (sqrt(beta) omega0), v = eta / sqrt(beta).
     *
     * @param operator the generator
     * @param u coefficients of g / M (mass c_0)
     * @param coordinate which coordinate
     * @return {E x, E v, E x^2, E x v, E v^2} per unit mass
     */
    public static double[] moments(HermiteGalerkinOperator operator, double[] u, int coordinate) {
        CoordinateOperator op = operator.coordinate(coordinate);
        double sb = Math.sqrt(op.beta());
        double sx = sb * op.omega0();
        int[] fiber = operator.basis().fibers(coordinate)[0];
        double mass = u[fiber[0]];
        double exi = u[fiber[PairIndex.index(1, 0)]];
        double eeta = u[fiber[PairIndex.index(0, 1)]];
        double exx = mass + Math.sqrt(2) * u[fiber[PairIndex.index(2, 0)]];
        double exv = u[fiber[PairIndex.index(1, 1)]];
        double evv = mass + Math.sqrt(2) * u[fiber[PairIndex.index(0, 2)]];
        return new double[] {exi / sx / mass, eeta / sb / mass, exx / (sx * sx) / mass, exv / (sx * sb) / mass,
            evv / (sb * sb) / mass};
    }
}
