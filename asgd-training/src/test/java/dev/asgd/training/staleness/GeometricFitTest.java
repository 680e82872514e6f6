package dev.asgd.training.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeometricFitTest {
    @Test
    void mleIsMeanOverOnePlusMean() {
        GeometricFit f = GeometricFit.of(new long[] {50, 30, 20});
        assertThat(f.mean()).isEqualTo(0.7);
        assertThat(f.kappa()).isCloseTo(0.7 / 1.7, within(1e-15));
        assertThat(f.count()).isEqualTo(100);
    }

    /**
     * Samples from a geometric law with kappa in {0.3, 0.6, 0.9} (seed 42 + 10 kappa), n = 20000:
     * kappa-hat within 4 standard errors (se = kappa (1 - kappa) / sqrt(n (1-kappa))... computed
     * from the Fisher information n / (kappa (1 - kappa)^2)), and the chi-square test does not
     * reject at the 0.001 level. False-failure rate about 0.1% per case.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.6, 0.9})
    void fitsAndAcceptsGeometricSamples(double kappa) {
        long seed = 42 + Math.round(10 * kappa);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Commons RNG's geometric has P(X = k) = p (1 - p)^k, so p = 1 - kappa.
        org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler s = GeometricSampler.of(rng, 1 - kappa);
        int n = 20_000;
        long[] h = new long[400];
        for (int i = 0; i < n; i++) {
            h[s.sample()]++;
        }
        GeometricFit f = GeometricFit.of(h);
        double se = Math.sqrt(kappa * (1 - kappa) * (1 - kappa) / n);
        assertThat(f.kappa()).as("kappa-hat, seed %d", seed).isCloseTo(kappa, within(4 * se));
        assertThat(f.pValue()).as("chi2 = %s, dof %d, seed %d", f.chiSquare(), f.degreesOfFreedom(), seed)
                .isGreaterThan(0.001);
        assertThat(f.degreesOfFreedom()).isEqualTo(f.bins() - 2);
    }

    @Test
    void expectedCountsOfTheFittedLaw() {
        GeometricFit f = GeometricFit.of(new long[] {50, 30, 20});
        double k = 0.7 / 1.7;
        assertThat(f.expectedCount(0)).isCloseTo(100 * (1 - k), within(1e-12));
        assertThat(f.expectedCount(2)).isCloseTo(100 * (1 - k) * k * k, within(1e-12));
        assertThat(GeometricFit.of(new long[0]).expectedCount(0)).as("no updates, no fit").isZero();
    }

    @Test
    void rejectsAConstantStaleness() {
        long[] h = new long[4];
        h[3] = 10_000;
        GeometricFit f = GeometricFit.of(h);
        assertThat(f.kappa()).isEqualTo(0.75);
        assertThat(f.pValue()).isLessThan(1e-100);
    }

    @Test
    void degenerateHistograms() {
        assertThat(GeometricFit.of(new long[0]).kappa()).isNaN();
        GeometricFit zero = GeometricFit.of(new long[] {100});
        assertThat(zero.kappa()).isZero();
        assertThat(zero.pValue()).isNaN();
    }

    @Test
    void logKeepsPerWorkerHistogramsAndTheSequence() {
        StalenessLog log = new StalenessLog(2, true);
        log.record(0, 2);
        log.record(1, 0);
        log.record(-1, 20);
        assertThat(log.total()).hasSize(21);
        assertThat(log.histogram(0)[20]).isEqualTo(1);
        assertThat(log.sequence()).containsExactly(2, 0, 20);
        assertThat(log.mean()).isCloseTo(22 / 3.0, within(1e-15));
        StalenessLog copy = new StalenessLog(2, false);
        copy.restore(log.histograms());
        assertThat(copy.total()).containsExactly(log.total());
        assertThat(copy.sequence()).isEmpty();
    }
}
