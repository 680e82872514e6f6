package dev.asgd.fokkerplanck.hermite;

/**
 * Hermite coefficients c_{m,n} = E[phi_m(xi) phi_n(eta)] of g / M for a Gaussian density g with
 * mean mu and covariance S in the scaled variables (xi, eta) of one coordinate (M is N(0, I)
 * there). They are sqrt(m! n!) times the Taylor coefficients of
 * exp(mu . s + s^T (S - I) s / 2), which gives the recursion
 * <pre>
 *   c_{m+1,n} = (mu_1 c_{m,n} + B_11 sqrt(m) c_{m-1,n} + B_12 sqrt(n) c_{m,n-1}) / sqrt(m + 1),
 *   c_{0,n+1} = (mu_2 c_{0,n} + B_22 sqrt(n) c_{0,n-1}) / sqrt(n + 1),    B = S - I,
 * </pre>
 * and, exactly, ||g / M||_*^2 = det(S)^-1 det(P)^-1/2 exp(2 mu^T S^-1 P^-1 S^-1 mu - mu^T S^-1 mu)
 * with P = 2 S^-1 - I, finite only when P is positive definite (S &lt; 2 I).
 */
public final class GaussianCoefficients {
    private GaussianCoefficients() {
    }

    /**
     * @param mu the mean (xi, eta)
     * @param s the covariance [[s11, s12], [s12, s22]], positive definite
     * @param degree N
     * @return the coefficients in pair order (PairIndex), degree &lt;= N
     */
    public static double[] coefficients(double[] mu, double[][] s, int degree) {
        double b11 = s[0][0] - 1;
        double b12 = s[0][1];
        double b22 = s[1][1] - 1;
        double[][] c = new double[degree + 1][degree + 1];
        c[0][0] = 1;
        for (int n = 0; n < degree; n++) {
            double prev = n > 0 ? c[0][n - 1] : 0;
            c[0][n + 1] = (mu[1] * c[0][n] + b22 * Math.sqrt(n) * prev) / Math.sqrt(n + 1.0);
        }
        for (int m = 0; m < degree; m++) {
            for (int n = 0; m + 1 + n <= degree; n++) {
                double down = m > 0 ? c[m - 1][n] : 0;
                double left = n > 0 ? c[m][n - 1] : 0;
                c[m + 1][n] = (mu[0] * c[m][n] + b11 * Math.sqrt(m) * down + b12 * Math.sqrt(n) * left)
                        / Math.sqrt(m + 1.0);
            }
        }
        double[] out = new double[PairIndex.count(degree)];
        for (int m = 0; m <= degree; m++) {
            for (int n = 0; m + n <= degree; n++) {
                out[PairIndex.index(m, n)] = c[m][n];
            }
        }
        return out;
    }

    /**
     * @param mu the mean
     * @param s the covariance
     * @return ln ||g / M||_*^2 exactly, or +infinity when g / M is not in L^2(M)
     */
    public static double logSquaredNorm(double[] mu, double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[0][1];
        double i11 = s[1][1] / det;
        double i12 = -s[0][1] / det;
        double i22 = s[0][0] / det;
        double p11 = 2 * i11 - 1;
        double p12 = 2 * i12;
        double p22 = 2 * i22 - 1;
        double detP = p11 * p22 - p12 * p12;
        if (!(p11 > 0 && detP > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        // w = S^-1 mu, then 2 w^T P^-1 w - mu^T w.
        double w1 = i11 * mu[0] + i12 * mu[1];
        double w2 = i12 * mu[0] + i22 * mu[1];
        double q = (p22 * w1 * w1 - 2 * p12 * w1 * w2 + p11 * w2 * w2) / detP;
        double e = 2 * q - (mu[0] * w1 + mu[1] * w2);
        return e - Math.log(det) - 0.5 * Math.log(detP);
    }
}
