package dev.asgd.fokkerplanck.fd;

import dev.asgd.core.perturbation.Perturbation;

/**
 * A second, independent discretisation of (2.4) for d = 1, used to cross-check the Hermite
 * solver: the density p itself (not h = g / M) on a uniform grid of the scaled variables
 * xi = sqrt(beta) omega0 x, eta = sqrt(beta) v over the box [-L, L]^2, in conservation form
 * <pre>
 *   dp/dt = -d/dxi (b_xi p) - d/deta (b_eta p) + gamma d^2 p / deta^2,
 *   b_xi = omega0 eta - sqrt(beta) omega0 eps(theta),
 *   b_eta = -omega0 xi - gamma eta + sqrt(beta) gamma eps(theta),
 *   theta = -(eta + gamma xi / omega0) / (sqrt(beta) omega0^2),
 * </pre>
 * with fourth-order central differences (p = 0 outside the box, where the Gaussian tails are
 * below double precision for L &gt;= 9 standard deviations from the mass) and the classical
 * fourth-order Runge-Kutta method with a step inside its stability region. Nothing is shared
 * with the Hermite solver but the perturbation's values.
 */
public final class FiniteDifferenceFokkerPlanck {
    private final int n;
    private final double h;
    private final double halfWidth;
    private final double gamma;
    private final double[] bXi;
    private final double[] bEta;
    private double[] p;
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] tmp;
    private final double maxStep;

    /**
     * @param omega0 square root of the Hessian eigenvalue
     * @param gamma friction
     * @param beta inverse temperature
     * @param eps the perturbation
     * @param halfWidth L, in scaled units (standard deviations of M)
     * @param points grid points per axis
     */
    public FiniteDifferenceFokkerPlanck(double omega0, double gamma, double beta, Perturbation eps, double halfWidth,
            int points) {
        this.n = points;
        this.halfWidth = halfWidth;
        this.h = 2 * halfWidth / (points - 1);
        this.gamma = gamma;
        int size = points * points;
        bXi = new double[size];
        bEta = new double[size];
        double sb = Math.sqrt(beta);
        double maxB = 0;
        for (int i = 0; i < n; i++) {
            double xi = coordinate(i);
            for (int j = 0; j < n; j++) {
                double eta = coordinate(j);
                double theta = -(eta + gamma * xi / omega0) / (sb * omega0 * omega0);
                double e = eps.value(theta);
                bXi[i * n + j] = omega0 * eta - sb * omega0 * e;
                bEta[i * n + j] = -omega0 * xi - gamma * eta + sb * gamma * e;
                maxB = Math.max(maxB, Math.abs(bXi[i * n + j]) + Math.abs(bEta[i * n + j]));
            }
        }
        p = new double[size];
        k1 = new double[size];
        k2 = new double[size];
        k3 = new double[size];
        k4 = new double[size];
        tmp = new double[size];
        // Spectral radius bounds of the 4th-order stencils: 1.372 / h (first), 16 / (3 h^2) (second).
        double radius = 1.372 * maxB / h + gamma * 16 / (3 * h * h) + gamma;
        maxStep = 2.0 / radius;
    }

    /**
     * @param i a grid index
     * @return its scaled coordinate
     */
    public double coordinate(int i) {
        return -halfWidth + i * h;
    }

    /**
     * Sets p to a Gaussian in the scaled variables.
     *
     * @param mean (xi, eta)
     * @param cov the 2 x 2 covariance
     */
    public void setGaussian(double[] mean, double[][] cov) {
        double det = cov[0][0] * cov[1][1] - cov[0][1] * cov[0][1];
        double i11 = cov[1][1] / det;
        double i12 = -cov[0][1] / det;
        double i22 = cov[0][0] / det;
        double norm = 1 / (2 * Math.PI * Math.sqrt(det));
        for (int i = 0; i < n; i++) {
            double a = coordinate(i) - mean[0];
            for (int j = 0; j < n; j++) {
                double b = coordinate(j) - mean[1];
                p[i * n + j] = norm * Math.exp(-0.5 * (i11 * a * a + 2 * i12 * a * b + i22 * b * b));
            }
        }
    }

    /**
     * Advances by time t with RK4 steps no longer than the stability bound.
     *
     * @param t the time to advance
     */
    public void advance(double t) {
        long steps = (long) Math.ceil(t / maxStep);
        double dt = t / steps;
        int size = p.length;
        for (long s = 0; s < steps; s++) {
            rhs(p, k1);
            for (int i = 0; i < size; i++) {
                tmp[i] = p[i] + 0.5 * dt * k1[i];
            }
            rhs(tmp, k2);
            for (int i = 0; i < size; i++) {
                tmp[i] = p[i] + 0.5 * dt * k2[i];
            }
            rhs(tmp, k3);
            for (int i = 0; i < size; i++) {
                tmp[i] = p[i] + dt * k3[i];
            }
            rhs(tmp, k4);
            for (int i = 0; i < size; i++) {
                p[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
    }

    /** @return {mass, E xi, E eta, E xi^2, E xi eta, E eta^2} (moments per unit mass) */
    public double[] moments() {
        double m = 0;
        double mx = 0;
        double my = 0;
        double xx = 0;
        double xy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double x = coordinate(i);
            for (int j = 0; j < n; j++) {
                double y = coordinate(j);
                double v = p[i * n + j];
                m += v;
                mx += v * x;
                my += v * y;
                xx += v * x * x;
                xy += v * x * y;
                yy += v * y * y;
            }
        }
        return new double[] {m * h * h, mx / m, my / m, xx / m, xy / m, yy / m};
    }

    /** @return the smallest grid value divided by the largest */
    public double minOverMax() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo / hi;
    }

    private void rhs(double[] q, double[] out) {
        double c1 = 1 / (12 * h);
        double c2 = gamma / (12 * h * h);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double dxi = c1 * (flux(bXi, q, i - 2, j) - 8 * flux(bXi, q, i - 1, j) + 8 * flux(bXi, q, i + 1, j)
                        - flux(bXi, q, i + 2, j));
                double deta = c1 * (flux(bEta, q, i, j - 2) - 8 * flux(bEta, q, i, j - 1)
                        + 8 * flux(bEta, q, i, j + 1) - flux(bEta, q, i, j + 2));
                double dd = c2 * (-at(q, i, j - 2) + 16 * at(q, i, j - 1) - 30 * q[k] + 16 * at(q, i, j + 1)
                        - at(q, i, j + 2));
                out[k] = -dxi - deta + dd;
            }
        }
    }

    private double flux(double[] b, double[] q, int i, int j) {
        if (i < 0 || j < 0 || i >= n || j >= n) {
            return 0;
        }
        int k = i * n + j;
        return b[k] * q[k];
    }

    private double at(double[] q, int i, int j) {
        if (j < 0 || j >= n) {
            return 0;
        }
        return q[i * n + j];
    }
}
