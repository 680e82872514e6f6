package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecayRatesTest {
    /** min Re eig(Q) by Hipparchus' general eigen-solver: an independent computation. */
    static double minReEigQ(double gamma, double omega0) {
        Array2DRowRealMatrix q = new Array2DRowRealMatrix(new double[][] {{0, 1}, {-omega0 * omega0, gamma}});
        double min = Double.POSITIVE_INFINITY;
        for (Complex c : new EigenDecompositionNonSymmetric(q).getEigenvalues()) {
            min = Math.min(min, c.getReal());
        }
        return min;
    }

    /** Seeded random parameter sets (seed 20261127) spanning both regimes over six decades of gamma/omega0. */
    static Stream<Arguments> randomModes() {
        SplittableRandom r = new SplittableRandom(20261127);
        return Stream.generate(() -> Arguments.of(Math.pow(10, r.nextDouble(-3, 3)), Math.pow(10, r.nextDouble(-1, 1))))
                .limit(60);
    }

    @ParameterizedTest
    @MethodSource("randomModes")
    void sharpRateIsTheSmallestRealPartOfQsEigenvalues(double gamma, double omega0) {
        double expected = minReEigQ(gamma, omega0);
        assertThat(DecayRates.muSharp(gamma, omega0)).isCloseTo(expected, within(1e-9 * Math.max(1, gamma)));
        assertThat(DecayRates.muPaper(gamma, omega0)).isEqualTo(2 * DecayRates.muSharp(gamma, omega0));
    }

    @Test
    void printedFormulaOfEachCase() {
        // (3.6): gamma < 2 omega0 -> mu = gamma; gamma > 2 omega0 -> gamma - sqrt(gamma^2 - 4 omega0^2).
        assertThat(DecayRates.muPaper(1, 1)).isCloseTo(1, within(1e-15));
        assertThat(DecayRates.muPaper(5, 1)).isCloseTo(5 - Math.sqrt(21), within(1e-14));
        assertThat(DecayRates.muSharp(1, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(DecayRates.muSharp(5, 1)).isCloseTo((5 - Math.sqrt(21)) / 2, within(1e-14));
    }

    @Test
    void criticalRateIsHalfGamma() {
        assertThat(DecayRates.muSharp(2, 1)).isEqualTo(1);
        assertThat(DecayRates.muSharp(2 * (1 + 1e-12), 1)).isEqualTo(1 + 1e-12);
    }

    @Test
    void strongFrictionDoesNotCancel() {
        // gamma = 1e8: muSharp = omega0^2 / gamma to relative 1e-15 (the naive formula loses every digit).
        assertThat(DecayRates.muSharp(1e8, 1)).isCloseTo(1e-8, within(1e-22));
    }
}
