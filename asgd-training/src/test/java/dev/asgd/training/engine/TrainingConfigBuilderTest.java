package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import org.junit.jupiter.api.Test;

class TrainingConfigBuilderTest {
    @Test
    void namedSettingsEqualThePositionalConstructor() {
        WorkerDelay delay = WorkerDelay.parse("exp:0.2", 4);
        TrainingConfig built = TrainingConfig.builder("synthetic:least-squares", "least-squares").l2(0.5)
                .mode(Mode.parse("ssp:2")).workers(4).policy(LearningRatePolicy.parse("scaled")).eta(0.1).batchSize(8)
                .updates(500).seed(7).evalEvery(25).checkpointEvery(100).delay(delay).build();
        assertThat(built).isEqualTo(new TrainingConfig("synthetic:least-squares", "least-squares", 0.5,
                Mode.parse("ssp:2"), 4, LearningRatePolicy.parse("scaled"), 0.1, 8, 500, 7, 25, 100, delay));
    }

    @Test
    void defaults() {
        TrainingConfig c = TrainingConfig.builder("d", "softmax").eta(0.05).updates(100).build();
        assertThat(c.l2()).isZero();
        assertThat(c.mode()).isEqualTo(Mode.parse("async"));
        assertThat(c.workers()).isEqualTo(1);
        assertThat(c.policy()).isEqualTo(new LearningRatePolicy.Constant());
        assertThat(c.batchSize()).isEqualTo(16);
        assertThat(c.seed()).isEqualTo(1);
        assertThat(c.evalEvery()).isEqualTo(10);
        assertThat(c.checkpointEvery()).isZero();
        assertThat(c.delay()).isEqualTo(WorkerDelay.none());
    }

    @Test
    void etaAndUpdatesMustBeSet() {
        assertThatThrownBy(() -> TrainingConfig.builder("d", "softmax").updates(100).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> TrainingConfig.builder("d", "softmax").eta(0.1).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("updates");
    }
}
