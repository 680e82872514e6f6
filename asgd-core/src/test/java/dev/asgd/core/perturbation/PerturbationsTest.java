package dev.asgd.core.perturbation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PerturbationsTest {
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("sin:0.2", new SinePerturbation(0.2, 1)),
                Arguments.of("sin:0.2,3", new SinePerturbation(0.2, 3)),
                Arguments.of("tanh:0.5", new TanhPerturbation(0.5, 1)),
                Arguments.of("tanh:0.5,0.25", new TanhPerturbation(0.5, 0.25)),
                Arguments.of("bump:0.3", new GaussianBumpPerturbation(0.3)));
    }

    @ParameterizedTest
    @MethodSource("families")
    void parsesEachFamily(String spec, Perturbation expected) {
        Perturbation p = Perturbations.parse(spec);
        assertThat(p).isEqualTo(expected);
        assertThat(Perturbations.parse(p.spec())).isEqualTo(p);
        assertThat(p.isZero()).isFalse();
    }

    @Test
    void noneIsZero() {
        Perturbation p = Perturbations.parse(" none ");
        assertThat(p.isZero()).isTrue();
        assertThat(p.value(3)).isZero();
        assertThat(p.derivative(3)).isZero();
        assertThat(p.supAbsThetaTimesValue()).isZero();
        assertThat(p.epsilon0(4)).isZero();
        assertThat(p.spec()).isEqualTo("none");
    }

    /** The stated suprema against a dense grid, and the derivative against a central difference. */
    @ParameterizedTest
    @MethodSource("families")
    void supremaAndDerivativeMatchAGrid(String spec, Perturbation p) {
        double maxValue = 0;
        double maxDerivative = 0;
        double maxThetaValue = 0;
        double h = 1e-5;
        for (double t = -20; t <= 20; t += 1e-3) {
            maxValue = Math.max(maxValue, Math.abs(p.value(t)));
            maxDerivative = Math.max(maxDerivative, Math.abs(p.derivative(t)));
            maxThetaValue = Math.max(maxThetaValue, Math.abs(t * p.value(t)));
            double fd = (p.value(t + h) - p.value(t - h)) / (2 * h);
            assertThat(p.derivative(t)).as("%s eps'(%s)", spec, t).isCloseTo(fd, within(1e-6));
        }
        assertThat(maxValue).isCloseTo(p.supAbsValue(), within(1e-6));
        assertThat(maxDerivative).isCloseTo(p.supAbsDerivative(), within(1e-6));
        if (Double.isFinite(p.supAbsThetaTimesValue())) {
            assertThat(maxThetaValue).isCloseTo(p.supAbsThetaTimesValue(), within(1e-6));
        } else {
            // unbounded: theta eps(theta) keeps growing on the grid
            assertThat(maxThetaValue).isGreaterThan(10 * p.supAbsValue());
        }
    }

    @Test
    void epsilonZeroIsTheFinitePartOfAssumption31() {
        Perturbation p = new SinePerturbation(0.1, 2);
        assertThat(p.epsilon0(1)).isEqualTo(0.2);
        assertThat(p.epsilon0(3)).isCloseTo(0.6, within(1e-15));
        assertThat(new GaussianBumpPerturbation(0.1).epsilon0(1)).isEqualTo(0.1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sin", "sin:", "sin:a", "sin:-1", "sin:1,0", "sin:1,2,3", "tanh:1,-1", "bump:1,2",
        "cos:1", "none:1"})
    void rejectsMalformedSpecs(String spec) {
        assertThatThrownBy(() -> Perturbations.parse(spec))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("perturbation = ")
                .hasMessageContaining(Perturbations.ALLOWED);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Perturbations.parse(null)).isInstanceOf(InvalidParameterException.class);
    }
}
