package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import org.junit.jupiter.api.Test;

class WorkerEfficiencyTest {
    @Test
    void remark34AsPrintedAndExactly() {
        WorkerEfficiency e = WorkerEfficiency.of(0.1, 0.75, new double[] {1}, 8);
        assertThat(e.efficiencyPaper()).isCloseTo(2, within(1e-15));
        assertThat(e.sgdContractionPerGradient()).isCloseTo(0.9, within(1e-15));
        assertThat(e.asgdContractionPerGradient()).isCloseTo(DiscreteMeanRate.contractionPerStep(0.1, 0.75, 1),
                within(1e-15));
        assertThat(e.asgdDecayPerUnitTime()).isCloseTo(-8 * Math.log(e.asgdContractionPerGradient()), within(1e-14));
        assertThat(e.sgdDecayPerUnitTime()).isCloseTo(-Math.log(0.9), within(1e-15));
        assertThat(e.speedupPerUnitTime()).isCloseTo(e.asgdDecayPerUnitTime() / e.sgdDecayPerUnitTime(), within(1e-12));
        assertThat(e.queueModelKappa()).isCloseTo(7.0 / 8, within(1e-15));
        assertThat(8 * (1 - e.queueModelKappa())).as("queue model: m (1 - kappa) = 1").isCloseTo(1, within(1e-15));
    }

    @Test
    void oneWorkerWithoutStalenessIsSgd() {
        WorkerEfficiency e = WorkerEfficiency.of(0.1, 0, new double[] {1, 2}, 1);
        assertThat(e.speedupPerUnitTime()).isCloseTo(1, within(1e-12));
    }

    @Test
    void verdictsCompareTheFiguresOfMeritWithOne() {
        WorkerEfficiency e = WorkerEfficiency.of(0.1, 0.75, new double[] {1}, 8);
        assertThat(e.asgdWinsPaper()).as("8 (1 - 0.75) = 2 > 1").isTrue();
        assertThat(e.asgdWinsExact()).isEqualTo(e.speedupPerUnitTime() > 1);
        WorkerEfficiency f = WorkerEfficiency.of(0.1, 0.9, new double[] {1}, 8);
        assertThat(f.asgdWinsPaper()).as("8 (1 - 0.9) = 0.8 < 1").isFalse();
        WorkerEfficiency sgd = WorkerEfficiency.of(0.1, 0, new double[] {1}, 1);
        assertThat(sgd.asgdWinsExact()).as("speedup of SGD over itself is 1, not > 1").isEqualTo(
                sgd.speedupPerUnitTime() > 1);
        assertThat(WorkerEfficiency.QUEUE_MODEL_EFFICIENCY_PAPER).isEqualTo(8 * (1 - e.queueModelKappa()));
    }

    @Test
    void rejectsZeroWorkers() {
        assertThatThrownBy(() -> WorkerEfficiency.of(0.1, 0.5, new double[] {1}, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("workers = 0");
    }
}
