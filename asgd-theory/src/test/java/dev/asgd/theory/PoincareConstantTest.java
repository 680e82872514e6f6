package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoincareConstantTest {
    private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(20);

    /** E f(Z) for Z ~ N(0, variance), by Gauss-Hermite quadrature (weight exp(-t^2), Z = sqrt(2 variance) t). */
    private static double gaussianMean(double variance, DoubleUnaryOperator f) {
        double s = Math.sqrt(2 * variance);
        return HERMITE.integrate(t -> f.applyAsDouble(s * t)) / Math.sqrt(Math.PI);
    }

    /**
     * h = x_1 (when omega0 &lt;= 1) or h = v_1: ||h||_*^2 is the variance of that coordinate under M,
     * ||grad h||_*^2 = 1. The ratio equals the sharp constant and exceeds the printed one for d &gt; 1.
     */
    @ParameterizedTest
    @CsvSource({"2000, 1, 2", "3.5, 0.5, 3", "10, 2, 2", "1, 0.8, 5"})
    void coordinateFunctionsAttainTheSharpConstantAndBreakThePrintedOne(double beta, double omega0, int d) {
        double varX = gaussianMean(1 / (beta * omega0 * omega0), z -> z * z);
        double varV = gaussianMean(1 / beta, z -> z * z);
        double worst = Math.max(varX, varV);
        double sharp = PoincareConstant.sharp(beta, omega0);
        assertThat(worst).isCloseTo(sharp, within(1e-12 * sharp));
        assertThat(worst).isGreaterThan(PoincareConstant.printed(beta, omega0, d));
        assertThat(PoincareConstant.printed(beta, omega0, 1)).isEqualTo(sharp);
    }

    /** A non-linear zero-mean test function satisfies the sharp inequality (Hermite He_3 in x). */
    @ParameterizedTest
    @CsvSource({"2, 0.7", "5, 1.5"})
    void sharpConstantHoldsForACubic(double beta, double omega0) {
        double var = 1 / (beta * omega0 * omega0);
        double hNorm = gaussianMean(var, z -> Math.pow(z * z * z - 3 * var * z, 2));
        double grad = gaussianMean(var, z -> Math.pow(3 * z * z - 3 * var, 2));
        assertThat(hNorm).isLessThanOrEqualTo(PoincareConstant.sharp(beta, omega0) * grad * (1 + 1e-12));
    }
}
