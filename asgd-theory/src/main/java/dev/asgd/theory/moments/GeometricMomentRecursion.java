package dev.asgd.theory.moments;

/**
 * The closed recursion of THEORY-NOTES section 5 for geometric staleness
 * P(tau = l) = (1 - kappa) kappa^l. With the path average z_k = sum_l p_l u_{k-l} (reads before 0
 * return u_0, so z_0 = u_0 and z_{k+1} = kappa z_k + (1 - kappa) u_{k+1}), b = eta omega^2,
 * T = E u^2, X = E[u z], Z = E z^2, S = sum_l p_l T_{k-l}:
 * <pre>
 *   E_k     = X_k - b Z_k                                  (= E[u_{k+1} z_k])
 *   T_{k+1} = T_k - 2 b X_k + b^2 S_k + eta^2 sigma^2
 *   X_{k+1} = kappa E_k + (1 - kappa) T_{k+1}
 *   Z_{k+1} = kappa^2 Z_k + 2 kappa (1 - kappa) E_k + (1 - kappa)^2 T_{k+1}
 *   S_{k+1} = kappa S_k + (1 - kappa) T_{k+1}
 * </pre>
 * (the notes' "eta a" in the T line is b = eta omega^2 here). The mean: m_{k+1} = m_k - b w_k,
 * w_{k+1} = kappa w_k + (1 - kappa) m_{k+1}. Each step costs a few flops.
 */
final class GeometricMomentRecursion implements MomentRecursion {
    private final double kappa;
    private final double b;
    private final double noise;
    private double m;
    private double w;
    private double t;
    private double x;
    private double z;
    private double s;

    GeometricMomentRecursion(double eta, double kappa, double omega, double sigma, double u0) {
        this.kappa = kappa;
        this.b = eta * omega * omega;
        this.noise = eta * eta * sigma * sigma;
        this.m = u0;
        this.w = u0;
        double u2 = u0 * u0;
        this.t = u2;
        this.x = u2;
        this.z = u2;
        this.s = u2;
    }

    @Override
    public void step() {
        double e = x - b * z;
        double t1 = t - 2 * b * x + b * b * s + noise;
        double k1 = 1 - kappa;
        x = kappa * e + k1 * t1;
        z = kappa * kappa * z + 2 * kappa * k1 * e + k1 * k1 * t1;
        s = kappa * s + k1 * t1;
        t = t1;
        double m1 = m - b * w;
        w = kappa * w + k1 * m1;
        m = m1;
    }

    @Override
    public double mean() {
        return m;
    }

    @Override
    public double secondMoment() {
        return t;
    }

    @Override
    public double[][] secondMomentMatrix() {
        double k1 = 1 - kappa;
        // state (T, X, Z, S)
        double[] rowT = {1, -2 * b, 0, b * b};
        double[] rowE = {0, 1, -b, 0};
        double[] rowX = new double[4];
        double[] rowZ = new double[4];
        double[] rowS = new double[4];
        for (int j = 0; j < 4; j++) {
            rowX[j] = kappa * rowE[j] + k1 * rowT[j];
            rowZ[j] = 2 * kappa * k1 * rowE[j] + k1 * k1 * rowT[j];
            rowS[j] = k1 * rowT[j];
        }
        rowZ[2] += kappa * kappa;
        rowS[3] += kappa;
        return new double[][] {rowT, rowX, rowZ, rowS};
    }

    @Override
    public double[] secondMomentConstant() {
        double k1 = 1 - kappa;
        return new double[] {noise, k1 * noise, k1 * k1 * noise, k1 * noise};
    }

    @Override
    public int secondMomentIndex() {
        return 0;
    }

    @Override
    public double[][] meanMatrix() {
        double k1 = 1 - kappa;
        // m' = m - b w ; w' = kappa w + (1 - kappa)(m - b w)
        return new double[][] {{1, -b}, {k1, kappa - k1 * b}};
    }
}
