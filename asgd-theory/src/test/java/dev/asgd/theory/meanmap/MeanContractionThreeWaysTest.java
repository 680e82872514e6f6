package dev.asgd.theory.meanmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.theory.DiscreteMeanRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mean's contraction three ways: closed form, Hipparchus eigenvalues, the iterated definition. */
class MeanContractionThreeWaysTest {

    @ParameterizedTest
    @CsvSource({"0.05, 0.5", "0.05, 0.9", "0.01, 0.3", "1.0, 0.2"})
    void threeComputationsOfTheMeanContractionAgree(double eta, double kappa) {
        double closed = DiscreteMeanRate.contractionPerStep(eta, kappa, 1);
        assertThat(MeanMapSpectrum.of(eta, kappa, 1).radius()).isCloseTo(closed, within(1e-12));
        double brute = MeanFromDefinition.contraction(eta, kappa, 1,
                (int) Math.ceil(300 / -Math.log(closed * closed)));
        assertThat(Math.log(brute) / Math.log(closed)).isCloseTo(1, within(0.02));
    }

    @Test
    void companionEigenvaluesAreComplexExactlyAboveTheThreshold() {
        assertThat(MeanMapSpectrum.of(0.01, 0.9, 1).complex()).isFalse(); // below 0.02633
        assertThat(MeanMapSpectrum.of(0.05, 0.9, 1).complex()).isTrue();
    }
}
