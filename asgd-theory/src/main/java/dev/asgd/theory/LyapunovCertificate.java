package dev.asgd.theory;

/**
 * The matrix inequality behind Theorem 3.2 for one mode, (4.5)-(4.7):
 * <pre>
 *   P = [[1, Chat], [Chat, C]],
 *   K = [[2 Chat, C - omega0^2 + gamma Chat], [C - omega0^2 + gamma Chat, 2 gamma C - 2 omega0^2 Chat]]
 *     = Q P + P Q^T,  Q = [[0, 1], [-omega0^2, gamma]].
 * </pre>
 * {@code largestC} is the largest c with K &gt;= c P: the smallest root of det(K - c P) = 0, a
 * generalized eigenvalue. The proof needs K &gt;= 2 mu P, so the certified rate is largestC / 2.
 * For the paper's constants largestC equals the printed mu: the certificate supports
 * mu = min Re eig(Q), half the printed value. (The paper's (4.7) also misprints QP + PQ^T as
 * QP + Q^T P.)
 *
 * @param p the matrix P (2 x 2; the paper's blocks are these times the d x d identity)
 * @param k the matrix K
 * @param largestC the largest c with K &gt;= c P
 */
public record LyapunovCertificate(double[][] p, double[][] k, double largestC) {

    /**
     * @param constants C and Chat
     * @param gamma friction
     * @param omega0 square root of the Hessian eigenvalue
     * @return P, K and the largest c with K &gt;= c P
     */
    public static LyapunovCertificate of(TheoremConstants constants, double gamma, double omega0) {
        double c = constants.c();
        double ch = constants.cHat();
        double w2 = omega0 * omega0;
        double[][] p = {{1, ch}, {ch, c}};
        double off = c - w2 + gamma * ch;
        double[][] k = {{2 * ch, off}, {off, 2 * gamma * c - 2 * w2 * ch}};
        return new LyapunovCertificate(p, k, smallestGeneralizedEigenvalue(k, p));
    }

    /** @return the rate the certificate supports, largestC / 2 */
    public double certifiedMu() {
        return largestC / 2;
    }

    @Override
    public double[][] p() {
        return copy(p);
    }

    @Override
    public double[][] k() {
        return copy(k);
    }

    /**
     * Smallest root of det(K - c P) = det(P) c^2 - (K11 P22 + K22 P11 - 2 K12 P12) c + det(K)
     * for symmetric K and positive definite P.
     */
    static double smallestGeneralizedEigenvalue(double[][] k, double[][] p) {
        double a = p[0][0] * p[1][1] - p[0][1] * p[0][1];
        double b = -(k[0][0] * p[1][1] + k[1][1] * p[0][0] - 2 * k[0][1] * p[0][1]);
        double cc = k[0][0] * k[1][1] - k[0][1] * k[0][1];
        if (!(a > 0)) {
            return Double.NaN;
        }
        double disc = Math.max(0, b * b - 4 * a * cc);
        double sq = Math.sqrt(disc);
        // Both roots are real (symmetric-definite pencil); the smaller one without cancellation.
        double q = -0.5 * (b + Math.copySign(sq, b));
        double r1 = q / a;
        double r2 = q == 0 ? 0 : cc / q;
        return Math.min(r1, r2);
    }

    private static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone()};
    }
}
