package dev.asgd.report.reproduce.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.fokkerplanck.study.FokkerPlanckRates;
import dev.asgd.simulation.study.MonteCarloDecay;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.DiscreteMeanSpectrum;
import dev.asgd.theory.sme.SmeDecay;
import org.junit.jupiter.api.Test;

/** The report's level names, and its facades returning exactly the library's numbers. */
class LevelsTest {

    @Test
    void levelsHaveKeysLabelsAndModules() {
        assertThat(Level.MONTE_CARLO.key()).isEqualTo("monteCarlo");
        assertThat(Level.SME_ENSEMBLE.key()).isEqualTo("smeEnsemble");
        assertThat(Level.FOKKER_PLANCK.module()).isEqualTo("asgd-fokkerplanck");
        assertThat(Level.CLOSED_FORM.label()).isEqualTo("closed form");
        for (Level l : Level.values()) {
            assertThat(l.available()).isTrue();
        }
    }

    @Test
    void facadesReturnTheLibrarysNumbers() {
        assertThat(DiscreteLevel.contraction(0.05, 0.9, 1)).isEqualTo(DiscreteMeanRate.contractionPerStep(0.05, 0.9, 1));
        assertThat(DiscreteLevel.companion(0.05, 0.9, 1)).isEqualTo(DiscreteMeanSpectrum.companion(0.05, 0.9, 1));
        assertThat(DiscreteLevel.bruteForceContraction(0.05, 0.9, 1, 200))
                .isEqualTo(DiscreteMeanSpectrum.bruteForceContraction(0.05, 0.9, 1, 200));
        assertThat(SmeLevel.decayPerUnitTime(0.01, 0.99, 1)).isEqualTo(SmeDecay.decayPerUnitTime(0.01, 0.99, 1));
        assertThat(SmeLevel.decayPerStep(0.01, 0.99, 1)).isEqualTo(SmeDecay.decayPerStep(0.01, 0.99, 1));
        assertThat(FokkerPlanckLevel.spectralGap(0.01, 0.9, 1, 1, NoPerturbation.INSTANCE))
                .isEqualTo(FokkerPlanckRates.spectralGap(0.01, 0.9, 1, 1, NoPerturbation.INSTANCE));
        assertThat(FokkerPlanckLevel.spectralGap(0.01, 0.9, 1, 1, NoPerturbation.INSTANCE, 6))
                .isEqualTo(FokkerPlanckRates.spectralGap(0.01, 0.9, 1, 1, NoPerturbation.INSTANCE, 6));
        MonteCarloLevel.Estimate e = MonteCarloLevel.secondMomentDecayPerStep(0.05, 0.5, 1, 10, 1, 1);
        MonteCarloDecay.Estimate d = MonteCarloDecay.secondMomentDecayPerStep(0.05, 0.5, 1, 10, 1, 1);
        assertThat(e.value()).isEqualTo(d.value());
        assertThat(e.exact()).isEqualTo(d.exact());
    }

    /** THEORY-NOTES section 2: eta = 0.01, kappa = 0.9, omega0 = 1, sigma = 1 has E theta^2 -> 0.00548. */
    @Test
    void discreteMomentsAreTheoryExactMoments() {
        DiscreteMoments d = DiscreteMoments.deterministic(0.01, 0.9, 1, 1, 1);
        for (int k = 0; k < 20_000; k++) {
            d.step();
        }
        assertThat(d.secondMoment()).isCloseTo(0.00548, within(1e-5));
        assertThat(d.mean()).isCloseTo(0, within(1e-12));
    }
}
