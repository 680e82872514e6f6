package dev.asgd.theory.sme;

/**
 * An immutable real 2 x 2 matrix [[a, b], [c, d]] with the few operations the linear SME needs,
 * including the exponential in closed form (Cayley-Hamilton): with s = tr/2 and
 * q^2 = s^2 - det,
 * <pre>
 *   exp(M t) = e^{s t} [ (C(t) - s S(t)) I + S(t) M ],
 *   C = cosh(q t), S = sinh(q t)/q   (q^2 &gt; 0),
 *   C = cos(|q| t), S = sin(|q| t)/|q|  (q^2 &lt; 0),  C = 1, S = t  (q = 0).
 * </pre>
 * A 2 x 2 closed form is exact to rounding and avoids a general Pade/scaling-squaring routine
 * (Hipparchus has none); it is checked in the tests against an adaptive ODE integration.
 *
 * @param a entry (1, 1)
 * @param b entry (1, 2)
 * @param c entry (2, 1)
 * @param d entry (2, 2)
 */
public record Matrix2(double a, double b, double c, double d) {
    /** The identity. */
    public static final Matrix2 IDENTITY = new Matrix2(1, 0, 0, 1);

    /**
     * @param m a 2 x 2 array
     * @return the matrix [[m00, m01], [m10, m11]]
     */
    public static Matrix2 of(double[][] m) {
        return new Matrix2(m[0][0], m[0][1], m[1][0], m[1][1]);
    }

    /** @return the largest eigenvalue modulus, from the trace and determinant */
    public double spectralRadius() {
        double tr = trace();
        double det = det();
        double disc = tr * tr - 4 * det;
        if (disc < 0) {
            return Math.sqrt(det);
        }
        double r1 = 0.5 * (tr + Math.copySign(Math.sqrt(disc), tr));
        return r1 == 0 ? 0 : Math.max(Math.abs(r1), Math.abs(det / r1));
    }

    /** @return whether the eigenvalues are a complex pair (tr^2 - 4 det &lt; 0) */
    public boolean complexEigenvalues() {
        double tr = trace();
        return tr * tr - 4 * det() < 0;
    }

    /** @return the Frobenius norm sqrt(a^2 + b^2 + c^2 + d^2) */
    public double frobeniusNorm() {
        return Math.sqrt(a * a + b * b + c * c + d * d);
    }

    /** @return the largest absolute entry */
    public double maxAbs() {
        return Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
    }

    /** @return the trace */
    public double trace() {
        return a + d;
    }

    /** @return the determinant */
    public double det() {
        return a * d - b * c;
    }

    /** @param o the right factor @return this times o */
    public Matrix2 times(Matrix2 o) {
        return new Matrix2(a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d);
    }

    /** @param s a scalar @return s times this */
    public Matrix2 times(double s) {
        return new Matrix2(s * a, s * b, s * c, s * d);
    }

    /** @param o the other matrix @return this plus o */
    public Matrix2 plus(Matrix2 o) {
        return new Matrix2(a + o.a, b + o.b, c + o.c, d + o.d);
    }

    /** @param o the other matrix @return this minus o */
    public Matrix2 minus(Matrix2 o) {
        return new Matrix2(a - o.a, b - o.b, c - o.c, d - o.d);
    }

    /** @return the transpose */
    public Matrix2 transpose() {
        return new Matrix2(a, c, b, d);
    }

    /**
     * @param x first component
     * @param y second component
     * @return this times (x, y), as a two-element array
     */
    public double[] apply(double x, double y) {
        return new double[] {a * x + b * y, c * x + d * y};
    }

    /**
     * @param t time
     * @return exp(this t)
     */
    public Matrix2 exp(double t) {
        double s = 0.5 * trace();
        double q2 = s * s - det();
        double half = 0.5 * (a - d); // (M - s I) = [[half, b], [c, -half]]
        if (q2 > 0) {
            double q = Math.sqrt(q2);
            if (Math.abs(q * t) >= 1) {
                return sylvester(s, q, half, t);
            }
            double e = Math.exp(s * t);
            return shifted(e * Math.cosh(q * t), e * Math.sinh(q * t) / q, half);
        }
        double e = Math.exp(s * t);
        if (q2 < 0) {
            double q = Math.sqrt(-q2);
            return shifted(e * Math.cos(q * t), e * Math.sin(q * t) / q, half);
        }
        return shifted(e, e * t, half);
    }

    /** e^{st} [C I + S (M - s I)], with (M - s I) formed without the cancellation of a - s. */
    private Matrix2 shifted(double ec, double es, double half) {
        return new Matrix2(ec + es * half, es * b, es * c, ec - es * half);
    }

    /**
     * Real distinct eigenvalues lambda1 = s + q, lambda2 = s - q with q t &gt;= 1 (Sylvester):
     * exp(M t) = [e^{lambda1 t} (M - lambda2 I) - e^{lambda2 t} (M - lambda1 I)] / (2 q).
     * cosh(q t) would overflow past q t = 710 and e^{st} cosh(qt) - s e^{st} sinh(qt)/q cancels for
     * stiff modes; here each eigenvalue and each diagonal difference x - lambda is taken in the form
     * without cancellation, its partner from the products lambda1 lambda2 = det and
     * (x - lambda1)(x - lambda2) = -b c.
     */
    private Matrix2 sylvester(double s, double q, double half, double t) {
        double big = s < 0 ? s - q : s + q;
        double small = big == 0 ? 0 : det() / big;
        double l1 = s < 0 ? small : big; // s + q
        double l2 = s < 0 ? big : small; // s - q
        double e1 = Math.exp(l1 * t);
        double e2 = Math.exp(l2 * t);
        double[] da = differences(half, q);
        double[] dd = differences(-half, q);
        double inv = 1 / (2 * q);
        double off = (e1 - e2) * inv;
        return new Matrix2((e1 * da[1] - e2 * da[0]) * inv, b * off, c * off, (e1 * dd[1] - e2 * dd[0]) * inv);
    }

    /** For a diagonal entry x with x - s = m: (x - lambda1, x - lambda2) = (m - q, m + q), stably. */
    private double[] differences(double m, double q) {
        double minus = m - q;
        double plus = m + q;
        if (Math.abs(plus) >= Math.abs(minus)) {
            minus = plus == 0 ? 0 : -b * c / plus;
        } else {
            plus = -b * c / minus;
        }
        return new double[] {minus, plus};
    }

    /** @return the matrix as a 2 x 2 array */
    public double[][] toArray() {
        return new double[][] {{a, b}, {c, d}};
    }
}
