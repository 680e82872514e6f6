package dev.asgd.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtaSweepTest {

    /**
     * Exact on both sides (no sampling): over a fixed gradient-flow time the SME's weak error is
     * O(eta) in the mean and the second moment, the stationary second moment's absolute error
     * O(eta^2) and its relative error O(eta), in the asymptotic range (eta omega^2 &lt;= 0.004).
     */
    @Test
    void weakErrorOrdersOfTheSme() {
        SdeProblem p = new SdeProblem(QuadraticLoss.of(1.0), 0.004, 0.5, new double[] {1}, new double[] {1});
        CompareConfig base = new CompareConfig(p, new GeometricStaleness(0.5), 2500, 25, 1, 1, 1, SchemeKind.SPLITTING,
                1, 1e100, 0.05);
        EtaSweep s = EtaSweep.run(base, new double[] {0.004, 0.002, 0.001, 0.0005}, 0.95, null);
        assertThat(s.rows()).hasSize(4).allSatisfy(c -> assertThat(c.verdict().tracks()).isTrue());
        assertThat(s.rows().get(3).config().steps()).isEqualTo(20_000);
        assertThat(s.meanOrder().order()).isCloseTo(1, within(0.1));
        assertThat(s.secondMomentOrder().order()).isCloseTo(1, within(0.1));
        assertThat(s.stationaryOrder().order()).isCloseTo(2, within(0.1));
        assertThat(s.stationaryRelativeOrder().order()).isCloseTo(1, within(0.1));
        assertThat(s.meanOrder().low()).isLessThan(s.meanOrder().order());
        assertThat(s.meanOrder().high()).isGreaterThan(s.meanOrder().order());
        assertThat(s.meanOrder().points()).isEqualTo(4);
    }

    @Test
    void unstableRowsAreLeftOutOfTheFits() {
        SdeProblem p = new SdeProblem(QuadraticLoss.of(1.0), 0.01, 0.9, new double[] {1}, new double[] {1});
        CompareConfig base = new CompareConfig(p, new GeometricStaleness(0.9), 200, 10, 1, 1, 1, SchemeKind.SPLITTING,
                1, 1e100, 0.05);
        List<Long> seen = new java.util.ArrayList<>();
        EtaSweep s = EtaSweep.run(base, new double[] {1.0, 0.02, 0.01, 0.005}, 0.95, seen::add);
        assertThat(s.rows().get(0).verdict().tracks()).isFalse();
        assertThat(s.meanOrder().points()).isEqualTo(3);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void etaOmega2UsesTheStiffestModeAtEachRate() {
        SdeProblem p = new SdeProblem(new QuadraticLoss(new double[] {0.5, 3, 2}, new double[3],
                dev.asgd.core.perturbation.Perturbations.parse("none")), 0.01, 0.5, new double[] {1, 1, 1},
                new double[] {1, 1, 1});
        CompareConfig base = new CompareConfig(p, new GeometricStaleness(0.5), 100, 10, 1, 1, 1, SchemeKind.SPLITTING,
                1, 1e100, 0.05);
        assertThat(base.etaOmega2()).isCloseTo(0.09, within(1e-15));
        assertThat(base.atEta(0.002).etaOmega2()).isCloseTo(0.018, within(1e-15));
    }

    @Test
    void orderFitOfAnExactPowerLaw() {
        OrderFit f = OrderFit.fit(new double[] {1, 2, 4, 8}, new double[] {3, 12, 48, 192}, 0.95);
        assertThat(f.order()).isCloseTo(2, within(1e-12));
        assertThat(f.stdErr()).isCloseTo(0, within(1e-12));
        assertThat(f.intercept()).isCloseTo(Math.log(3), within(1e-12));
        assertThat(f.at(16)).isCloseTo(768, within(1e-9));
        OrderFit two = OrderFit.fit(new double[] {1, 2, 3}, new double[] {1, 2, Double.NaN}, 0.95);
        assertThat(two.points()).isEqualTo(2);
        assertThat(two.order()).isCloseTo(1, within(1e-12));
        assertThat(two.low()).isNaN();
        // the NaN pair is skipped: the line through (ln 1, ln 1) and (ln 2, ln 2)
        assertThat(two.intercept()).isCloseTo(0, within(1e-12));
        assertThat(OrderFit.fit(new double[] {1, 2}, new double[] {0, 1}, 0.95)).isNull();
    }

    @Test
    void unresolvedErrorsAreNotesNotReasons() {
        WeakError e = new WeakError(0.2, 10, 0.1, 1, 0.01, 10, 0.1, 1);
        assertThat(e.meanResolved()).isFalse();
        Stationary st = new Stationary(1, 0.2, "mc", 1.3, 0.2, "mc");
        assertThat(st.resolved()).isFalse();
        Verdict v = Verdict.of(0.01, 1, null, e, st, 0.05);
        assertThat(v.tracks()).isTrue();
        assertThat(v.notes()).hasSize(3).allSatisfy(n -> assertThat(n).contains("Monte Carlo noise"));
        Verdict bad = Verdict.of(0.01, 1, null, new WeakError(0.2, 10, Double.NaN, 1, 0, 0, Double.NaN, 1),
                null, 0.05);
        assertThat(bad.tracks()).isFalse();
        assertThat(bad.summary()).contains("mean over the horizon");
    }
}
