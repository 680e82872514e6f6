package dev.asgd.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * The hand-written ziggurat against the standard normal law. Seeds are fixed (stream 0 of
 * {@link ChainStreams} with the seed given in each test), so outcomes are deterministic; the
 * thresholds are chosen so that a correct sampler with a random seed would fail a test with
 * probability at most about 1e-4 (chi-square p &lt; 1e-4; count checks at 4.5 standard deviations,
 * two-sided 7e-6).
 */
class ZigguratNormalTest {
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** Every layer, the base (with the tail) and the top one, has the same area V. */
    @Test
    void layersHaveEqualAreas() {
        double tail = Math.sqrt(2 * Math.PI) * N01.survivalProbability(ZigguratNormal.R);
        assertThat(ZigguratNormal.R * f(ZigguratNormal.R) + tail).isCloseTo(ZigguratNormal.V, within(1e-12));
        assertThat(ZigguratNormal.edge(0) * f(ZigguratNormal.R)).isCloseTo(ZigguratNormal.V, within(1e-15));
        for (int i = 1; i < ZigguratNormal.LAYERS; i++) {
            double x = ZigguratNormal.edge(i);
            double above = i + 1 < ZigguratNormal.LAYERS ? f(ZigguratNormal.edge(i + 1)) : 1;
            assertThat(x * (above - f(x))).as("layer %d", i).isCloseTo(ZigguratNormal.V, within(1e-11));
        }
        assertThat(ZigguratNormal.edge(ZigguratNormal.LAYERS)).isZero();
    }

    /**
     * 10^7 variates in 1000 equiprobable cells: a distortion of 1 % of a cell's mass in a run of
     * cells (a wrong wedge) would give p far below 1e-4. Seed 11.
     */
    @Test
    void chiSquareOnAThousandEquiprobableCells() {
        int cells = 1000;
        int n = 10_000_000;
        double[] edges = new double[cells - 1];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = N01.inverseCumulativeProbability((i + 1.0) / cells);
        }
        long[] observed = new long[cells];
        UniformRandomProvider rng = new ChainStreams(11).stream(0);
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (int i = 0; i < n; i++) {
            double x = ZigguratNormal.sample(rng);
            int at = java.util.Arrays.binarySearch(edges, x);
            observed[at >= 0 ? at + 1 : -at - 1]++;
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
        }
        double[] expected = new double[cells];
        java.util.Arrays.fill(expected, 1.0 / cells);
        double p = ChiSquareTest.withDefaults().test(expected, observed).getPValue();
        assertThat(p).as("chi-square p, seed 11").isGreaterThan(1e-4);
        // moments: E x = 0 (sd 1/sqrt n), E x^2 = 1 (sd sqrt(2/n)), E x^4 = 3 (sd sqrt(96/n))
        assertThat(sum / n).isCloseTo(0, within(4.5 / Math.sqrt(n)));
        assertThat(sum2 / n).isCloseTo(1, within(4.5 * Math.sqrt(2.0 / n)));
        assertThat(sum4 / n).isCloseTo(3, within(4.5 * Math.sqrt(96.0 / n)));
    }

    /**
     * The tail beyond R and the far tail: counts of |x| &gt; R, &gt; 4 and &gt; 4.5 against
     * their expectation, within 4.5 Poisson standard deviations, over 2 10^7 variates (seed 12).
     */
    @Test
    void tailsHaveTheirMass() {
        int n = 20_000_000;
        double[] at = {ZigguratNormal.R, 4, 4.5};
        long[] count = new long[at.length];
        UniformRandomProvider rng = new ChainStreams(12).stream(0);
        long positive = 0;
        for (int i = 0; i < n; i++) {
            double x = ZigguratNormal.sample(rng);
            for (int j = 0; j < at.length; j++) {
                if (Math.abs(x) > at[j]) {
                    count[j]++;
                    if (j == 0 && x > 0) {
                        positive++;
                    }
                }
            }
        }
        for (int j = 0; j < at.length; j++) {
            double expected = 2 * n * N01.survivalProbability(at[j]);
            assertThat((double) count[j]).as("|x| > %s", at[j]).isCloseTo(expected, within(4.5 * Math.sqrt(expected)));
        }
        // the tail is symmetric
        assertThat((double) positive).isCloseTo(count[0] / 2.0, within(4.5 * Math.sqrt(count[0] / 4.0)));
    }

    /** The one-word path takes about 99 % of the words, and it agrees with the general path. */
    @Test
    void fastPathIsTheCommonCaseAndAgreesWithTheSlowPath() {
        UniformRandomProvider rng = new ChainStreams(13).stream(0);
        int n = 1_000_000;
        int fast = 0;
        for (int i = 0; i < n; i++) {
            long word = rng.nextLong();
            if (ZigguratNormal.isFast(word)) {
                fast++;
                // slowValue accepts a fast word at once, drawing nothing
                assertThat(ZigguratNormal.slowValue(word, null)).isEqualTo(ZigguratNormal.fastValue(word));
            }
        }
        assertThat(fast / (double) n).isBetween(0.98, 0.995);
    }

    /** Same stream, same numbers: {@link ZigguratNormal#sample} is fast or slow value of the word drawn. */
    @Test
    void sampleIsAFunctionOfTheStream() {
        UniformRandomProvider a = new ChainStreams(14).stream(3);
        OpenXoRoShiRo128PlusPlus b = new ChainStreams(14).openStream(3);
        for (int i = 0; i < 100_000; i++) {
            long word = b.nextLong();
            double expected = ZigguratNormal.isFast(word) ? ZigguratNormal.fastValue(word)
                    : ZigguratNormal.slowValue(word, b);
            assertThat(ZigguratNormal.sample(a)).isEqualTo(expected);
        }
    }
}
