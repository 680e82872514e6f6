package dev.asgd.theory.meanmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.theory.DecayRates;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.SmeParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MeanMapTest {

    @ParameterizedTest
    @CsvSource({"0.001, 0.9, 1", "0.01, 0.99, 1", "0.05, 0.9, 1", "0.5, 0.5, 1", "0.2, 0.9, 2"})
    void hipparchusSpectrumIsTheClosedFormContraction(double eta, double kappa, double omega0) {
        MeanMapSpectrum s = MeanMapSpectrum.of(eta, kappa, omega0);
        assertThat(s.radius()).isCloseTo(DiscreteMeanRate.contractionPerStep(eta, kappa, omega0), within(1e-12));
        assertThat(s.complex()).isEqualTo(eta > DiscreteMeanRate.etaThresholdExact(kappa, omega0));
    }

    @ParameterizedTest
    @CsvSource({"0.001, 0.99, 1", "0.01, 0.99, 1", "0.0025, 0.99, 1", "0.05, 0.9, 1"})
    void smeTransitionDecaysAtTwiceTheSharpRate(double eta, double kappa, double omega0) {
        SmeParameters p = SmeParameters.of(eta, kappa, omega0, 0);
        double twoMu = 2 * DecayRates.muSharp(p.gamma(), omega0);
        assertThat(SmeMeanTransition.decayPerUnitTime(eta, kappa, omega0)).isCloseTo(twoMu, within(1e-6 * twoMu));
        assertThat(SmeMeanTransition.decayPerStep(eta, kappa, omega0))
                .isCloseTo(twoMu * p.deltaT(), within(1e-6 * twoMu * p.deltaT()));
        assertThat(SmeMeanTransition.complex(eta, kappa, omega0)).isEqualTo(p.gamma() < 2 * omega0);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0, 1", "0.1, 0.3, 1", "0.1, 0.9, 1", "0.05, 0.9, 1", "0.01, 0.99, 1"})
    void meanFromTheDefinitionContractsAtTheClosedFormRate(double eta, double kappa, double omega0) {
        double rho = DiscreteMeanRate.contractionPerStep(eta, kappa, omega0);
        int steps = (int) Math.min(40_000, Math.ceil(300 / (-2 * Math.log(rho))));
        assertThat(MeanFromDefinition.contraction(eta, kappa, omega0, steps)).isCloseTo(rho, within(2e-3 * rho));
    }

    @Test
    void bisectionFindsAKnownThreshold() {
        assertThat(EigenvalueKindBisection.threshold(1e-8, 1, e -> e > 0.3)).isCloseTo(0.3, within(1e-12));
        double exact = DiscreteMeanRate.etaThresholdExact(0.9, 1);
        assertThat(EigenvalueKindBisection.threshold(1e-8, 1, e -> MeanMapSpectrum.of(e, 0.9, 1).complex()))
                .isCloseTo(exact, within(1e-9 * exact));
    }

    @Test
    void gridsHitTheirEnds() {
        double[] log = Grid.logspace(1e-4, 1, 5);
        assertThat(log).hasSize(5);
        assertThat(log[0]).isEqualTo(1e-4);
        assertThat(log[2]).isCloseTo(1e-2, within(1e-15));
        assertThat(log[4]).isCloseTo(1, within(1e-15));
        assertThat(Grid.linspace(0, 1, 5)).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(Grid.linspace(2, 3, 1)).containsExactly(2);
    }
}
