package dev.asgd.report.reproduce.level;

/**
 * The exact mean and second moment of one-dimensional discrete ASGD with geometric staleness and
 * additive noise, f = omega0^2 theta^2 / 2 (THEORY-NOTES section 5). With z_k = sum_l p_l
 * theta_{k-l}, T = E theta^2, X = E theta z, S = sum_l p_l T_{k-l}, Z = E z^2, c = omega0^2:
 * <pre>
 *   T' = T - 2 eta c X + eta^2 (c^2 S + sigma^2)
 *   E  = X - eta c Z                      (E theta_{k+1} z_k)
 *   X' = kappa E + (1 - kappa) T'
 *   Z' = kappa^2 Z + 2 kappa (1 - kappa) E + (1 - kappa)^2 T'
 *   S' = kappa S + (1 - kappa) T'
 *   m' = m - eta c w,   w' = kappa w + (1 - kappa) m'
 * </pre>
 * Used as the discrete side of the SME-accuracy and initial-data experiments.
 */
public final class DiscreteMoments {
    private final double eta;
    private final double kappa;
    private final double c;
    private final double sigma2;
    private double t;
    private double x;
    private double s;
    private double z;
    private double m;
    private double w;
    private long step;

    private DiscreteMoments(double eta, double kappa, double omega0, double sigma, double mean, double second) {
        this.eta = eta;
        this.kappa = kappa;
        this.c = omega0 * omega0;
        this.sigma2 = sigma * sigma;
        this.t = second;
        this.x = second;
        this.s = second;
        this.z = second;
        this.m = mean;
        this.w = mean;
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param theta0 the deterministic start (the history before step 0 is theta0 too)
     * @return the moments at step 0
     */
    public static DiscreteMoments deterministic(double eta, double kappa, double omega0, double sigma, double theta0) {
        return new DiscreteMoments(eta, kappa, omega0, sigma, theta0, theta0 * theta0);
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param variance the variance of a centred random start theta0 (constant history)
     * @return the moments at step 0
     */
    public static DiscreteMoments centred(double eta, double kappa, double omega0, double sigma, double variance) {
        return new DiscreteMoments(eta, kappa, omega0, sigma, 0, variance);
    }

    /** One ASGD step. */
    public void step() {
        double tn = t - 2 * eta * c * x + eta * eta * (c * c * s + sigma2);
        double e = x - eta * c * z;
        x = kappa * e + (1 - kappa) * tn;
        z = kappa * kappa * z + 2 * kappa * (1 - kappa) * e + (1 - kappa) * (1 - kappa) * tn;
        s = kappa * s + (1 - kappa) * tn;
        t = tn;
        double mn = m - eta * c * w;
        w = kappa * w + (1 - kappa) * mn;
        m = mn;
        step++;
    }

    /** @return E theta_k */
    public double mean() {
        return m;
    }

    /** @return E theta_k^2 */
    public double secondMoment() {
        return t;
    }

    /** @return k */
    public long stepCount() {
        return step;
    }
}
