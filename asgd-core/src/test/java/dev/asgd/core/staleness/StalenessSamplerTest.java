package dev.asgd.core.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.random.ChainStreams;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sampler against its pmf by a chi-square goodness-of-fit test. Seed 20240601 (stream 0),
 * 200000 draws, lags with expected count below 5 pooled into the last cell; the test fails when
 * p &lt; 1e-4, so a correct sampler fails with probability 1e-4 per law (7 laws: 7e-4 in all; with
 * the fixed seed the outcome is deterministic).
 */
class StalenessSamplerTest {
    private static final long SEED = 20240601L;
    private static final int DRAWS = 200_000;

    static Stream<StalenessDistribution> laws() {
        return Stream.of(new GeometricStaleness(0.9), new GeometricStaleness(0.3), new GeometricStaleness(0.995),
                new UniformStaleness(7), new PoissonStaleness(3.5),
                new EmpiricalStaleness(new double[] {3, 0, 1, 6}, "test"), new FixedStaleness(4));
    }

    @ParameterizedTest
    @MethodSource("laws")
    void samplerMatchesPmf(StalenessDistribution law) {
        UniformRandomProvider rng = new ChainStreams(SEED).stream(0);
        StalenessSampler s = law.sampler(rng);
        int cells = 0;
        while (DRAWS * law.pmf(cells) >= 5 || DRAWS * law.survival(cells) >= 5) {
            cells++;
        }
        cells = Math.max(cells, 1);
        long[] observed = new long[cells + 1];
        for (int i = 0; i < DRAWS; i++) {
            int tau = s.next(i);
            observed[Math.min(tau, cells)]++;
        }
        double[] expected = new double[cells + 1];
        for (int l = 0; l < cells; l++) {
            expected[l] = law.pmf(l);
        }
        expected[cells] = law.survival(cells - 1);
        if (cells == 1 && law.pmf(0) == 0) {
            // a one-point law (fixed:L with L > 0): every draw is L
            assertThat(observed[1]).isEqualTo(DRAWS);
            return;
        }
        // drop empty expected cells (fixed laws)
        int m = 0;
        for (double e : expected) {
            if (e > 0) {
                m++;
            }
        }
        double[] e2 = new double[m];
        long[] o2 = new long[m];
        int j = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] > 0) {
                e2[j] = expected[i];
                o2[j++] = observed[i];
            } else {
                assertThat(observed[i]).as("draws in an impossible cell %d of %s", i, law.spec()).isZero();
            }
        }
        if (m < 2) {
            return;
        }
        double p = ChiSquareTest.withDefaults().test(e2, o2).getPValue();
        assertThat(p).as("chi-square p-value for %s, seed %d", law.spec(), SEED).isGreaterThan(1e-4);
    }

    /**
     * The queue law's stationary marginal is geometric with kappa = (M - 1) / M: one draw per
     * chain at step 2000 from 20000 independent chains (seed 7, streams 0..19999); chi-square p &gt; 1e-4.
     */
    @Test
    void queueMarginalIsGeometric() {
        QueueStaleness q = new QueueStaleness(4);
        ChainStreams streams = new ChainStreams(7);
        int chains = 20_000;
        GeometricStaleness geo = new GeometricStaleness(q.kappa());
        int cells = 20;
        long[] observed = new long[cells + 1];
        for (int c = 0; c < chains; c++) {
            StalenessSampler s = q.sampler(streams.stream(c));
            int tau = 0;
            for (int k = 0; k <= 2000; k++) {
                tau = s.next(k);
            }
            observed[Math.min(tau, cells)]++;
        }
        double[] expected = new double[cells + 1];
        for (int l = 0; l < cells; l++) {
            expected[l] = geo.pmf(l);
        }
        expected[cells] = geo.survival(cells - 1);
        double p = ChiSquareTest.withDefaults().test(expected, observed).getPValue();
        assertThat(p).as("queue:4 marginal chi-square p, seed 7").isGreaterThan(1e-4);
        assertThat(q.mean()).isEqualTo(3);
        assertThat(q.independentAcrossSteps()).isFalse();
    }

    @Test
    void queueStalenessNeverExceedsTheStep() {
        StalenessSampler s = new QueueStaleness(8).sampler(new ChainStreams(3).stream(0));
        for (int k = 0; k < 1000; k++) {
            assertThat(s.next(k)).isBetween(0, k);
        }
    }

    @Test
    void meansAndSupports() {
        assertThat(new GeometricStaleness(0.9).mean()).isCloseTo(9, within(1e-12));
        assertThat(new GeometricStaleness(0.9).maxLag()).isEqualTo(StalenessDistribution.UNBOUNDED);
        assertThat(new GeometricStaleness(0).maxLag()).isZero();
        assertThat(new GeometricStaleness(0.9).truncationLag(1e-16)).isEqualTo(349);
        assertThat(new GeometricStaleness(0.9).survival(349)).isLessThan(1e-16);
        assertThat(new UniformStaleness(4).mean()).isEqualTo(2);
        assertThat(new PoissonStaleness(2).mean()).isEqualTo(2);
        int l = new PoissonStaleness(2).truncationLag(1e-16);
        assertThat(new PoissonStaleness(2).survival(l)).isLessThan(1e-16);
        assertThat(new PoissonStaleness(2).survival(l - 1)).isGreaterThanOrEqualTo(1e-16);
        assertThat(new FixedStaleness(3).truncationLag(1e-16)).isEqualTo(3);
        assertThat(new EmpiricalStaleness(new double[] {1, 1, 0, 0}, "e").maxLag()).isEqualTo(1);
        assertThat(new EmpiricalStaleness(new double[] {1, 3}, "e").mean()).isCloseTo(0.75, within(1e-15));
        assertThat(new UniformStaleness(3).survival(1)).isCloseTo(0.5, within(1e-15));
        StalenessSampler zero = new GeometricStaleness(0).sampler(new ChainStreams(1).stream(0));
        assertThat(zero.next(5)).isZero();
    }
}
