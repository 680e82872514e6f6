package dev.asgd.theory.moments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.staleness.EmpiricalStaleness;
import dev.asgd.core.staleness.FixedStaleness;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.PoissonStaleness;
import dev.asgd.core.staleness.QueueStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.core.staleness.UniformStaleness;
import dev.asgd.theory.DiscreteMeanRate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactMomentsTest {

    private static MomentProblem problem(double eta, double omega, double sigma, double theta0,
            StalenessDistribution law) {
        return new MomentProblem(eta, new double[] {omega}, new double[] {sigma}, new double[] {theta0}, null, law);
    }

    static Stream<Arguments> smallCases() {
        return Stream.of(
                Arguments.of(new GeometricStaleness(0.6), 0.3, 1.3, 0.7, 1.5),
                Arguments.of(new GeometricStaleness(0.0), 0.3, 1.0, 0.5, -1.0),
                Arguments.of(new FixedStaleness(2), 0.25, 1.1, 0.4, 2.0),
                Arguments.of(new UniformStaleness(3), 0.4, 0.9, 1.0, 1.0),
                Arguments.of(new PoissonStaleness(0.8), 0.2, 1.2, 0.3, 0.7),
                Arguments.of(new EmpiricalStaleness(new double[] {0.5, 0, 0.2, 0.3}, "test"), 0.35, 1.0, 0.6, 1.2));
    }

    /** Exact recursion against the enumeration of every staleness path (K = 6), at every step. */
    @ParameterizedTest
    @MethodSource("smallCases")
    void recursionMatchesBruteForceOverAllPaths(StalenessDistribution law, double eta, double omega, double sigma,
            double theta0) {
        int steps = 6;
        BruteForceMoments brute = new BruteForceMoments(eta, omega, sigma, theta0, law, steps);
        List<MomentPoint> series = ExactMoments.of(problem(eta, omega, sigma, theta0, law)).series(steps, 1, null);
        assertThat(series).hasSize(steps + 1);
        for (int k = 0; k <= steps; k++) {
            MomentPoint p = series.get(k);
            assertThat(p.step()).isEqualTo(k);
            assertThat(p.mean()[0]).as("mean at step %d for %s", k, law.spec())
                    .isCloseTo(brute.mean[k], within(1e-12 * (1 + Math.abs(brute.mean[k]))));
            assertThat(p.secondMoment()).as("second moment at step %d for %s", k, law.spec())
                    .isCloseTo(brute.second[k], within(1e-12 * (1 + brute.second[k])));
        }
    }

    /** The closed geometric recursion and the lag recursion on the truncated geometric law agree. */
    @Test
    void closedGeometricRecursionAgreesWithLagRecursion() {
        double kappa = 0.15;
        GeometricStaleness geo = new GeometricStaleness(kappa);
        double[] pmf = ExactMoments.supportPmf(geo);
        EmpiricalStaleness truncated = new EmpiricalStaleness(pmf, "truncated geometric");
        ExactMoments a = ExactMoments.of(problem(0.05, 1.5, 0.8, 2.0, geo));
        ExactMoments b = ExactMoments.of(problem(0.05, 1.5, 0.8, 2.0, truncated));
        assertThat(a.supportLag()).isEqualTo(-1);
        assertThat(b.supportLag()).isEqualTo(pmf.length - 1);
        List<MomentPoint> sa = a.series(3000, 100, null);
        List<MomentPoint> sb = b.series(3000, 100, null);
        for (int i = 0; i < sa.size(); i++) {
            assertThat(sa.get(i).secondMoment()).isCloseTo(sb.get(i).secondMoment(), within(1e-12));
            assertThat(sa.get(i).mean()[0]).isCloseTo(sb.get(i).mean()[0], within(1e-12));
        }
        assertThat(a.stationarySecondMoment()).isCloseTo(b.stationarySecondMoment(), within(1e-12));
        assertThat(a.secondMomentRate()).isCloseTo(b.secondMomentRate(), within(1e-9));
        assertThat(a.meanRate()).isCloseTo(b.meanRate(), within(1e-9));
    }

    /** THEORY-NOTES section 2: eta 0.01, kappa 0.9, omega 1, sigma 1 has stationary moment 0.00548. */
    @Test
    void stationarySecondMomentMatchesTheoryNotesAndTheLongRun() {
        ExactMoments m = ExactMoments.of(problem(0.01, 1, 1, 1, new GeometricStaleness(0.9)));
        double stationary = m.stationarySecondMoment();
        assertThat(stationary).isCloseTo(0.00548, within(5e-6));
        List<MomentPoint> s = m.series(20_000, 20_000, null);
        assertThat(s.get(s.size() - 1).secondMoment()).isCloseTo(stationary, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("smallCases")
    void stationaryIsTheLimitOfTheRecursion(StalenessDistribution law, double eta, double omega, double sigma,
            double theta0) {
        ExactMoments m = ExactMoments.of(problem(eta, omega, sigma, theta0, law));
        double stationary = m.stationarySecondMoment();
        List<MomentPoint> s = m.series(5_000, 5_000, null);
        assertThat(s.get(s.size() - 1).secondMoment()).isCloseTo(stationary, within(1e-12 * (1 + stationary)));
        assertThat(m.stationarySecondMomentPerCoordinate()).hasSize(1);
    }

    @Test
    void sgdSecondMomentHasItsClosedForm() {
        // kappa = 0: T_{k+1} = (1 - b)^2 T_k + eta^2 sigma^2, rate (1 - b)^2, stationary eta^2 sigma^2 / (1 - (1 - b)^2)
        double eta = 0.1;
        double b = eta * 2.0 * 2.0;
        ExactMoments m = ExactMoments.of(problem(eta, 2.0, 0.5, 1.0, new FixedStaleness(0)));
        double t = 1;
        for (int k = 0; k < 50; k++) {
            m.step();
            t = (1 - b) * (1 - b) * t + eta * eta * 0.25;
        }
        assertThat(m.current().secondMoment()).isCloseTo(t, within(1e-14));
        assertThat(m.secondMomentRate()).isCloseTo((1 - b) * (1 - b), within(1e-12));
        assertThat(m.stationarySecondMoment()).isCloseTo(eta * eta * 0.25 / (1 - (1 - b) * (1 - b)), within(1e-14));
        assertThat(m.secondMomentEtaMax()).isCloseTo(2 / 4.0, within(1e-9));
    }

    @Test
    void gelfandAgreesWithTheEigenvalues() {
        for (StalenessDistribution law : new StalenessDistribution[] {new GeometricStaleness(0.9),
            new UniformStaleness(3), new FixedStaleness(2)}) {
            ExactMoments m = ExactMoments.of(problem(0.05, 1.3, 1, 1, law));
            MomentRecursion r = law instanceof GeometricStaleness
                    ? new GeometricMomentRecursion(0.05, 0.9, 1.3, 1, 1)
                    : new LagMomentRecursion(0.05, ExactMoments.supportPmf(law), 1.3, 1, 1);
            assertThat(LinearMaps.gelfand(r.secondMomentMatrix())).as(law.spec())
                    .isCloseTo(m.secondMomentRate(), within(1e-7));
            assertThat(LinearMaps.gelfand(r.meanMatrix())).isCloseTo(m.meanRate(), within(1e-7));
        }
        assertThat(LinearMaps.gelfand(new double[][] {{0, 0}, {0, 0}})).isZero();
        assertThat(LinearMaps.spectralRadius(new double[][] {{-0.5}})).isEqualTo(0.5);
    }

    @Test
    void meanRateIsTheDiscreteMeanRate() {
        for (double eta : new double[] {0.001, 0.01, 0.1, 1, 10}) {
            ExactMoments m = ExactMoments.of(problem(eta, 1, 1, 1, new GeometricStaleness(0.9)));
            assertThat(m.meanRate()).as("eta %s", eta)
                    .isCloseTo(DiscreteMeanRate.contractionPerStep(eta, 0.9, 1), within(1e-9));
        }
    }

    /** The spectral radius is the envelope rate of |T_k - T*|. */
    @Test
    void secondMomentRateIsTheObservedEnvelopeRate() {
        ExactMoments m = ExactMoments.of(problem(0.02, 1, 1, 3, new UniformStaleness(4)));
        double tStar = m.stationarySecondMoment();
        double rho = m.secondMomentRate();
        List<MomentPoint> s = m.series(700, 1, null);
        double early = envelope(s, 200, tStar);
        double late = envelope(s, 500, tStar);
        double observed = Math.pow(late / early, 1.0 / 300);
        assertThat(observed).isCloseTo(rho, within(1e-3));
        assertThat(rho).isLessThan(1);
    }

    private static double envelope(List<MomentPoint> s, int from, double tStar) {
        double max = 0;
        for (int k = from; k < from + 100; k++) {
            max = Math.max(max, Math.abs(s.get(k).secondMoment() - tStar));
        }
        return max;
    }

    @Test
    void secondMomentStabilityLimitIsBelowTheMeanLimit() {
        ExactMoments m = ExactMoments.of(problem(0.01, 1, 1, 1, new GeometricStaleness(0.9)));
        double etaMax = m.secondMomentEtaMax();
        assertThat(etaMax).isLessThan(DiscreteMeanRate.etaMax(0.9, 1)).isGreaterThan(0);
        double below = ExactMoments.of(problem(etaMax * 0.999, 1, 1, 1, new GeometricStaleness(0.9))).secondMomentRate();
        double above = ExactMoments.of(problem(etaMax * 1.001, 1, 1, 1, new GeometricStaleness(0.9))).secondMomentRate();
        assertThat(below).isLessThan(1);
        assertThat(above).isGreaterThanOrEqualTo(1);
    }

    @Test
    void unstableStationaryIsNaN() {
        ExactMoments m = ExactMoments.of(problem(100, 1, 1, 1, new GeometricStaleness(0.5)));
        assertThat(m.stationarySecondMoment()).isNaN();
    }

    @Test
    void coordinatesDecouple() {
        MomentProblem p = new MomentProblem(0.05, new double[] {1, 2}, new double[] {1, 0.5}, new double[] {1, -1},
                new double[] {0.5, 0}, new FixedStaleness(1));
        ExactMoments m = ExactMoments.of(p);
        MomentPoint last = m.series(100, 100, null).get(1);
        MomentPoint one = ExactMoments.of(new MomentProblem(0.05, new double[] {2}, new double[] {0.5},
                new double[] {-1}, null, new FixedStaleness(1))).series(100, 100, null).get(1);
        assertThat(last.secondMomentPerCoordinate()[1]).isCloseTo(one.secondMoment(), within(1e-15));
        assertThat(last.secondMoment()).isCloseTo(last.secondMomentPerCoordinate()[0]
                + last.secondMomentPerCoordinate()[1], within(1e-15));
        assertThat(last.excessLoss()).isCloseTo(0.5 * last.secondMomentPerCoordinate()[0]
                + 2 * last.secondMomentPerCoordinate()[1], within(1e-15));
    }

    @Test
    void queueStalenessIsRejectedWithTheGeometricHint() {
        assertThatThrownBy(() -> problem(0.01, 1, 1, 1, new QueueStaleness(4)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("--kappa 0.75");
    }

    @Test
    void appliesToTheUnperturbedQuadraticWithIndependentStalenessThatFits() {
        assertThat(ExactMoments.applies(true, new GeometricStaleness(0.9), 3)).isTrue();
        assertThat(ExactMoments.applies(false, new GeometricStaleness(0.9), 3)).isFalse();
        assertThat(ExactMoments.applies(true, new QueueStaleness(4), 1)).isFalse();
        assertThat(ExactMoments.applies(true, new UniformStaleness(4), 1))
                .isEqualTo(ExactMoments.fits(new UniformStaleness(4), 1)).isTrue();
    }

    @Test
    void rejectsNonPositiveEta() {
        assertThatThrownBy(() -> problem(0, 1, 1, 1, new FixedStaleness(0))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsSigmaOfTheWrongLength() {
        assertThatThrownBy(() -> new MomentProblem(0.1, new double[] {1}, new double[] {1, 2}, new double[] {1}, null,
                new FixedStaleness(0))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("sigma");
    }

    @Test
    void rejectsNonFiniteTheta0() {
        assertThatThrownBy(() -> problem(0.1, 1, 1, Double.NaN, new FixedStaleness(0)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
