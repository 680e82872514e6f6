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
        double cc;
        double ss;
        if (q2 > 0 && Math.sqrt(q2) * Math.abs(t) > 1) {
            // e^{st} cosh(qt) and e^{st} sinh(qt)/q as sums of e^{(s +- q)t}: no overflow of cosh for
            // large qt (a stable matrix has s + q <= 0, so both exponentials stay bounded)
            double q = Math.sqrt(q2);
            double ep = Math.exp((s + q) * t);
            double em = Math.exp((s - q) * t);
            double ec = 0.5 * (ep + em);
            double es = 0.5 * (ep - em) / q;
            return IDENTITY.times(ec - s * es).plus(times(es));
        } else if (q2 > 0) {
            double q = Math.sqrt(q2);
            cc = Math.cosh(q * t);
            ss = Math.sinh(q * t) / q;
        } else if (q2 < 0) {
            double q = Math.sqrt(-q2);
            cc = Math.cos(q * t);
            ss = Math.sin(q * t) / q;
        } else {
            cc = 1;
            ss = t;
        }
        double e = Math.exp(s * t);
        return IDENTITY.times(e * (cc - s * ss)).plus(times(e * ss));
    }

    /** @return the matrix as a 2 x 2 array */
    public double[][] toArray() {
        return new double[][] {{a, b}, {c, d}};
    }
}
