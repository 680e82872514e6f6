package dev.asgd.simulation.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.core.staleness.UniformStaleness;
import dev.asgd.theory.moments.MomentProblem;
import org.junit.jupiter.api.Test;

class ExactMomentsStudyTest {
    private static ExactMomentsStudy study(double eta, StalenessDistribution law, long steps, long every) {
        long[] seen = new long[1];
        ExactMomentsStudy s = ExactMomentsStudy.run(new MomentProblem(eta, new double[] {1}, new double[] {1},
                new double[] {1}, null, law), steps, every, k -> seen[0] = k);
        assertThat(seen[0]).isPositive();
        return s;
    }

    @Test
    void plainSgdAgainstItsClosedForm() {
        double eta = 0.01;
        ExactMomentsStudy s = study(eta, new GeometricStaleness(0), 100, 10);
        // u' = (1 - eta) u - eta xi: E u_k^2 = (1 - eta)^(2k) + eta^2 (1 - (1 - eta)^(2k)) / (1 - (1 - eta)^2)
        double a = (1 - eta) * (1 - eta);
        double stationary = eta * eta / (1 - a);
        assertThat(s.stationarySecondMoment()).isCloseTo(stationary, within(1e-12 * stationary));
        assertThat(s.stationarySecondMomentPerCoordinate()).hasSize(1);
        assertThat(s.meanContractionPerStep()).isCloseTo(1 - eta, within(1e-12));
        assertThat(s.secondMomentFactorPerStep()).isCloseTo(a, within(1e-12));
        assertThat(s.secondMomentLogPerStep()).isEqualTo(Math.log(s.secondMomentFactorPerStep()));
        assertThat(s.series()).hasSize(11);
        assertThat(s.series().get(0).secondMoment()).isEqualTo(1);
        double k50 = Math.pow(a, 50) + stationary * (1 - Math.pow(a, 50));
        assertThat(s.series().get(5).step()).isEqualTo(50);
        assertThat(s.series().get(5).secondMoment()).isCloseTo(k50, within(1e-12));
        assertThat(s.series().get(5).secondMomentStdErr()).isNaN();
        assertThat(s.method()).isEqualTo("closed geometric recursion");
        assertThat(s.notes()).isEmpty();
        assertThat(s.steps()).isEqualTo(100);
        assertThat(s.stepsPerSecond()).isEqualTo(100 / s.seconds());
    }

    @Test
    void aGrowingSecondMomentIsNoted() {
        ExactMomentsStudy s = study(2.5, new GeometricStaleness(0), 20, 10);
        assertThat(s.secondMomentFactorPerStep()).isGreaterThanOrEqualTo(1);
        assertThat(s.notes()).singleElement().asString().contains("no stationary second moment");
    }

    @Test
    void finiteSupportUsesTheLagAugmentedRecursion() {
        ExactMomentsStudy s = study(0.01, new UniformStaleness(4), 50, 10);
        assertThat(s.method()).startsWith("lag-augmented recursion, support 0..");
        assertThat(s.stationarySecondMoment()).isPositive();
    }
}
