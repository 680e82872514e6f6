package dev.asgd.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.random.ChainStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DecayFit on synthetic curves e_k = A exp(-r k) exp(sm z'_k - sm^2 / 2) + F X_k with known r and F:
 * the floor factor X_k has mean 1 and relative standard deviation s, driven by a unit AR(1) process
 * z_k (coefficient phi), either lognormal X = exp(sl z - sl^2 / 2) with sl^2 = ln(1 + s^2), or
 * Gaussian X = 1 + s z (which goes negative, as e_k does when f* was computed on other rows).
 * Each random test names its seed (a {@link ChainStreams} seed, one stream per replication).
 */
class DecayFitTest {

    /** Noise of the floor. */
    enum Kind { LOG, GAUSS }

    /** A synthetic run: steps 0, spacing, ..., (n - 1) spacing. */
    static long[] steps(int n, long spacing) {
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = i * spacing;
        }
        return k;
    }

    static double[] curve(UniformRandomProvider rng, long[] k, double a, double r, double f, Kind kind, double s,
            double phi, double sm) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double sl = Math.sqrt(Math.log(1 + s * s));
        double z = g.sample();
        double[] e = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            if (i > 0) {
                z = phi * z + Math.sqrt(1 - phi * phi) * g.sample();
            }
            double x = kind == Kind.LOG ? Math.exp(sl * z - sl * sl / 2) : 1 + s * z;
            double decay = a * Math.exp(-r * k[i]) * Math.exp(sm * g.sample() - sm * sm / 2);
            e[i] = decay + f * x;
        }
        return e;
    }

    /**
     * Coverage: 100 replications per setting (seed 2024 + row, stream = replication), 95 % intervals.
     * The rate must lie in its interval in at least 93 of 100. At exact 95 % coverage the chance of 92 or
     * fewer is P(Bin(100, 0.95) &lt;= 92) = 0.128 per setting (the intervals' t quantiles and the
     * conservative max of two SEs are meant to over-cover); at the measured coverage (97-100 %, printed:
     * 99, 97, 100, 100, 97) it is P(Bin(100, 0.97) &lt;= 92) = 0.011 or less per setting. Mean relative
     * bias within 3 % (measured -0.3 % to -1.4 %), and F within 3 of its own SE in at least 90 of 100
     * (measured 92-98; nominal 99.7 %, but SE(F) rests on few batches).
     */
    @ParameterizedTest
    @CsvSource({
        // row, r, F, spacing, n, kind, s, phi, sm
        "0, 0.004, 1e-5, 100, 61, LOG, 0.7, 0.5, 0.05",
        "1, 0.01, 1e-3, 50, 80, GAUSS, 0.3, 0.7, 0.1",
        "2, 0.001, 1e-2, 200, 100, LOG, 1.0, 0.3, 0.0",
        "3, 0.02, 1e-4, 20, 200, GAUSS, 0.5, 0.8, 0.05",
        "4, 0.002, 1e-2, 100, 60, LOG, 0.5, 0.6, 0.02",
    })
    void intervalCoversTheRate(int row, double r, double f, long spacing, int n, Kind kind, double s, double phi,
            double sm) {
        ChainStreams seeds = new ChainStreams(2024 + row);
        long[] k = steps(n, spacing);
        int covered = 0;
        int floorIn = 0;
        double bias = 0;
        double width = 0;
        for (int rep = 0; rep < 100; rep++) {
            double[] e = curve(seeds.stream(rep), k, 1, r, f, kind, s, phi, sm);
            DecayFit fit = DecayFit.of(k, e);
            assertThat(fit.floorReached()).as("rep %d: %s", rep, fit).isTrue();
            if (fit.contains(r, 0)) {
                covered++;
            }
            if (Math.abs(fit.floor() - f) <= 3 * fit.floorStandardError()) {
                floorIn++;
            }
            bias += (fit.rate() - r) / r / 100;
            width += (fit.upper() - fit.lower()) / r / 100;
        }
        System.out.printf("row %d: coverage %d/100, floor within 3 SE %d/100, bias %.4f, mean width %.4f%n",
                row, covered, floorIn, bias, width);
        assertThat(covered).isGreaterThanOrEqualTo(93);
        assertThat(bias).isCloseTo(0, within(0.03));
        assertThat(floorIn).isGreaterThanOrEqualTo(90);
    }

    /**
     * The old rule as the oracle of the failure: a least-squares slope of ln e from the first point
     * to the last point more than 10 times above the smallest e seen.
     */
    static double oldRule(long[] k, double[] e) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : e) {
            min = Math.min(min, v);
        }
        int last = 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i] > 10 * min) {
                last = i;
            }
        }
        double[] x = new double[last + 1];
        double[] y = new double[last + 1];
        for (int i = 0; i <= last; i++) {
            x[i] = k[i];
            y[i] = Math.log(e[i]);
        }
        return -Line.fit(x, y, 0, last + 1).slope();
    }

    /**
     * The pathology: r = 0.004, a point every 100 steps over 6000, floor F = e^-11.2 reached at step
     * 2800, lognormal floor noise of relative sd 1 with AR(1) 0.5. Seed 11; one curve, deterministic:
     * the old rule's window stretches over the floor (about 0.002) while DecayFit is within 15 %.
     */
    @Test
    void noisyFloorNoLongerHalvesTheRate() {
        long[] k = steps(61, 100);
        double[] e = curve(new ChainStreams(11).stream(0), k, 1, 0.004, Math.exp(-11.2), Kind.LOG, 1.0, 0.5, 0.05);
        double old = oldRule(k, e);
        DecayFit fit = DecayFit.of(k, e);
        System.out.printf("pathology: old rule %.5f, DecayFit %s%n", old, fit);
        assertThat(old).isBetween(0.0015, 0.0028);
        assertThat(fit.rate()).isCloseTo(0.004, within(0.15 * 0.004));
        assertThat(fit.floorReached()).isTrue();
        assertThat(fit.to()).isBetween(2000L, 3000L);
        assertThat(fit.contains(0.004, 0)).isTrue();
    }

    /** No floor within the horizon: 4.9 e-folds, multiplicative noise 10 %; seed 12; rate within 5 %. */
    @Test
    void pureExponentialWithoutFloor() {
        long[] k = steps(50, 100);
        double[] e = curve(new ChainStreams(12).stream(0), k, 2, 0.001, 0, Kind.LOG, 0, 0, 0.1);
        DecayFit fit = DecayFit.of(k, e);
        assertThat(fit.floorReached()).isFalse();
        assertThat(fit.floor()).isZero();
        assertThat(fit.floorStandardError()).isNaN();
        assertThat(fit.points()).isEqualTo(50);
        assertThat(fit.rate()).isCloseTo(0.001, within(0.05 * 0.001));
        assertThat(fit.contains(0.001, 0)).isTrue();
        assertThat(fit.note()).contains("no floor");
    }

    /** Only 2 points above the floor (e^-5 per point): NaN rate and a note saying what to change; seed 13. */
    @Test
    void twoPointsAboveTheFloorGiveNoRate() {
        long[] k = steps(40, 100);
        double[] e = curve(new ChainStreams(13).stream(0), k, 1, 0.05, 1e-4, Kind.LOG, 0.5, 0.5, 0.05);
        DecayFit fit = DecayFit.of(k, e);
        assertThat(fit.rate()).isNaN();
        assertThat(fit.standardError()).isNaN();
        assertThat(fit.floorReached()).isTrue();
        assertThat(fit.points()).isEqualTo(2);
        assertThat(fit.note()).contains("only 2 point(s)").contains("--eval-every").contains("run longer");
        assertThat(fit.contains(0.05, 10)).isFalse();
    }

    /** A slowly diverging run, e = F X exp(+0.0005 k), lognormal sd 0.5, AR 0.5; seed 14: negative rate, covered. */
    @Test
    void growingCurveHasANegativeRate() {
        long[] k = steps(50, 100);
        double[] e = curve(new ChainStreams(14).stream(0), k, 0, 0, 1e-3, Kind.LOG, 0.5, 0.5, 0);
        for (int i = 0; i < e.length; i++) {
            e[i] *= Math.exp(0.0005 * k[i]);
        }
        DecayFit fit = DecayFit.of(k, e);
        assertThat(fit.rate()).isNegative();
        assertThat(fit.upper()).isNegative();
        assertThat(fit.contains(-0.0005, 0)).isTrue();
    }

    /** A flat run, lognormal sd 0.5, AR 0.5, seed 15: rate about 0, its interval holds 0. */
    @Test
    void flatCurveHasRateZero() {
        long[] k = steps(60, 100);
        double[] e = curve(new ChainStreams(15).stream(0), k, 0, 0, 1e-3, Kind.LOG, 0.5, 0.5, 0);
        DecayFit fit = DecayFit.of(k, e);
        assertThat(fit.floorReached()).isTrue();
        assertThat(fit.note()).startsWith("flat").contains("ln e");
        assertThat(fit.contains(0, 0)).isTrue();
        assertThat(fit.upper() - fit.lower()).isLessThan(1e-3);
        assertThat(fit.floor()).isCloseTo(1e-3, within(4 * fit.floorStandardError()));
    }

    /** Flat with Gaussian noise that goes negative (sd 0.8), seed 16: the relative linear slope, about 0. */
    @Test
    void flatCurveWithNegativeValues() {
        long[] k = steps(60, 100);
        double[] e = curve(new ChainStreams(16).stream(0), k, 0, 0, 1e-3, Kind.GAUSS, 0.8, 0.3, 0);
        assertThat(e).satisfies(v -> assertThat(java.util.Arrays.stream(v).min().orElseThrow()).isNegative());
        DecayFit fit = DecayFit.of(k, e);
        assertThat(fit.note()).startsWith("flat").contains("e / mean(e)");
        assertThat(fit.contains(0, 0)).isTrue();
    }

    /** Pooled over 3 repeats of the pathology's setting with floor noise 0.3, 0.7, 1.0 (seed 17). */
    @Test
    void pooledOverThreeRepeats() {
        long[] k = steps(61, 100);
        List<DecayFit> fits = new ArrayList<>();
        double[] noise = {0.3, 0.7, 1.0};
        ChainStreams seeds = new ChainStreams(17);
        for (int i = 0; i < 3; i++) {
            fits.add(DecayFit.of(k, curve(seeds.stream(i), k, 1, 0.004, Math.exp(-11.2), Kind.LOG, noise[i], 0.5,
                    0.05)));
        }
        DecayFit p = DecayFit.pooled(fits, 0.95);
        double mean = (fits.get(0).rate() + fits.get(1).rate() + fits.get(2).rate()) / 3;
        assertThat(p.rate()).isCloseTo(mean, within(1e-15));
        double within = Math.sqrt(fits.stream().mapToDouble(f -> f.standardError() * f.standardError()).sum()) / 3;
        assertThat(p.standardError()).isGreaterThanOrEqualTo(within * (1 - 1e-12));
        assertThat(p.contains(0.004, 0)).isTrue();
        assertThat(p.points()).isEqualTo(fits.stream().mapToInt(DecayFit::points).sum());
        assertThat(p.floorReached()).isTrue();
        assertThat(p.note()).contains("pooled 3 repeats, 0 without a rate");

        DecayFit none = DecayFit.of(steps(2, 100), new double[] {1, 0.5});
        DecayFit withMissing = DecayFit.pooled(List.of(fits.get(0), none), 0.9);
        assertThat(withMissing.rate()).isEqualTo(fits.get(0).rate());
        assertThat(withMissing.note()).contains("pooled 2 repeats, 1 without a rate");
        assertThat(withMissing.upper() - withMissing.lower()).isLessThan(fits.get(0).upper() - fits.get(0).lower());
        DecayFit allMissing = DecayFit.pooled(List.of(none), 0.95);
        assertThat(allMissing.rate()).isNaN();
        assertThat(allMissing.note()).contains("1 without a rate");
    }

    /** Short runs: 5 points (no floor test) still give a rate; 1 and 2 points give NaN. */
    @Test
    void shortRuns() {
        long[] k = steps(5, 10);
        double[] e = new double[5];
        for (int i = 0; i < 5; i++) {
            e[i] = Math.exp(-0.1 * k[i]) * (1 + 0.01 * ((i % 2) * 2 - 1));
        }
        DecayFit fit = DecayFit.of(k, e);
        assertThat(fit.rate()).isCloseTo(0.1, within(0.005));
        assertThat(fit.note()).contains("no floor test");
        assertThat(DecayFit.of(new long[] {3}, new double[] {1}).rate()).isNaN();
        assertThat(DecayFit.of(new long[] {3, 4}, new double[] {1, 0.5}).points()).isEqualTo(2);
    }

    @Test
    void containsWidensByTheRelativeTolerance() {
        DecayFit f = new DecayFit(1, 0.1, 0.8, 1.2, 0, Double.NaN, 0, 10, 5, false, "");
        assertThat(f.contains(1.25, 0)).isFalse();
        assertThat(f.contains(1.25, 0.05)).isTrue();
        assertThat(f.contains(0.75, 0.05)).isTrue();
        assertThat(f.contains(0.7, 0.05)).isFalse();
        assertThatThrownBy(() -> f.contains(Double.NaN, 0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("predicted");
        assertThatThrownBy(() -> f.contains(1, -1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("relativeTolerance");
    }

    @Test
    void invalidInputsNameTheParameter() {
        long[] k = {0, 1, 2};
        double[] e = {3, 2, 1};
        assertParameter(() -> DecayFit.of(null, e), "steps");
        assertParameter(() -> DecayFit.of(new long[0], new double[0]), "steps");
        assertParameter(() -> DecayFit.of(k, new double[] {1, 2}), "excess");
        assertParameter(() -> DecayFit.of(k, null), "excess");
        assertParameter(() -> DecayFit.of(new long[] {0, 2, 2}, e), "steps");
        assertParameter(() -> DecayFit.of(new long[] {0, 2, 1}, e), "steps");
        assertParameter(() -> DecayFit.of(k, new double[] {1, Double.NaN, 1}), "excess");
        assertParameter(() -> DecayFit.of(k, new double[] {1, Double.POSITIVE_INFINITY, 1}), "excess");
        assertParameter(() -> DecayFit.of(k, e, 0, 3), "confidence");
        assertParameter(() -> DecayFit.of(k, e, 1, 3), "confidence");
        assertParameter(() -> DecayFit.of(k, e, Double.NaN, 3), "confidence");
        assertParameter(() -> DecayFit.of(k, e, 0.95, 0), "minSignalToNoise");
        assertParameter(() -> DecayFit.of(k, e, 0.95, Double.POSITIVE_INFINITY), "minSignalToNoise");
        assertParameter(() -> DecayFit.pooled(List.of(), 0.95), "fits");
        assertParameter(() -> DecayFit.pooled(null, 0.95), "fits");
        assertParameter(() -> DecayFit.pooled(java.util.Arrays.asList((DecayFit) null), 0.95), "fits");
        DecayFit ok = DecayFit.of(k, e);
        assertParameter(() -> DecayFit.pooled(List.of(ok), 1.5), "confidence");
        assertParameter(() -> new DecayFit(1, 0.1, 0.8, 1.2, 0, 0, 0, 1, 2, true, null), "note");
        assertParameter(() -> new DecayFit(1, 0.1, 0.8, 1.2, 0, 0, 0, 1, -1, true, ""), "points");
        assertParameter(() -> new DecayFit(1, 0.1, 0.8, 1.2, 0, 0, 2, 1, 2, true, ""), "to");
        assertParameter(() -> new DecayFit(1, -0.1, 0.8, 1.2, 0, 0, 0, 1, 2, true, ""), "standardError");
        assertParameter(() -> new DecayFit(1, 0.1, 0.8, 1.2, 0, -1, 0, 1, 2, true, ""), "floorStandardError");
        assertParameter(() -> new DecayFit(1, 0.1, 1.1, 1.2, 0, 0, 0, 1, 2, true, ""), "rate");
    }

    private static void assertParameter(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String name) {
        assertThatThrownBy(call).isInstanceOf(InvalidParameterException.class)
                .satisfies(x -> assertThat(((InvalidParameterException) x).parameter()).isEqualTo(name));
    }
}
