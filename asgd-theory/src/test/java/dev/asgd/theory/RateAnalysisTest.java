package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.ModelParameters;
import org.junit.jupiter.api.Test;

class RateAnalysisTest {
    @Test
    void notesExampleEndToEnd() {
        RateAnalysis a = RateAnalysis.of(ModelParameters.of(0.01, 0.9, 1, 1), 1e-6, 8);
        ModeRate m = a.slowestSme();
        assertThat(m.regime()).isEqualTo(DampingRegime.OVERDAMPED);
        double gamma = Math.sqrt(10);
        assertThat(m.muSharp()).isCloseTo((gamma - Math.sqrt(6)) / 2, within(1e-13));
        assertThat(m.decayPerStepSharp()).isCloseTo((gamma - Math.sqrt(6)) * Math.sqrt(0.001), within(1e-13));
        assertThat(a.expectedStaleness()).isCloseTo(9, within(1e-12));
        assertThat(a.expectedStalenessPaper()).isCloseTo(10, within(1e-12));
        assertThat(a.etaMax()).isCloseTo(38, within(1e-12));
        assertThat(a.epsilon()).isCloseTo(1e-6 * m.constants().c1(), within(1e-6));
        assertThat(a.muSharpMinusEpsilon()).isEqualTo(m.muSharp() - a.epsilon());
        assertThat(a.efficiency().efficiencyPaper()).isCloseTo(0.8, within(1e-12));
        assertThat(a.verdict()).startsWith("below the threshold");
        assertThat(m.printedOverSharp()).as("overdamped: printed (gamma - sqrt(gamma^2 - 4)) is twice the sharp rate")
                .isCloseTo(2, within(1e-12));
    }

    /** E[tau] from the pmf (1 - kappa) kappa^l summed directly: kappa / (1 - kappa), not the printed 1 / (1 - kappa). */
    @Test
    void expectedStalenessIsTheMeanOfTheGeometricLaw() {
        for (double kappa : new double[] {0, 0.3, 0.9, 0.99}) {
            double mean = 0;
            double p = 1 - kappa;
            for (int l = 0; l < 20000; l++) {
                mean += l * p;
                p *= kappa;
            }
            RateAnalysis a = RateAnalysis.of(ModelParameters.of(0.01, kappa, 1, 1), Double.NaN, 0);
            assertThat(a.expectedStaleness()).isCloseTo(mean, within(1e-9 * Math.max(1, mean)));
            assertThat(a.expectedStalenessPaper()).isCloseTo(mean + 1, within(1e-9 * Math.max(1, mean)));
        }
    }

    @Test
    void slowestModesAreChosenPerLevel() {
        // omega0 = 0.5 is the slowest SME mode; at eta = 0.3 the stiff mode omega0 = 3 is beyond the
        // plateau and contracts more slowly than sqrt(kappa), so it decides the discrete rate.
        RateAnalysis a = RateAnalysis.of(new ModelParameters(0.3, 0.5, new double[] {1, 0.5, 3}, 1), Double.NaN, 0);
        assertThat(a.smeMode()).isEqualTo(1);
        assertThat(a.modes()).hasSize(3);
        double max = 0;
        for (ModeRate m : a.modes()) {
            max = Math.max(max, m.meanContractionPerStep());
        }
        assertThat(a.slowestDiscrete().meanContractionPerStep()).isEqualTo(max);
        assertThat(a.etaThreshold()).isEqualTo(DiscreteMeanRate.etaThresholdPaper(0.5, 0.5));
        assertThat(a.etaMax()).isEqualTo(DiscreteMeanRate.etaMax(0.5, 3));
        assertThat(a.efficiency()).isNull();
        assertThat(a.epsilon()).isNaN();
    }

    @Test
    void verdictsCoverEveryRegionOfEta() {
        double kappa = 0.5;
        assertThat(analysis(0.01, kappa).verdict()).startsWith("below the threshold");
        assertThat(analysis(1, kappa).verdict()).startsWith("above the threshold")
                .contains(String.format(java.util.Locale.ROOT, "sqrt(kappa) = %.6g", Math.sqrt(kappa)));
        // on the plateau the mean contracts by exactly sqrt(kappa) per step
        assertThat(analysis(1, kappa).plateauContraction()).isEqualTo(Math.sqrt(kappa))
                .isCloseTo(analysis(1, kappa).slowestDiscrete().meanContractionPerStep(), within(1e-12));
        double upper = DiscreteMeanRate.etaWindowUpper(kappa, 1);
        double max = DiscreteMeanRate.etaMax(kappa, 1);
        assertThat(analysis(0.5 * (upper + max), kappa).verdict()).startsWith("beyond the plateau");
        assertThat(analysis(max * 1.01, kappa).verdict()).startsWith("unstable");
    }

    private static RateAnalysis analysis(double eta, double kappa) {
        return RateAnalysis.of(ModelParameters.of(eta, kappa, 1, 1), Double.NaN, 0);
    }

    @Test
    void rejectsBadOptionalInputs() {
        ModelParameters p = ModelParameters.of(0.01, 0.5, 1, 1);
        assertThatThrownBy(() -> RateAnalysis.of(p, -1, 0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> RateAnalysis.of(p, Double.NaN, -2)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("workers = -2");
    }

    @Test
    void modesListIsImmutable() {
        RateAnalysis a = analysis(0.1, 0.5);
        assertThatThrownBy(() -> a.modes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
