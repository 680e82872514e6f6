package dev.asgd.fokkerplanck;

import dev.asgd.fokkerplanck.hermite.HermiteFunctions;
import dev.asgd.fokkerplanck.hermite.PairIndex;

/**
 * The density g(x, v) of coordinate 1 (for d = 2 its marginal: the functions whose second pair
 * index is 0, since every other Hermite function integrates to 0 against M) on a grid, from the
 * coefficients u of g / M: g = M(x, v) sum u_{m,n} phi_m(xi) phi_n(eta).
 *
 * @param x the x grid
 * @param v the v grid
 * @param g g[i][j] at (x[i], v[j])
 */
public record DensityGrid(double[] x, double[] v, double[][] g) {

    /**
     * The window of the (x, v) plane where coordinate 1's density lives: four equilibrium standard
     * deviations of x, 1 / (sqrt(beta) omega0), and of v, 1 / sqrt(beta), about 0, widened to
     * four of them about the start's mean (its degree-1 coefficients times those deviations).
     *
     * @param x {min, max} of x
     * @param v {min, max} of v
     */
    public record Window(double[] x, double[] v) {
        /**
         * @param omega0 omega0 of coordinate 1
         * @param beta beta of coordinate 1
         * @param start the coefficients of the start's g / M, or null (the window about 0)
         * @return the window
         */
        public static Window of(double omega0, double beta, double[] start) {
            double sx = 1 / (Math.sqrt(beta) * omega0);
            double sv = 1 / Math.sqrt(beta);
            double[] xr = {-4 * sx, 4 * sx};
            double[] vr = {-4 * sv, 4 * sv};
            if (start != null) {
                double mx = start[1] * sx;
                double mv = start[2] * sv;
                xr = new double[] {Math.min(xr[0], mx - 4 * sx), Math.max(xr[1], mx + 4 * sx)};
                vr = new double[] {Math.min(vr[0], mv - 4 * sv), Math.max(vr[1], mv + 4 * sv)};
            }
            return new Window(xr, vr);
        }
    }

    /**
     * @param degree the Hermite degree N of u
     * @param omega0 omega0 of coordinate 1
     * @param beta beta of coordinate 1
     * @param u coefficients of g / M (for d = 2 its first count(N) entries are the marginal's)
     * @param xRange {min, max} of x
     * @param vRange {min, max} of v
     * @param points grid points per axis
     * @return the grid
     */
    public static DensityGrid evaluate(int degree, double omega0, double beta, double[] u, double[] xRange,
            double[] vRange, int points) {
        int n = degree;
        double w = omega0;
        double sb = Math.sqrt(beta);
        double[] x = new double[points];
        double[] v = new double[points];
        double[][] px = new double[points][n + 1];
        double[][] pv = new double[points][n + 1];
        for (int i = 0; i < points; i++) {
            x[i] = xRange[0] + (xRange[1] - xRange[0]) * i / (points - 1);
            v[i] = vRange[0] + (vRange[1] - vRange[0]) * i / (points - 1);
            HermiteFunctions.values(sb * w * x[i], px[i]);
            HermiteFunctions.values(sb * v[i], pv[i]);
        }
        double norm = sb * w * sb / (2 * Math.PI);
        double[][] g = new double[points][points];
        int k1 = PairIndex.count(n);
        for (int i = 0; i < points; i++) {
            double xi = sb * w * x[i];
            for (int j = 0; j < points; j++) {
                double eta = sb * v[j];
                double s = 0;
                for (int p = 0; p < k1; p++) {
                    s += u[p] * px[i][PairIndex.m(p)] * pv[j][PairIndex.n(p)];
                }
                g[i][j] = norm * Math.exp(-0.5 * (xi * xi + eta * eta)) * s;
            }
        }
        return new DensityGrid(x, v, g);
    }

    /** @return min g / max g (negative where the truncated expansion undershoots) */
    public double minOverMax() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : g) {
            for (double val : row) {
                lo = Math.min(lo, val);
                hi = Math.max(hi, val);
            }
        }
        return lo / hi;
    }
}
