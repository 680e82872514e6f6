package dev.asgd.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The line fits against hand computations, and the window decay exponent on known sequences. */
class LineTest {

    @Test
    void exactLineHasItsSlopeAndZeroErrors() {
        Line l = Line.fit(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}, 0, 4);
        assertThat(l.slope()).isEqualTo(2);
        assertThat(l.intercept()).isZero();
        assertThat(l.pooledSlopeStandardError()).isZero();
        assertThat(l.points()).isEqualTo(4);
    }

    @Test
    void pooledErrorAndIntervalMatchTheTextbook() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0.1, 0.9, 2.2, 2.8, 4.1};
        Line l = Line.fit(x, y, 0, 5);
        // sxx = 10, sxy = 9.9: slope 0.99, intercept 2.02 - 1.98 = 0.04
        assertThat(l.slope()).isCloseTo(0.99, within(1e-14));
        assertThat(l.intercept()).isCloseTo(0.04, within(1e-14));
        double rss = 0;
        for (int i = 0; i < 5; i++) {
            double r = y[i] - 0.04 - 0.99 * x[i];
            rss += r * r;
        }
        double se = Math.sqrt(rss / 3 / 10);
        assertThat(l.pooledSlopeStandardError()).isCloseTo(se, within(1e-14));
        assertThat(l.slopeStandardError()).isGreaterThanOrEqualTo(l.pooledSlopeStandardError());
        double t = TDistribution.of(3).inverseSurvivalProbability(0.025);
        Line.Interval ci = l.pooledSlopeInterval(0.95);
        assertThat(ci.low()).isCloseTo(0.99 - t * se, within(1e-14));
        assertThat(ci.high()).isCloseTo(0.99 + t * se, within(1e-14));
        assertThat(l.slopeInterval(0.95).high() - l.slopeInterval(0.95).low())
                .isCloseTo(2 * t * l.slopeStandardError(), within(1e-14));
    }

    @Test
    void twoPointsHaveNoError() {
        Line l = Line.fit(new double[] {0, 1}, new double[] {1, 3}, 0, 2);
        assertThat(l.slope()).isEqualTo(2);
        assertThat(l.slopeStandardError()).isNaN();
        assertThat(l.pooledSlopeStandardError()).isNaN();
    }

    @Test
    void weightedFitEqualsOrdinaryWithEqualWeightsAndScalesByDispersion() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0.1, 0.9, 2.2, 2.8, 4.1};
        double[] w = {4, 4, 4, 4, 4};
        Line ols = Line.fit(x, y, 0, 5);
        Line wls = Line.fitWeighted(x, y, w, 0, 5);
        assertThat(wls.slope()).isCloseTo(ols.slope(), within(1e-14));
        assertThat(wls.intercept()).isCloseTo(ols.intercept(), within(1e-14));
        // known SE sqrt(Sw / D) = sqrt(1 / (w Sxx)) = 1 / sqrt(40); chi^2 / 3 = 4 rss / 3 < 1 here
        assertThat(wls.pooledSlopeStandardError()).isCloseTo(1 / Math.sqrt(40), within(1e-14));
        double rss = ols.pooledSlopeStandardError() * ols.pooledSlopeStandardError() * 3 * 10;
        double expected = 1 / Math.sqrt(40) * Math.sqrt(Math.max(1, 4 * rss / 3));
        assertThat(wls.slopeStandardError()).isCloseTo(expected, within(1e-14));
        // heavier noise: the dispersion widens the error
        Line noisy = Line.fitWeighted(x, y, new double[] {1e4, 1e4, 1e4, 1e4, 1e4}, 0, 5);
        assertThat(noisy.slopeStandardError()).isGreaterThan(noisy.pooledSlopeStandardError());
    }

    @Test
    void windowDecayReadsTheExponentOfAnOscillation() {
        int n = 4000;
        double h = 0.01;
        double[] log = new double[n];
        for (int j = 0; j < n; j++) {
            double t = j * h;
            log[j] = -0.7 * t + Math.log(1.5 + Math.cos(3 * t));
        }
        assertThat(WindowDecay.exponent(log, h, n / 10)).isCloseTo(0.7, within(0.02));
        double[] pure = new double[100];
        for (int j = 0; j < 100; j++) {
            pure[j] = -0.5 * j;
        }
        assertThat(WindowDecay.exponent(pure, 1, 10)).isCloseTo(0.5, within(1e-12));
    }
}
