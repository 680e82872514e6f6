package dev.asgd.theory.moments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.ModelParameters;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.RateAnalysis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact recursions against the closed-form analysis of {@code asgd rate}, mode by mode. */
class ExactMomentsAgainstRateAnalysisTest {

    @ParameterizedTest
    @CsvSource({"0.001, 0.9", "0.01, 0.9", "0.2, 0.5", "3, 0.5", "0.05, 0"})
    void meanRateIsTheSlowestDiscreteModeOfRateAnalysis(double eta, double kappa) {
        double[] omega = {0.5, 1, 2};
        RateAnalysis a = RateAnalysis.of(new ModelParameters(eta, kappa, omega, 1), 1e-3, 4);
        ExactMoments m = ExactMoments.of(new MomentProblem(eta, omega, new double[] {1, 1, 1},
                new double[] {1, 1, 1}, null, new GeometricStaleness(kappa)));
        assertThat(m.meanRate()).isCloseTo(a.slowestDiscrete().meanContractionPerStep(), within(1e-9));
        assertThat(a.verdict()).isNotBlank();
        assertThat(a.efficiency()).isNotNull();
        // The squared mean's modes are eigenvalues of the second-moment map, so its rate is at least rho_mean^2.
        if (m.secondMomentRate() < 1) {
            assertThat(m.secondMomentRate()).isGreaterThanOrEqualTo(m.meanRate() * m.meanRate() - 1e-12);
        }
        // The second moment is unstable no later than the mean.
        assertThat(m.secondMomentEtaMax()).isLessThanOrEqualTo(a.etaMax() * (1 + 1e-9));
    }
}
