package dev.asgd.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateFitTest {
    private static SeriesPoint point(long k, double m2, double se) {
        return new SeriesPoint(k, Double.NaN, new double[] {0}, new double[] {0}, new double[] {m2}, m2, se, 0, 0,
                new double[0]);
    }

    @Test
    void recoversAnExactExponential() {
        List<SeriesPoint> s = new ArrayList<>();
        for (int k = 0; k <= 100; k += 5) {
            s.add(point(k, 0.5 + 2 * Math.exp(-0.03 * k), 1e-3));
        }
        RateFit f = RateFit.fit(s, 0.5, 0, 100, 0.95);
        assertThat(f.slope()).isCloseTo(-0.03, within(1e-10));
        assertThat(f.factorPerStep()).isCloseTo(Math.exp(-0.03), within(1e-10));
        assertThat(f.points()).isEqualTo(21);
        assertThat(f.slopeLow()).isLessThanOrEqualTo(f.slope());
        assertThat(f.slopeHigh()).isGreaterThanOrEqualTo(f.slope());
    }

    @Test
    void windowEndsWhereTheSignalDrownsInNoise() {
        List<SeriesPoint> s = new ArrayList<>();
        for (int k = 0; k <= 100; k += 10) {
            s.add(point(k, Math.exp(-0.1 * k), 1e-3));
        }
        RateFit f = RateFit.fit(s, 0, 0, 100, 0.9);
        // exp(-0.1 k) > 3e-3 up to k = 50
        assertThat(f.to()).isEqualTo(50);
        assertThat(RateFit.fit(s.subList(7, 11), 0, 0, 100, 0.9)).isNull();
    }

    @Test
    void rejectsBadConfidence() {
        assertThatThrownBy(() -> RateFit.fit(List.of(), 0, 0, 1, 1.0)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsEmptyWindow() {
        assertThatThrownBy(() -> RateFit.fit(List.of(), 0, 5, 1, 0.95)).isInstanceOf(InvalidParameterException.class);
    }

    /**
     * The fitted rate of a simulation against the exact second-moment rate: eta 0.05, kappa 0.5,
     * omega 1, theta0 3, N = 20000, seed 21; the exact log factor must lie in the 99.9 % interval
     * (widened by its own chi-square scaling). Deterministic with the fixed seed.
     */
    @Test
    void fittedRateCoversTheExactRate() {
        double eta = 0.05;
        GeometricStaleness law = new GeometricStaleness(0.5);
        SimulationConfig c = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(1), new double[] {1}),
                law, eta, new double[] {3}, 300, 5, 20_000, 21, 2, 1e100, new double[0]);
        SimulationResult r = EnsembleSimulator.run(c, null);
        ExactMoments exact = ExactMoments.of(new MomentProblem(eta, new double[] {1}, new double[] {1},
                new double[] {3}, null, law));
        RateFit f = RateFit.fit(r.series(), exact.stationarySecondMoment(), 20, 300, 0.999);
        double exactLog = Math.log(exact.secondMomentRate());
        assertThat(f).isNotNull();
        assertThat(exactLog).as("exact %s vs fit %s, seed 21", exactLog, f).isBetween(f.slopeLow(), f.slopeHigh());
    }

    @Test
    void defaultWindowStartsAtATenthOfTheRunButNotBeforeTheFirstRecord() {
        assertThat(RateFit.defaultFrom(1000, 10)).isEqualTo(100);
        assertThat(RateFit.defaultFrom(1000, 200)).isEqualTo(200);
        assertThat(RateFit.defaultFrom(19, 1)).isEqualTo(1);
        assertThat(RateFit.defaultFrom(5, 1)).as("K / 10 rounds down").isEqualTo(1);
    }
}
