package dev.asgd.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void relativeDeviationIsSymmetricInSignAndScaleFree() {
        assertThat(Agreement.relativeDeviation(1.1, 1)).isCloseTo(0.1, within(1e-15));
        assertThat(Agreement.relativeDeviation(0.9, 1)).isCloseTo(0.1, within(1e-15));
        assertThat(Agreement.relativeDeviation(-2.2e-9, -2e-9)).isCloseTo(0.1, within(1e-12));
        assertThat(Agreement.relativeDeviation(Double.NaN, 1)).isNaN();
        assertThat(Agreement.relativeDifference(0.9, 1)).isCloseTo(-0.1, within(1e-15));
        assertThat(Agreement.relativeDifference(1.25, 1)).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void maxRelativeDeviationTakesTheWorstPairAndPropagatesNaN() {
        assertThat(Agreement.maxRelativeDeviation(new double[] {1, 2.5, 3}, new double[] {1, 2, 3}))
                .isCloseTo(0.25, within(1e-15));
        assertThat(Agreement.maxRelativeDeviation(new double[0], new double[0])).isZero();
        assertThat(Agreement.maxRelativeDeviation(new double[] {Double.NaN, 5}, new double[] {1, 1})).isNaN();
        assertThatThrownBy(() -> Agreement.maxRelativeDeviation(new double[1], new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
