package dev.asgd.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.SoftmaxRegression;
import org.junit.jupiter.api.Test;

class ProblemChoiceTest {
    private static DenseDataset rows(double... labels) {
        return new DenseDataset(new double[labels.length * 2], labels, 2);
    }

    @Test
    void defaultProblems() {
        assertThat(ProblemChoice.defaultProblem("fashion-mnist", null)).isEqualTo("softmax");
        assertThat(ProblemChoice.defaultProblem("synthetic:logistic,n=5", null)).isEqualTo("logistic");
        assertThat(ProblemChoice.defaultProblem("csv:x", rows(0, 1, 2))).isEqualTo("softmax");
        assertThat(ProblemChoice.defaultProblem("csv:x", rows(0, 1, 1))).isEqualTo("logistic");
        assertThat(ProblemChoice.defaultProblem("csv:x", rows(0.5, 1, 2))).isEqualTo("least-squares");
    }

    @Test
    void requestedOrDefault() {
        TrainTest tt = new TrainTest(rows(0.5, 1.5, 2), null, null);
        ProblemChoice c = ProblemChoice.of("csv:x", null, tt, 0);
        assertThat(c.name()).isEqualTo("least-squares");
        assertThat(c.problem()).isInstanceOf(LeastSquares.class);
        assertThat(ProblemChoice.of("csv:x", "least-squares", new TrainTest(rows(0, 1, 2), null, null), 0).name())
                .isEqualTo("least-squares");
    }

    @Test
    void softmaxHasTheHeldOutClassesToo() {
        TrainTest tt = new TrainTest(rows(0, 1, 2), rows(3, 4), null);
        ProblemChoice c = ProblemChoice.of("csv:x", "softmax", tt, 0);
        assertThat(((SoftmaxRegression) c.problem()).classes()).isEqualTo(5);
        TrainTest same = new TrainTest(rows(0, 1, 2), rows(1), null);
        assertThat(((SoftmaxRegression) ProblemChoice.of("csv:x", "softmax", same, 0).problem()).classes()).isEqualTo(3);
        TrainTest bad = new TrainTest(rows(0, 1, 2), rows(0.5), null);
        assertThatThrownBy(() -> ProblemChoice.of("csv:x", "softmax", bad, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("held-out");
    }
}
