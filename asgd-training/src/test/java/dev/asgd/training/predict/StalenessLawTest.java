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

    /**
     * Inversion: each lag takes the uniform numbers between the cumulative sums below and at it; 200,000
     * seeded draws of a three-lag law give its probabilities within 4 standard errors (a false failure
     * about 1 in 15,000 per lag; the seed is fixed, so the test is deterministic).
     */
    @Test
    void aDrawInvertsTheCumulativeLaw() {
        StalenessLaw law = StalenessLaw.of(new long[] {1, 2, 1});
        assertThat(law.lag(0)).isZero();
        assertThat(law.lag(0.2499)).isZero();
        assertThat(law.lag(0.25)).isEqualTo(1);
        assertThat(law.lag(0.7499)).isEqualTo(1);
        assertThat(law.lag(0.75)).isEqualTo(2);
        assertThat(law.lag(Math.nextDown(1.0))).isEqualTo(2);
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource
                .XO_RO_SHI_RO_128_PP.create(new long[] {3, 5});
        int n = 200_000;
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            counts[law.lag(rng.nextDouble())]++;
        }
        double[] p = law.pmf();
        for (int l = 0; l < 3; l++) {
            double se = Math.sqrt(p[l] * (1 - p[l]) / n);
            assertThat((double) counts[l] / n).isCloseTo(p[l], within(4 * se));
        }
    }
}
