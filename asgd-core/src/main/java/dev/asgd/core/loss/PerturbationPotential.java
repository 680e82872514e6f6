package dev.asgd.core.loss;

import dev.asgd.core.perturbation.GaussianBumpPerturbation;
import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.perturbation.SinePerturbation;
import dev.asgd.core.perturbation.TanhPerturbation;

/**
 * The potential E(x) = integral_0^x eps(t) dt of a perturbation, in closed form for every family
 * of {@code dev.asgd.core.perturbation}:
 * <pre>
 *   sin:A,K   E = A (1 - cos(K x)) / K
 *   tanh:A,S  E = A S ln cosh(x / S)
 *   bump:A    E = A (1 - exp(-x^2 / 2))
 * </pre>
 * Other families are integrated by 16-point Gauss-Legendre quadrature on [0, x].
 */
final class PerturbationPotential {
    private static final double[] GL_X = {
        0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
        0.7554044083550030, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499};
    private static final double[] GL_W = {
        0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
        0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541};

    private PerturbationPotential() {
    }

    static double of(Perturbation p, double x) {
        if (p instanceof NoPerturbation) {
            return 0;
        }
        if (p instanceof SinePerturbation s) {
            return s.amplitude() * (1 - Math.cos(s.frequency() * x)) / s.frequency();
        }
        if (p instanceof TanhPerturbation t) {
            double y = Math.abs(x / t.scale());
            // ln cosh y = y + ln(1 + e^{-2y}) - ln 2, stable for large y
            return t.amplitude() * t.scale() * (y + Math.log1p(Math.exp(-2 * y)) - Math.log(2));
        }
        if (p instanceof GaussianBumpPerturbation b) {
            return -b.amplitude() * Math.expm1(-0.5 * x * x);
        }
        double half = 0.5 * x;
        double sum = 0;
        for (int i = 0; i < GL_X.length; i++) {
            sum += GL_W[i] * (p.value(half * (1 + GL_X[i])) + p.value(half * (1 - GL_X[i])));
        }
        return half * sum;
    }
}
