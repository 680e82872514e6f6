package dev.asgd.theory.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.theory.SmeParameters;
import org.junit.jupiter.api.Test;

/** The SME's exact decay rate against the closed form, and the Gaussian chi-square against hand values. */
class SmeDecayTest {

    @Test
    void smeRateIsTheSmallestRealPartOfTheDriftEigenvalues() {
        // gamma = 1 (underdamped): min Re = gamma / 2; kappa = 0.99, eta = 0.01
        assertThat(SmeDecay.decayPerUnitTime(0.01, 0.99, 1)).isCloseTo(1.0, within(1e-9));
        // gamma = 4 (overdamped): (gamma - sqrt(gamma^2 - 4)) / 2, doubled
        assertThat(SmeDecay.decayPerUnitTime(0.01 / 16, 0.99, 1)).isCloseTo(4 - Math.sqrt(12), within(1e-8));
        SmeParameters p = SmeParameters.of(0.01, 0.99, 1, 0);
        assertThat(SmeDecay.decayPerStep(0.01, 0.99, 1)).isCloseTo(p.deltaT(), within(1e-11));
    }

    @Test
    void spectralRadiusOfRealAndComplexPairs() {
        assertThat(SmeDecay.spectralRadius(new Matrix2(0.5, 0, 0, -0.8))).isEqualTo(0.8);
        assertThat(SmeDecay.spectralRadius(new Matrix2(0, -0.25, 1, 0))).isCloseTo(0.5, within(1e-15)); // +-0.5 i
        assertThat(SmeDecay.spectralRadius(new Matrix2(0, 0, 0, 0))).isZero();
    }

    @Test
    void chiSquareOfAMeanShiftAndOfAScaledCovariance() {
        SmeParameters p = SmeParameters.of(0.01, 0.9, 1, 1);
        Matrix2 sigma = LinearSme.of(p, 1).stationaryCovariance();
        double[] m = sigma.apply(0.3, -0.2); // m^T Sigma^-1 m = (0.3, -0.2) . Sigma (0.3, -0.2)
        double q = 0.3 * m[0] - 0.2 * m[1];
        assertThat(SmeDecay.chiSquare(m, new Matrix2(0, 0, 0, 0), sigma)).isCloseTo(Math.expm1(q), within(1e-12));
        // S = (1 + c) Sigma: two eigenvalues c of Sigma^-1 delta, chi^2 = 1 / (1 - c^2) - 1
        double c = -0.5;
        assertThat(SmeDecay.chiSquare(new double[] {0, 0}, sigma.times(c), sigma))
                .isCloseTo(1 / (1 - c * c) - 1, within(1e-12));
        // tiny deviations keep their relative accuracy: chi^2 ~ c^2 for |c| << 1
        assertThat(SmeDecay.chiSquare(new double[] {0, 0}, sigma.times(1e-100), sigma) / 1e-200)
                .isCloseTo(1, within(1e-9));
        // not in L^2(M): twice the stationary covariance
        assertThat(SmeDecay.chiSquare(new double[] {0, 0}, sigma, sigma)).isInfinite();
    }
}
