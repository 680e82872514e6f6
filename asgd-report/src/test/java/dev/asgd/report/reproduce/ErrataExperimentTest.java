package dev.asgd.report.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.theory.errata.Errata;
import dev.asgd.theory.errata.ErrataStudy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The errata table's tolerances: they confirm the corrected statements and can fail. */
class ErrataExperimentTest {

    private static Errata errata(double queueStaleness, double perturbedGap) {
        return ErrataStudy.run(new ErrataStudy.Sources() {
            @Override
            public double queueMeanStaleness(int workers) {
                return queueStaleness;
            }

            @Override
            public double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation,
                    int degree) {
                return perturbation.isZero() ? 0.79 : perturbedGap;
            }
        }, null);
    }

    @Test
    void everyCorrectionIsConfirmedByConsistentNumbers() {
        List<ErrataExperiment.Erratum> rows = ErrataExperiment.rows(errata(7, 0.80));
        assertThat(rows).extracting(ErrataExperiment.Erratum::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(rows).allSatisfy(r -> assertThat(r.confirmed()).as("erratum %d", r.number()).isTrue());
        assertThat(rows.get(9).evidence()).contains("E tau = 7.000");
        // only erratum 12, a typo, is confirmed by reading rather than by a computation
        assertThat(rows).filteredOn(ErrataExperiment.Erratum::byReading).extracting(ErrataExperiment.Erratum::number)
                .containsExactly(12);
    }

    @Test
    void specValuesAreReadFromTheDataSpec() {
        assertThat(Fmt.specValue("synthetic:least-squares,n=4000,d=10,seed=", "n")).isEqualTo("4000");
        assertThat(Fmt.specValue("synthetic:least-squares,n=4000,d=10,seed=", "d")).isEqualTo("10");
        assertThatThrownBy(() -> Fmt.specValue("synthetic:least-squares,n=4000", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueueOrAGapOffTheCorrectionIsNotConfirmed() {
        List<ErrataExperiment.Erratum> rows = ErrataExperiment.rows(errata(3, 0.5));
        assertThat(rows).filteredOn(r -> !r.confirmed()).extracting(ErrataExperiment.Erratum::number)
                .containsExactly(10, 14);
    }
}
