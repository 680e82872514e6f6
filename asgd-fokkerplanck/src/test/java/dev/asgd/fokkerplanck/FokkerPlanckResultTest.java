package dev.asgd.fokkerplanck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.theory.DampingRegime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived quantities of a result, on hand-made numbers. */
class FokkerPlanckResultTest {
    private static final FokkerPlanckProblem P = new FokkerPlanckProblem(0.5, 0.5, new double[] {1, 2},
            new double[] {3, 3}, Perturbations.parse("none"), 4);

    private static FokkerPlanckResult result(double muSharp, double muPaper, double epsilon, double measured,
            int modes) {
        List<SpectralGap.Mode> m = new ArrayList<>();
        for (int i = 0; i < modes; i++) {
            m.add(new SpectralGap.Mode(-(i + 1), 0, i + 1, i % 2));
        }
        SpectralGap gap = new SpectralGap(1.5, new double[] {-1.5, 0}, 1, "blocks", m);
        return new FokkerPlanckResult(P, "shifted", muSharp, muPaper, 0, epsilon, gap, 2 * muSharp, muSharp,
                List.of(), measured, measured, new double[] {0, 1}, 0.01, 100, 1e-12,
                List.of(new double[] {0.5, -1, 2.25, 0.5, 4}, new double[] {0, 0, 1, 0, 1}), 0, Double.NaN,
                List.of(), 0, 0, List.of());
    }

    @Test
    void ratiosAndAttainedRate() {
        FokkerPlanckResult r = result(0.75, 1.5, 0, 0.75, 3);
        assertThat(r.printedOverSharp()).isEqualTo(2);
        assertThat(r.gapOverMuSharp()).isEqualTo(2);
        assertThat(r.measuredOverMuSharp()).isEqualTo(1);
        assertThat(r.measuredOverMuPaper()).isEqualTo(0.5);
        assertThat(r.attained()).isEqualTo(FokkerPlanckResult.Attained.SHARP);
        assertThat(result(0.75, 1.5, 0, 1.51, 3).attained()).as("within 1 % of the printed rate")
                .isEqualTo(FokkerPlanckResult.Attained.PRINTED);
        assertThat(result(0.75, 1.5, 0, 1.0, 3).attained()).isEqualTo(FokkerPlanckResult.Attained.NEITHER);
        assertThat(FokkerPlanckResult.Attained.PRINTED.description()).startsWith("printed mu");
    }

    @Test
    void correctedBoundAllowsTheIntegratorsSlack() {
        assertThat(result(1, 2, 0.1, 0.9, 1).correctedBoundHolds()).isTrue();
        assertThat(result(1, 2, 0.1, 0.8995, 1).correctedBoundHolds()).as("1e-3 below muSharp - eps").isTrue();
        assertThat(result(1, 2, 0.1, 0.898, 1).correctedBoundHolds()).isFalse();
    }

    @Test
    void steadyStateCovariancesFromRawMoments() {
        List<FokkerPlanckResult.SteadyState> s = result(1, 2, 0, 1, 1).steadyState();
        assertThat(s).containsExactly(new FokkerPlanckResult.SteadyState(0.5, -1, 2.0, 1.0, 3.0),
                new FokkerPlanckResult.SteadyState(0, 0, 1, 0, 1));
    }

    @Test
    void betaRegimeAndSlowModes() {
        FokkerPlanckResult r = result(1, 2, 0, 1, 12);
        assertThat(r.beta()).containsExactly(P.sme(0).beta(), P.sme(1).beta());
        assertThat(r.regime()).as("gamma = 1 against 2 omega0 = 2 of the slowest coordinate")
                .isEqualTo(DampingRegime.of(P.gamma(), 1));
        assertThat(P.gamma()).isCloseTo(1, within(1e-15));
        assertThat(r.regime()).isEqualTo(DampingRegime.UNDERDAMPED);
        assertThat(r.slowModes()).hasSize(FokkerPlanckResult.SLOW_MODES);
        assertThat(result(1, 2, 0, 1, 3).slowModes()).hasSize(3);
        assertThat(r.slowModes().get(0).parityLabel()).isEqualTo("even");
        assertThat(r.slowModes().get(1).parityLabel()).isEqualTo("odd");
    }

    @Test
    void predictedDecayStartsAtTheFirstNormAndDecaysAtTwiceMu() {
        FokkerPlanckResult r = result(0.75, 1.5, 0, 0.75, 1);
        assertThat(r.predictedDecay(0.75)).isEmpty();
        FokkerPlanckResult withSeries = new FokkerPlanckResult(P, r.initial(), r.muSharp(), r.muPaper(),
                r.epsilon0(), r.epsilon(), r.spectrum(), r.degree2Rate(), r.expectedRate(),
                List.of(new FokkerPlanckResult.Point(0, 0, 4, 5), new FokkerPlanckResult.Point(2, 10, 1, 1)),
                r.measuredRate(), r.measuredRateH(), r.window(), r.timeStep(), r.steps(), r.steadyResidual(),
                r.steadyMoments(), r.maxMassDefect(), r.initialTail(), r.study(), r.gapTruncationError(),
                r.rateTruncationError(), r.snapshots());
        double[] sharp = withSeries.predictedDecay(withSeries.muSharp());
        assertThat(sharp[0]).isEqualTo(4);
        assertThat(sharp[1]).isCloseTo(4 * Math.exp(-3), within(1e-15));
        assertThat(withSeries.predictedDecay(0)).containsExactly(4, 4);
    }

    @Test
    void defaultDegreeByDimension() {
        assertThat(FokkerPlanckProblem.defaultDegree(1)).isEqualTo(32);
        assertThat(FokkerPlanckProblem.defaultDegree(2)).isEqualTo(12);
        assertThat(FokkerPlanckProblem.defaultDegree(2)).isLessThanOrEqualTo(FokkerPlanckProblem.MAX_DEGREE_D2);
    }

    @Test
    void densityWindowHoldsFourDeviationsAboutZeroAndAboutTheStart() {
        // beta = 4, omega0 = 2: sd of x = 1 / (2 * 2) = 0.25, of v = 0.5
        DensityGrid.Window centred = DensityGrid.Window.of(2, 4, null);
        assertThat(centred.x()).containsExactly(-1, 1);
        assertThat(centred.v()).containsExactly(-2, 2);
        // start mean x = 8 * 0.25 = 2, v = -2 * 0.5 = -1
        DensityGrid.Window shifted = DensityGrid.Window.of(2, 4, new double[] {1, 8, -2});
        assertThat(shifted.x()).containsExactly(-1, 3);
        assertThat(shifted.v()).containsExactly(-3, 2);
    }
}
