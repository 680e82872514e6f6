package dev.asgd.core.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.random.ChainStreams;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inversion table of the geometric law: its thresholds against 40-digit arithmetic, its guide
 * against a linear scan, its laws (exact and clipped) by chi-square, its tail cell (memorylessness).
 * Seeds fixed per test; chi-square fails at p &lt; 1e-4, count checks at 4.5 standard deviations.
 */
class GeometricTableTest {
    private static final MathContext MC = new MathContext(40);

    /** Threshold l is (1 - kappa^(l+1)) 2^62, to within 2 units of 2^-62 of the exact value. */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.9995})
    void thresholdsAreTheCumulativeProbabilities(double kappa) {
        GeometricTable t = new GeometricTable(kappa);
        long[] thr = t.thresholds();
        assertThat(thr).hasSize(t.cells() + 1);
        assertThat(thr[t.cells()]).isEqualTo(Long.MAX_VALUE);
        BigDecimal k = new BigDecimal(kappa);
        BigDecimal scale = new BigDecimal(2).pow(62);
        for (int l = 0; l < t.cells(); l++) {
            BigDecimal exact = BigDecimal.ONE.subtract(k.pow(l + 1, MC)).multiply(scale, MC);
            // double rounding of 1 - kappa^(l+1): relative 2^-52 of the value, i.e. up to 2^10 units
            assertThat(Math.abs(exact.subtract(new BigDecimal(thr[l])).doubleValue()))
                    .as("l = %d", l).isLessThanOrEqualTo(2048.0);
        }
        // kappa^m <= 2^-24 < kappa^(m-1), or m at its cap 2^14
        if (t.cells() < 1 << 14) {
            assertThat(Math.pow(kappa, t.cells())).isLessThanOrEqualTo(0x1.0p-24);
        }
        assertThat(Math.pow(kappa, t.cells() - 1)).isGreaterThan(0x1.0p-24);
    }

    /** The guide gives the same cell as a linear scan, for random words and words at every threshold. */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.7, 0.9, 0.99})
    void guideAgreesWithALinearScan(double kappa) {
        GeometricTable t = GeometricTable.clipped(kappa, 300);
        long[] thr = t.thresholds();
        UniformRandomProvider rng = new ChainStreams(5).stream(0);
        for (int i = 0; i < 100_000; i++) {
            long word = rng.nextLong();
            assertThat(t.cell(word)).isEqualTo(scan(thr, word >>> 2));
        }
        for (int l = 0; l < t.cells(); l++) {
            for (long d = -1; d <= 1; d++) {
                long u = thr[l] + d;
                if (u >= 0 && u < (1L << 62)) {
                    assertThat(t.cell(u << 2)).isEqualTo(scan(thr, u));
                }
            }
        }
        assertThat(t.cell(-1L)).isEqualTo(scan(thr, -1L >>> 2));
        assertThat(t.cell(0)).isZero();
    }

    private static int scan(long[] thr, long u) {
        int l = 0;
        while (u >= thr[l]) {
            l++;
        }
        return l;
    }

    /** The exact sampler's law, chi-square with cells of expectation &gt;= 5 (tail pooled); 10^6 draws, seed 6. */
    @ParameterizedTest
    @CsvSource({"0.3", "0.9", "0.97"})
    void exactSamplerHasTheGeometricLaw(double kappa) {
        GeometricTable t = new GeometricTable(kappa);
        UniformRandomProvider rng = new ChainStreams(6).stream(0);
        int n = 1_000_000;
        int cells = (int) Math.floor(Math.log(5.0 / n) / Math.log(kappa)); // n kappa^cells >= 5
        long[] observed = new long[cells + 1];
        for (int i = 0; i < n; i++) {
            observed[Math.min(cells, t.sample(rng))]++;
        }
        double[] expected = new double[cells + 1];
        for (int l = 0; l < cells; l++) {
            expected[l] = (1 - kappa) * Math.pow(kappa, l);
        }
        expected[cells] = Math.pow(kappa, cells);
        assertThat(ChiSquareTest.withDefaults().test(expected, observed).getPValue()).isGreaterThan(1e-4);
    }

    /** The clipped table's law is that of min(tau, L), one word per draw; 10^6 draws, seed 7. */
    @Test
    void clippedSamplerHasTheClippedLaw() {
        double kappa = 0.8;
        int lag = 12;
        GeometricTable t = GeometricTable.clipped(kappa, lag);
        assertThat(t.isClipped()).isTrue();
        assertThat(t.cells()).isEqualTo(lag);
        UniformRandomProvider rng = new ChainStreams(7).stream(0);
        UniformRandomProvider twin = new ChainStreams(7).stream(0);
        int n = 1_000_000;
        long[] observed = new long[lag + 1];
        for (int i = 0; i < n; i++) {
            int tau = t.sample(rng);
            assertThat(tau).isEqualTo(t.cell(twin.nextLong())); // exactly one word
            observed[tau]++;
        }
        double[] expected = new double[lag + 1];
        for (int l = 0; l < lag; l++) {
            expected[l] = (1 - kappa) * Math.pow(kappa, l);
        }
        expected[lag] = Math.pow(kappa, lag);
        assertThat(ChiSquareTest.withDefaults().test(expected, observed).getPValue()).isGreaterThan(1e-4);
        assertThat(GeometricTable.clipped(0.5, 0).sample(rng)).isZero();
    }

    /**
     * The tail cell (tau &gt;= m) adds m and draws again: a word in it gives m plus the next draw;
     * and where the tail cell is likely (kappa = 1 - 1e-5, m capped at 2^14, kappa^m = 0.85) the
     * mean is still kappa / (1 - kappa) (10^5 draws, seed 8, 4.5 standard errors).
     */
    @Test
    void tailCellUsesMemorylessness() {
        GeometricTable t = new GeometricTable(0.5);
        UniformRandomProvider a = new ChainStreams(8).stream(1);
        UniformRandomProvider b = new ChainStreams(8).stream(1);
        assertThat(t.cell(-1L)).isEqualTo(t.cells());
        assertThat(t.sample(-1L, a)).isEqualTo(t.cells() + t.sample(b));

        double kappa = 1 - 1e-5;
        GeometricTable wide = new GeometricTable(kappa);
        assertThat(wide.cells()).isEqualTo(1 << 14);
        UniformRandomProvider rng = new ChainStreams(8).stream(2);
        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += wide.sample(rng);
        }
        double mean = kappa / (1 - kappa);
        double sd = Math.sqrt(kappa) / (1 - kappa);
        assertThat(sum / n).isCloseTo(mean, within(4.5 * sd / Math.sqrt(n)));
    }

    @Test
    void rejectsBadParameters() {
        for (double kappa : new double[] {0, 1, -0.5, Double.NaN}) {
            assertThatThrownBy(() -> new GeometricTable(kappa)).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("kappa");
        }
        assertThatThrownBy(() -> GeometricTable.clipped(0.5, -1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("maxLag");
        assertThatThrownBy(() -> GeometricTable.clipped(0.5, GeometricTable.MAX_CLIPPED_LAG + 1))
                .isInstanceOf(InvalidParameterException.class);
    }

    /** The law's clipped samplers use the clipped table; beyond its size, the exact sampler. */
    @Test
    void geometricLawChoosesItsSampler() {
        GeometricStaleness law = new GeometricStaleness(0.9);
        UniformRandomProvider a = new ChainStreams(9).stream(0);
        UniformRandomProvider b = new ChainStreams(9).stream(0);
        GeometricTable clipped = GeometricTable.clipped(0.9, 20);
        StalenessSampler s = law.clippedSamplers(20).apply(a);
        for (int i = 0; i < 10_000; i++) {
            assertThat(s.next(i)).isEqualTo(clipped.sample(b));
        }
        StalenessSampler exact = law.clippedSamplers(GeometricTable.MAX_CLIPPED_LAG + 1).apply(a);
        GeometricTable table = new GeometricTable(0.9);
        for (int i = 0; i < 10_000; i++) {
            assertThat(exact.next(i)).isEqualTo(table.sample(b));
        }
        assertThat(new GeometricStaleness(0).clippedSamplers(5).apply(a).next(0)).isZero();
    }
}
