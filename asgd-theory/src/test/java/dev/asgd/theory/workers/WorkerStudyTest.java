package dev.asgd.theory.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.theory.DiscreteMeanRate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerStudyTest {

    @Test
    void printedCriterionAgainstTheExactSpeedUp() {
        WorkerStudy.Outcome o = WorkerStudy.models();
        WorkerComparison c = o.numbers();
        assertThat(c.workers()).hasSize(16);
        int disagree = 0;
        int last = 0;
        for (int i = 0; i < 16; i++) {
            int m = i + 1;
            assertThat(c.efficiencyPaperIndependent()[i]).isCloseTo(m * 0.1, within(1e-12));
            assertThat(c.efficiencyPaperQueue()[i]).isCloseTo(1, within(1e-12));
            // m gradients per unit time: m ln rho(eta, kappa) / ln rho(eta, 0)
            double exact = m * Math.log(DiscreteMeanRate.contractionPerStep(0.05, 0.9, 1))
                    / Math.log(DiscreteMeanRate.contractionPerStep(0.05, 0, 1));
            assertThat(c.speedupExactIndependent()[i]).isCloseTo(exact, within(1e-9 * exact));
            if ((m * 0.1 > 1) != (exact > 1)) {
                disagree++;
                last = m;
            }
        }
        assertThat(c.criterionDisagreements()).isEqualTo(disagree).isEqualTo(10);
        assertThat(o.largestDisagreeingWorkers()).isEqualTo(last).isEqualTo(10);
        assertThat(c.bruteForceSpeedupAt8()).isCloseTo(c.speedupExactIndependent()[7], within(0.01 * 8.2));
        assertThat(c.bruteForceContractionAsgd()).isCloseTo(o.atEight().asgdContractionPerGradient(), within(1e-3));
        assertThat(c.bruteForceContractionSgd()).isCloseTo(o.atEight().sgdContractionPerGradient(), within(1e-6));
        assertThat(c.training()).isEmpty();
        assertThat(c.queueKappa()[3]).isEqualTo(0.75);
        assertThat(c.queueKappaAt(4)).isEqualTo(0.75);
        assertThat(c.speedupExactIndependentAt(8)).isEqualTo(c.speedupExactIndependent()[7]);
        assertThat(c.efficiencyPaperIndependentAt(8)).isEqualTo(c.efficiencyPaperIndependent()[7]);
        assertThat(c.efficiencyPaperQueueAt(2)).isEqualTo(c.efficiencyPaperQueue()[1]);
        assertThat(c.speedupExactQueueAt(16)).isEqualTo(c.speedupExactQueue()[15]);
        assertThat(o.speedupAtLargestDisagreement()).isEqualTo(c.speedupExactIndependent()[9]);
        assertThatThrownBy(() -> c.indexOf(17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingRunsAreComparedWithTheFirst() {
        WorkerComparison c = WorkerStudy.withTraining(WorkerStudy.models().numbers(), List.of(
                new WorkerStudy.MeasuredRun(1, 0, 0, 100, 0.004, 0.004, 0.4, 1),
                new WorkerStudy.MeasuredRun(4, 3, 0.75, 400, 0.004, 0.004, 1.6, 1)));
        assertThat(c.training()).hasSize(2);
        assertThat(c.training().get(0).speedupPerSecond()).isEqualTo(1);
        assertThat(c.training().get(1).speedupPerSecond()).isCloseTo(4, within(1e-12));
        assertThat(c.training().get(1).efficiencyPaper()).isEqualTo(1);
        assertThat(c.training().get(1).kappaFit()).isEqualTo(0.75);
        assertThatThrownBy(() -> WorkerStudy.withTraining(c, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
