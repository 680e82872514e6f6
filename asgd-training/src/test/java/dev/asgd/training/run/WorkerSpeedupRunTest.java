package dev.asgd.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.workers.WorkerStudy;
import org.junit.jupiter.api.Test;

/** Remark 3.4's threaded run: the measured staleness, the fitted kappa and the decays it reports. */
class WorkerSpeedupRunTest {

    @Test
    void oneWorkerIsSgdWithoutStaleness() throws Exception {
        WorkerStudy.MeasuredRun r = WorkerSpeedupRun.measure(1, 0.002, 600, 0, 3);
        assertThat(r.workers()).isEqualTo(1);
        assertThat(r.meanStaleness()).isZero();
        assertThat(r.kappa()).isZero();
        assertThat(r.updatesPerSecond()).isPositive();
        assertThat(r.seconds()).isPositive();
        assertThat(r.predictedDecayPerUpdate()).isPositive();
        assertThat(r.measuredDecayPerUpdate()).isPositive();
        assertThat(r.measuredDecayPerSecond()).isEqualTo(r.measuredDecayPerUpdate() * r.updatesPerSecond());
    }

    @Test
    void twoDelayedWorkersReadStaleParameters() throws Exception {
        WorkerStudy.MeasuredRun r = WorkerSpeedupRun.measure(2, 0.002, 600, 0.2, 3);
        assertThat(r.workers()).isEqualTo(2);
        assertThat(r.meanStaleness()).isPositive();
        // the geometric law with the measured mean: kappa = mean / (1 + mean)
        assertThat(r.kappa()).isCloseTo(r.meanStaleness() / (1 + r.meanStaleness()), within(1e-12));
        assertThat(r.predictedDecayPerUpdate()).isPositive();
    }

    @Test
    void rejectsNoWorkers() {
        assertThatThrownBy(() -> WorkerSpeedupRun.measure(0, 0.002, 600, 0, 3))
                .isInstanceOf(InvalidParameterException.class);
    }
}
