package dev.asgd.fokkerplanck.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.study.PerturbationStudy;
import org.junit.jupiter.api.Test;

/** The Fokker-Planck studies against the closed-form sharp rate. */
class FokkerPlanckStudiesTest {

    @Test
    void gapIsTheSharpRate() {
        double kappa = 0.99;
        double[] eta = {(1 - kappa) / 0.25, (1 - kappa) / 25};
        int[] done = {0};
        GapStudy.Result r = GapStudy.run(new GapStudy.Parameters(kappa, 1, 1, eta), k -> done[0] = k);
        assertThat(done[0]).isEqualTo(2);
        double[] sharp = new double[eta.length];
        double worst = 0;
        for (int i = 0; i < eta.length; i++) {
            SmeParameters p = SmeParameters.of(eta[i], kappa, 1, 1);
            sharp[i] = 2 * DecayRates.muSharp(p.gamma(), 1);
            assertThat(r.twiceGap()[i]).isCloseTo(sharp[i], within(1e-8));
            worst = Math.max(worst, Math.abs(r.twiceGap()[i] / sharp[i] - 1));
        }
        assertThat(r.maxRelDevFrom(sharp)).isEqualTo(worst).isLessThan(1e-8);
    }

    @Test
    void gapStudyRefusesEveryInvalidParameter() {
        double[] eta = {0.01};
        assertThatThrownBy(() -> new GapStudy.Parameters(0.5, 1, 1, new double[0]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> new GapStudy.Parameters(0.5, 1, 1, null))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> new GapStudy.Parameters(0.5, 1, 1, new double[] {0.01, -1}))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> new GapStudy.Parameters(1, 1, 1, eta))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("kappa");
        assertThatThrownBy(() -> new GapStudy.Parameters(-0.1, 1, 1, eta))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("kappa");
        assertThatThrownBy(() -> new GapStudy.Parameters(0.5, 0, 1, eta))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("omega0");
        assertThatThrownBy(() -> new GapStudy.Parameters(0.5, Double.NaN, 1, eta))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("omega0");
        assertThatThrownBy(() -> new GapStudy.Parameters(0.5, 1, 0, eta))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("sigma");
        double[] given = {0.01, 0.02};
        GapStudy.Parameters p = new GapStudy.Parameters(0, 1, 1, given);
        given[0] = 5;
        assertThat(p.eta()).containsExactly(0.01, 0.02);
    }

    @Test
    void measuredDecayFromCentredAndOffCentreStarts() {
        InitialDecayStudy.Result r = InitialDecayStudy.run(new InitialDecayStudy.Parameters(0.99, 1, 1,
                new double[] {4}), null);
        InitialDecayStudy.PerGamma g = r.perGamma().get(0);
        assertThat(g.centred() / g.printed2Mu()).isCloseTo(1, within(0.15));
        assertThat(2 * g.offCentre() / g.printed2Mu()).isCloseTo(1, within(0.15));
        assertThat(r.maxRelDev()).isLessThan(0.15);
    }

    @Test
    void perturbedGapStaysAboveTheSharpBound() {
        PerturbationStudy.Parameters t = new PerturbationStudy.Parameters(0.01, 0.9, 1, 1, new double[] {0, 0.01, 0.1});
        PerturbationStudy.Result theory = PerturbationStudy.run(t);
        PerturbedGapStudy.Result r = PerturbedGapStudy.run(new PerturbedGapStudy.Parameters(t, 2, 16), theory, null);
        assertThat(r.fokkerPlanck()[1]).isNaN();
        assertThat(r.fokkerPlanck()[0]).isCloseTo(theory.twiceMuSharp(), within(1e-6));
        assertThat(r.sharpBoundViolations()).isZero();
        assertThat(r.change()).isEqualTo(r.fokkerPlanck()[2] / r.fokkerPlanck()[0] - 1);
        assertThatThrownBy(() -> new PerturbedGapStudy.Parameters(t, 0, 16)).isInstanceOf(InvalidParameterException.class);
    }
}
