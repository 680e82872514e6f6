package dev.asgd.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {
    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void positiveFiniteRejects(double value) {
        assertThatThrownBy(() -> Require.positiveFinite(value, "eta"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("eta = " + value + ": allowed eta > 0 and finite")
                .satisfies(e -> {
                    InvalidParameterException ipe = (InvalidParameterException) e;
                    assertThat(ipe.parameter()).isEqualTo("eta");
                    assertThat(ipe.value()).isEqualTo(String.valueOf(value));
                    assertThat(ipe.allowed()).isEqualTo("eta > 0 and finite");
                });
    }

    @Test
    void positiveFiniteAccepts() {
        assertThat(Require.positiveFinite(Double.MIN_VALUE, "eta")).isEqualTo(Double.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-300, Double.NaN, Double.POSITIVE_INFINITY})
    void nonNegativeFiniteRejects(double value) {
        assertThatThrownBy(() -> Require.nonNegativeFinite(value, "sigma"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("sigma >= 0");
    }

    @Test
    void nonNegativeFiniteAcceptsZero() {
        assertThat(Require.nonNegativeFinite(0, "sigma")).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 1.5, -0.1, Double.NaN})
    void halfOpenRejects(double kappa) {
        assertThatThrownBy(() -> Require.inHalfOpen(kappa, 0, 1, "kappa"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("0.0 <= kappa < 1.0");
    }

    @Test
    void halfOpenAcceptsLowerBound() {
        assertThat(Require.inHalfOpen(0, 0, 1, "kappa")).isZero();
    }

    @Test
    void finiteRejectsNaN() {
        assertThatThrownBy(() -> Require.finite(Double.NaN, "theta0")).isInstanceOf(InvalidParameterException.class);
        assertThat(Require.finite(-3, "theta0")).isEqualTo(-3);
    }

    @Test
    void atLeastRejectsSmallValues() {
        assertThatThrownBy(() -> Require.atLeast(0, 1, "runs")).hasMessage("runs = 0: allowed runs >= 1");
        assertThatThrownBy(() -> Require.atLeast(-1L, 0L, "steps")).hasMessage("steps = -1: allowed steps >= 0");
        assertThat(Require.atLeast(5, 1, "runs")).isEqualTo(5);
        assertThat(Require.atLeast(5L, 1L, "runs")).isEqualTo(5L);
    }

    @Test
    void arraysAreCheckedEntryByEntryAndCopied() {
        double[] in = {1, 2};
        double[] out = Require.positiveFiniteAll(in, "omega0");
        assertThat(out).containsExactly(1, 2).isNotSameAs(in);
        assertThatThrownBy(() -> Require.positiveFiniteAll(new double[] {1, 0}, "omega0"))
                .hasMessageContaining("entry 1 is 0.0");
        assertThatThrownBy(() -> Require.positiveFiniteAll(new double[0], "omega0"))
                .hasMessageContaining("(empty)");
        assertThatThrownBy(() -> Require.positiveFiniteAll(null, "omega0")).isInstanceOf(InvalidParameterException.class);
        assertThat(Require.nonNegativeFiniteAll(new double[] {0, 1}, "sigma")).containsExactly(0, 1);
        assertThatThrownBy(() -> Require.nonNegativeFiniteAll(new double[] {-1}, "sigma"))
                .hasMessageContaining("entry 0 is -1.0");
        assertThatThrownBy(() -> Require.nonNegativeFiniteAll(new double[0], "sigma"))
                .hasMessageContaining("(empty)");
    }
}
