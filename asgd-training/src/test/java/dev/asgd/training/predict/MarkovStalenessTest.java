package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.engine.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class MarkovStalenessTest {
    /**
     * A two-state chain (tau 0 and 3, P(stay) = 0.95 and 0.9), 200000 steps, seed 11: the fitted
     * transitions within 4.5 binomial standard errors (false-failure rate about 1e-5 per entry), and
     * a sequence drawn from the fit has the same persistence.
     */
    @Test
    void recoversAKnownChainAndItsPersistence() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int n = 200_000;
        int[] seq = new int[n];
        int s = 0;
        for (int k = 0; k < n; k++) {
            double stay = s == 0 ? 0.95 : 0.9;
            if (k > 0 && rng.nextDouble() >= stay) {
                s = s == 0 ? 3 : 0;
            }
            seq[k] = s;
        }
        MarkovStaleness m = MarkovStaleness.fit(seq);
        assertThat(m.states()).isEqualTo(4);
        double se0 = Math.sqrt(0.95 * 0.05 / (n * 2 / 3.0));
        double se3 = Math.sqrt(0.9 * 0.1 / (n / 3.0));
        assertThat(m.transition(0, 0)).isCloseTo(0.95, within(4.5 * se0));
        assertThat(m.transition(3, 3)).isCloseTo(0.9, within(4.5 * se3));
        assertThat(m.transition(0, 1)).isZero();
        int[] drawn = m.sample(n, RandomSource.XO_RO_SHI_RO_128_PP.create(12L));
        int stays = 0;
        int threes = 0;
        for (int k = 0; k + 1 < n; k++) {
            if (drawn[k] == drawn[k + 1]) {
                stays++;
            }
        }
        for (int t : drawn) {
            if (t == 3) {
                threes++;
            }
        }
        // P(stay) = (2/3) 0.95 + (1/3) 0.9 = 0.9333; share of 3s = 1/3
        assertThat(stays / (double) (n - 1)).isCloseTo(0.9333, within(0.01));
        assertThat(threes / (double) n).isCloseTo(1 / 3.0, within(0.03));
    }

    @Test
    void lagsAboveTheCapAreDrawnFromTheRunsOwnValues() {
        int[] seq = {0, 1, 500, 0, 1, 700, 0, 1, 500, 0};
        MarkovStaleness m = MarkovStaleness.fit(seq);
        assertThat(m.states()).isEqualTo(StalenessLaw.MAX_LAG + 1);
        int[] drawn = m.sample(1000, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        for (int t : drawn) {
            assertThat(t).isIn(0, 1, 500, 700);
        }
    }

    @Test
    void resampleKeepsWorkersAndStepsAndReadsNoFutureVersion() {
        List<Schedule.Entry> e = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            e.add(new Schedule.Entry(k % 3, k / 3, Math.max(0, k - (k % 3))));
        }
        Schedule s = new Schedule("fp", e);
        Schedule r = MarkovStaleness.resample(s, 5);
        assertThat(r.entries()).hasSize(300);
        for (int k = 0; k < 300; k++) {
            assertThat(r.entries().get(k).worker()).isEqualTo(e.get(k).worker());
            assertThat(r.entries().get(k).step()).isEqualTo(e.get(k).step());
            assertThat(r.entries().get(k).readVersion()).isBetween(0L, (long) k);
        }
        assertThat(MarkovStaleness.resample(s, 5)).isEqualTo(r);
        assertThatThrownBy(() -> MarkovStaleness.fit(new int[] {1})).hasMessageContaining("staleness sequence");
    }
}
