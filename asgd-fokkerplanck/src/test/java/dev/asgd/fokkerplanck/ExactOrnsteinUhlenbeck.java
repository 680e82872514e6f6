package dev.asgd.fokkerplanck;

/** Test oracle: the mean of the unperturbed process in the scaled variables, exp(A t) m0 in closed form. */
final class ExactOrnsteinUhlenbeck {
    private ExactOrnsteinUhlenbeck() {
    }

    /**
     * A = [[0, omega0], [-omega0, -gamma]] (the degree-1 block of G0 acting on (c_10, c_01)); by
     * Cayley-Hamilton exp(A t) = e^{s t} (c(t) I + d(t) (A - s I)) with s = -gamma / 2,
     * q^2 = s^2 - omega0^2, c = cosh(q t), d = sinh(q t) / q (cos, sin for q^2 &lt; 0; 1, t at q = 0).
     */
    static double[] mean(double omega0, double gamma, double[] m0, double t) {
        double s = -gamma / 2;
        double q2 = s * s - omega0 * omega0;
        double c;
        double d;
        if (Math.abs(q2) < 1e-14) {
            c = 1;
            d = t;
        } else if (q2 > 0) {
            double q = Math.sqrt(q2);
            c = Math.cosh(q * t);
            d = Math.sinh(q * t) / q;
        } else {
            double q = Math.sqrt(-q2);
            c = Math.cos(q * t);
            d = Math.sin(q * t) / q;
        }
        double e = Math.exp(s * t);
        double a11 = -s;
        double a12 = omega0;
        double a21 = -omega0;
        double a22 = -gamma - s;
        return new double[] {e * (c * m0[0] + d * (a11 * m0[0] + a12 * m0[1])),
            e * (c * m0[1] + d * (a21 * m0[0] + a22 * m0[1]))};
    }
}
