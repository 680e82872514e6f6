package dev.asgd.simulation.stationary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.QueueStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.moments.ExactMoments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationaryLevelTest {
    private static List<SeriesPoint> series(double... secondMoments) {
        List<SeriesPoint> s = new ArrayList<>();
        for (int i = 0; i < secondMoments.length; i++) {
            s.add(SeriesPoint.exact(100L * i, new double[] {0}, new double[] {secondMoments[i]}, secondMoments[i], 0));
        }
        return s;
    }

    private static ExactMoments exact(double eta, StalenessDistribution law, String perturbation) {
        return StationaryLevel.exactMoments(eta, new double[] {1}, new double[] {1}, new double[] {1}, law,
                Perturbations.parse(perturbation));
    }

    @Test
    void tailAverageIsTheLastFifthOfTheRecords() {
        // 10 records: the last 2
        assertThat(StationaryLevel.tailAverage(series(9, 9, 9, 9, 9, 9, 9, 9, 1, 3))).isEqualTo(2);
        // 4 records: at least the last one
        assertThat(StationaryLevel.tailAverage(series(9, 9, 9, 5))).isEqualTo(5);
    }

    @Test
    void exactWhenTheExactMomentsApply() {
        double eta = 0.01;
        ExactMoments exact = exact(eta, new GeometricStaleness(0), "none");
        assertThat(exact).isNotNull();
        StationaryLevel s = StationaryLevel.of(exact, series(7, 7));
        assertThat(s.source()).isEqualTo(StationaryLevel.Source.EXACT);
        assertThat(s.source().description()).isEqualTo("exact");
        // plain SGD (kappa = 0) on omega0 = sigma = 1: u' = (1 - eta) u - eta xi, E u^2 = eta^2 / (1 - (1 - eta)^2)
        double independent = eta * eta / (1 - (1 - eta) * (1 - eta));
        assertThat(s.secondMoment()).isCloseTo(independent, within(1e-12 * independent));
        assertThat(s.secondMoment()).isEqualTo(exact.stationarySecondMoment());
    }

    @Test
    void tailAverageWhenTheyDoNot() {
        assertThat(exact(0.01, new GeometricStaleness(0.5), "sin:0.1")).isNull();
        assertThat(exact(0.01, new QueueStaleness(4), "none")).isNull();
        StationaryLevel s = StationaryLevel.of(null, series(4, 2));
        assertThat(s).isEqualTo(new StationaryLevel(2, StationaryLevel.Source.TAIL_AVERAGE));
        assertThat(s.source().description()).isEqualTo("average of the last 20% of records");
    }

    @Test
    void tailAverageWhenTheExactLevelIsNotFinite() {
        // eta far above the edge: the second moment grows, no finite fixed point
        ExactMoments diverging = exact(3, new GeometricStaleness(0.5), "none");
        assertThat(diverging).isNotNull();
        StationaryLevel s = StationaryLevel.of(diverging, series(1, 2, 3, 4, 5));
        assertThat(s.source()).isEqualTo(StationaryLevel.Source.TAIL_AVERAGE);
        assertThat(s.secondMoment()).isEqualTo(5);
    }

    @Test
    void exactRates() {
        ExactMoments exact = exact(0.01, new GeometricStaleness(0), "none");
        ExactRates r = ExactRates.of(exact);
        // kappa = 0: the mean contracts by 1 - eta omega0^2, the second moment by its square
        assertThat(r.meanContractionPerStep()).isCloseTo(0.99, within(1e-12));
        assertThat(r.secondMomentFactorPerStep()).isCloseTo(0.99 * 0.99, within(1e-12));
        assertThat(r.secondMomentLogPerStep()).isEqualTo(Math.log(r.secondMomentFactorPerStep()));
    }

    @Test
    void ensembleAnalysisCombinesTheLevelTheFitAndTheExactRates() {
        List<SeriesPoint> s = series(9, 7, 5, 3, 2, 2);
        ExactMoments exact = exact(0.01, new GeometricStaleness(0), "none");
        EnsembleAnalysis a = EnsembleAnalysis.ofQuadratic(s, 0.01, new double[] {1}, new double[] {1},
                new double[] {1}, new GeometricStaleness(0), Perturbations.parse("none"), 0, 500, 0.95);
        assertThat(a.level()).isEqualTo(StationaryLevel.of(exact, s));
        assertThat(a.stationary()).isEqualTo(exact.stationarySecondMoment());
        assertThat(a.exactRates()).isEqualTo(ExactRates.of(exact));
        assertThat(a.fit()).isEqualTo(dev.asgd.simulation.RateFit.fit(s, a.stationary(), 0, 500, 0.95));
        EnsembleAnalysis none = EnsembleAnalysis.ofQuadratic(s, 0.01, new double[] {1}, new double[] {1},
                new double[] {1}, new QueueStaleness(4), Perturbations.parse("none"), 0, 500, 0.95);
        assertThat(none.exactRates()).isNull();
        assertThat(none.level().source()).isEqualTo(StationaryLevel.Source.TAIL_AVERAGE);
    }
}
