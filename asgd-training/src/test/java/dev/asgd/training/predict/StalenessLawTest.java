package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StalenessLawTest {
    @Test
    void normalisesTheHistogram() {
        StalenessLaw l = StalenessLaw.of(new long[] {1, 3, 0, 4});
        assertThat(l.pmf()).containsExactly(0.125, 0.375, 0, 0.5);
        assertThat(l.lumpedMass()).isZero();
        assertThat(l.observedMaxLag()).isEqualTo(3);
        assertThat(l.mean()).isCloseTo(0.375 + 1.5, within(1e-15));
    }

    @Test
    void lumpsTheTailAboveTheCapIntoTheCap() {
        long[] h = new long[10];
        h[0] = 6;
        h[2] = 2;
        h[9] = 2;
        StalenessLaw l = StalenessLaw.of(h, 3);
        assertThat(l.pmf()).containsExactly(0.6, 0, 0.2, 0.2);
        assertThat(l.lumpedMass()).isCloseTo(0.2, within(1e-15));
        assertThat(l.maxLag()).isEqualTo(3);
    }

    @Test
    void refusesAnEmptyHistogram() {
        assertThatThrownBy(() -> StalenessLaw.of(new long[] {0, 0})).hasMessageContaining("histogram");
        assertThatThrownBy(() -> StalenessLaw.of(new long[] {1, -1})).hasMessageContaining("histogram");
    }
}
