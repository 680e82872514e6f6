package dev.asgd.simulation.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.perturbation.Perturbations;
import org.junit.jupiter.api.Test;

/** One test per invalid input of the SDE package. */
class SdeValidationTest {
    private static final QuadraticLoss LOSS = QuadraticLoss.of(1.0);
    private static final SdeProblem OK = new SdeProblem(LOSS, 0.01, 0.9, new double[] {1}, new double[] {1});

    private static void rejects(Runnable r, String parameter) {
        assertThatThrownBy(r::run).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo(parameter));
    }

    private static SdeConfig config(SchemeKind s, int substeps, long steps, long every, int runs, int threads,
            double bound, double[] levels) {
        return new SdeConfig(OK, s, substeps, steps, every, runs, 1, threads, bound, levels);
    }

    @Test
    void rejectsNonPositiveEta() {
        rejects(() -> new SdeProblem(LOSS, 0, 0.9, new double[] {1}, new double[] {1}), "eta");
    }

    @Test
    void rejectsKappaOne() {
        rejects(() -> new SdeProblem(LOSS, 0.01, 1, new double[] {1}, new double[] {1}), "kappa");
    }

    @Test
    void rejectsNegativeSigma() {
        rejects(() -> new SdeProblem(LOSS, 0.01, 0.5, new double[] {-1}, new double[] {1}), "sigma");
    }

    @Test
    void rejectsSigmaOfTheWrongLength() {
        rejects(() -> new SdeProblem(LOSS, 0.01, 0.5, new double[] {1, 1}, new double[] {1}), "sigma");
    }

    @Test
    void rejectsTheta0OfTheWrongLength() {
        rejects(() -> new SdeProblem(LOSS, 0.01, 0.5, new double[] {1}, new double[] {1, 2}), "theta0");
    }

    @Test
    void rejectsNonFiniteTheta0() {
        rejects(() -> new SdeProblem(LOSS, 0.01, 0.5, new double[] {1}, new double[] {Double.NaN}), "theta0");
    }

    @Test
    void rejectsAMissingLoss() {
        rejects(() -> new SdeProblem(null, 0.01, 0.5, new double[] {1}, new double[] {1}), "loss");
    }

    @Test
    void rejectsZeroSubsteps() {
        rejects(() -> config(SchemeKind.EM, 0, 10, 1, 1, 1, 1e100, null), "substeps");
    }

    @Test
    void rejectsZeroSteps() {
        rejects(() -> config(SchemeKind.EM, 1, 0, 1, 1, 1, 1e100, null), "steps");
    }

    @Test
    void rejectsZeroEvery() {
        rejects(() -> config(SchemeKind.EM, 1, 10, 0, 1, 1, 1e100, null), "every");
    }

    @Test
    void rejectsTooManyRecords() {
        rejects(() -> config(SchemeKind.EM, 1, 100_000_000L, 1, 1, 1, 1e100, null), "every");
    }

    @Test
    void rejectsZeroRuns() {
        rejects(() -> config(SchemeKind.EM, 1, 10, 1, 0, 1, 1e100, null), "runs");
    }

    @Test
    void rejectsZeroThreads() {
        rejects(() -> config(SchemeKind.EM, 1, 10, 1, 1, 0, 1e100, null), "threads");
    }

    @Test
    void rejectsANonPositiveDivergenceBound() {
        rejects(() -> config(SchemeKind.EM, 1, 10, 1, 1, 1, 0, null), "divergence-bound");
    }

    @Test
    void rejectsQuantileLevelsOutsideTheUnitInterval() {
        rejects(() -> config(SchemeKind.EM, 1, 10, 1, 1, 1, 1e100, new double[] {1.5}), "quantiles");
    }

    @Test
    void rejectsExactSamplingOfAPerturbedLoss() {
        SdeProblem p = new SdeProblem(new QuadraticLoss(new double[] {1}, new double[] {0},
                Perturbations.parse("sin:0.1")), 0.01, 0.5, new double[] {1}, new double[] {1});
        rejects(() -> new SdeConfig(p, SchemeKind.EXACT, 1, 10, 1, 1, 1, 1, 1e100, null), "scheme");
        rejects(() -> SchemeKind.EXACT.create(p, 0.1), "scheme");
    }

    @Test
    void rejectsAnUnknownScheme() {
        rejects(() -> SchemeKind.parse("rk4"), "scheme");
    }

    @Test
    void rejectsAStepAboveDeltaT() {
        rejects(() -> SdeConfig.substepsFor(0.2, 0.1), "dt");
    }

    @Test
    void rejectsANonPositiveStep() {
        rejects(() -> SdeConfig.substepsFor(0, 0.1), "dt");
    }

    @Test
    void rejectsATinyStep() {
        rejects(() -> SdeConfig.substepsFor(1e-9, 0.1), "dt");
    }

    @Test
    void substepsRoundUpAndDeltaTIsOneStep() {
        assertThat(SdeConfig.substepsFor(0.1, 0.1)).isEqualTo(1);
        assertThat(SdeConfig.substepsFor(0.1 / 3, 0.1)).isEqualTo(3);
        assertThat(SdeConfig.substepsFor(0.04, 0.1)).isEqualTo(3);
        assertThat(SchemeKind.parse(" Splitting ")).isEqualTo(SchemeKind.SPLITTING);
        SdeConfig c = config(SchemeKind.SPLITTING, 4, 25, 10, 2, 1, 1e100, new double[] {0.5});
        assertThat(c.dt()).isEqualTo(OK.deltaT() / 4);
        assertThat(c.records()).isEqualTo(4);
        assertThat(c.withThreads(3)).isNotEqualTo(c).extracting(SdeConfig::threads).isEqualTo(3);
        assertThat(c.withThreads(1)).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toString()).contains("splitting");
        assertThat(OK.withEta(0.02).eta()).isEqualTo(0.02);
        assertThat(OK.toString()).contains("eta=0.01");
    }
}
