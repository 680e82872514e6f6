package dev.asgd.simulation.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.QueueStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmeComparisonTest {

    private static CompareConfig config(double eta, double kappa, String perturbation, StalenessDistribution law,
            long steps, long every, int runs, double bound) {
        SdeProblem p = new SdeProblem(new QuadraticLoss(new double[] {1}, new double[] {0},
                Perturbations.parse(perturbation)), eta, kappa, new double[] {1}, new double[] {1});
        return new CompareConfig(p, law, steps, every, runs, 1, 2, SchemeKind.SPLITTING, 1, bound, 0.05);
    }

    private static CompareConfig quadratic(double eta, double kappa) {
        return config(eta, kappa, "none", new GeometricStaleness(kappa), 1000, 10, 1000, 1e100);
    }

    /**
     * The paper's regime (THEORY-NOTES section 2): exact on both sides, the SME tracks ASGD; the
     * Monte Carlo ASGD agrees with the exact moments (largest |z| over 101 records x 2 values below
     * 4.5; seed 1, N = 1000; per-comparison false-failure rate 7e-6, about 1.4e-3 in all).
     */
    @Test
    void papersRegimeTracks() {
        Comparison c = SmeComparison.run(quadratic(0.01, 0.9), true, null);
        assertThat(c.reference()).isEqualTo("exact discrete moments");
        assertThat(c.stationary().sme()).isCloseTo(0.00550, within(1e-7));
        assertThat(c.stationary().asgd()).isCloseTo(0.00548, within(5e-6));
        assertThat(c.stationary().relativeError()).isBetween(0.0, 0.01);
        assertThat(c.weakError().meanRelative()).isBetween(1e-4, 0.005);
        assertThat(c.weakError().secondMomentRelative()).isBetween(1e-4, 0.005);
        assertThat(c.monteCarloMaxZ()).as("Monte Carlo vs exact, seed 1").isLessThan(4.5);
        assertThat(c.verdict().tracks()).isTrue();
        assertThat(c.verdict().reasons()).isEmpty();
        assertThat(c.verdict().notes()).isEmpty();
        assertThat(c.sme().get(1).time()).isCloseTo(10 * Math.sqrt(0.001), within(1e-15));
        assertThat(c.secondMomentFactorPerStep()).isBetween(0.0, 1.0);
    }

    @Test
    void workCountsTheEnsemblesThatRun() {
        CompareConfig q = config(0.01, 0.9, "none", new GeometricStaleness(0.9), 100, 10, 20, 1e100);
        assertThat(SmeComparison.exactAvailable(q)).isTrue();
        assertThat(SmeComparison.work(q, true)).isEqualTo(2000);
        assertThat(SmeComparison.work(q, false)).isZero();
        // no exact moments: the Monte Carlo always runs
        CompareConfig queue = config(0.01, 0.75, "none", new QueueStaleness(4), 100, 10, 20, 1e100);
        assertThat(SmeComparison.exactAvailable(queue)).isFalse();
        assertThat(SmeComparison.runsMonteCarlo(queue, false)).isTrue();
        assertThat(SmeComparison.work(queue, false)).isEqualTo(2000);
        // a perturbed loss: the Monte Carlo and the SME ensemble
        CompareConfig perturbed = config(0.01, 0.9, "sin:0.1", new GeometricStaleness(0.9), 100, 10, 20, 1e100);
        assertThat(SmeComparison.work(perturbed, false)).isEqualTo(4000);
    }

    @Test
    void aboveTheSecondMomentLimitTheVerdictSaysSo() {
        Comparison c = SmeComparison.run(quadratic(1.0, 0.9), false, null);
        assertThat(c.secondMomentEtaMax()).isBetween(0.4, 0.5);
        assertThat(c.secondMomentFactorPerStep()).isGreaterThan(1);
        assertThat(c.stationary()).isNull();
        assertThat(c.monteCarloAsgd()).isNull();
        assertThat(c.verdict().tracks()).isFalse();
        assertThat(c.verdict().summary()).contains("does NOT track").contains("diverges").contains("stability limit");
        assertThat(c.verdict().notes()).anySatisfy(n -> assertThat(n).contains("not small"));
    }

    @Test
    void largeEtaBelowTheLimitIsMeasuredNotToTrack() {
        Comparison c = SmeComparison.run(quadratic(0.3, 0.9), false, null);
        assertThat(c.secondMomentFactorPerStep()).isLessThan(1);
        assertThat(c.stationary().relativeError()).isLessThan(-0.3);
        assertThat(c.verdict().tracks()).isFalse();
        assertThat(c.verdict().reasons()).anySatisfy(r -> assertThat(r).contains("stationary second moment"));
    }

    @Test
    void divergingMonteCarloIsAFindingNotAFailure() {
        Comparison c = SmeComparison.run(config(2.0, 0.9, "none", new GeometricStaleness(0.9), 300, 10, 300, 1e3),
                true, null);
        assertThat(c.monteCarloFailure()).contains("diverged at step").contains("chain");
        assertThat(c.monteCarloAsgd()).isNull();
        assertThat(c.verdict().tracks()).isFalse();
    }

    /**
     * A perturbed loss: both sides are ensembles (seed 1 for ASGD, 2 for the SME, N = 3000), the
     * reference is the Monte Carlo ASGD and the errors carry standard errors. In the paper's regime
     * the verdict is "tracks" (every relative error within 5 %, or unresolved).
     */
    @Test
    void perturbedLossComparesTwoEnsembles() {
        long[] work = {0};
        Comparison c = SmeComparison.run(config(0.01, 0.9, "sin:0.3,2", new GeometricStaleness(0.9), 300, 20, 3000,
                1e100), false, n -> work[0] = Math.max(work[0], n));
        assertThat(c.exactAsgd()).isNull();
        assertThat(c.reference()).isEqualTo("Monte Carlo ASGD");
        assertThat(c.smeSource()).contains("splitting");
        assertThat(c.weakError().meanStdErr()).isPositive();
        assertThat(c.stationary().stdErr()).isPositive();
        assertThat(c.stationary().asgdSource()).contains("Monte Carlo");
        assertThat(c.verdict().tracks()).as(c.verdict().summary()).isTrue();
        assertThat(work[0]).isEqualTo(2L * 3000 * 300);
        assertThat(c.monteCarloMaxZ()).isNaN();
    }

    @Test
    void dependentStalenessUsesTheMonteCarloAsReference() {
        Comparison c = SmeComparison.run(config(0.01, 0.75, "none", new QueueStaleness(4), 200, 20, 2000, 1e100),
                false, null);
        assertThat(c.exactAsgd()).isNull();
        assertThat(c.reference()).isEqualTo("Monte Carlo ASGD");
        assertThat(c.smeSource()).contains("exact");
        assertThat(c.stationary().asgdStdErr()).isPositive();
    }

    @Test
    void rejectsAToleranceOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new CompareConfig(quadratic(0.01, 0.9).problem(), new GeometricStaleness(0.9), 10, 1,
                1, 1, 1, SchemeKind.EM, 1, 1e100, 1.5)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void rejectsAMissingStalenessLaw() {
        assertThatThrownBy(() -> new CompareConfig(quadratic(0.01, 0.9).problem(), null, 10, 1, 1, 1, 1,
                SchemeKind.EM, 1, 1e100, 0.05)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("staleness");
    }

    @Test
    void rejectsANonPositiveSweepEta() {
        assertThatThrownBy(() -> quadratic(0.01, 0.9).atEta(-1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("sweep-eta");
    }

    @Test
    void atEtaKeepsTheGradientFlowTime() {
        CompareConfig c = quadratic(0.01, 0.9).atEta(0.0025);
        assertThat(c.steps()).isEqualTo(4000);
        assertThat(c.every()).isEqualTo(40);
        assertThat(c.eta()).isEqualTo(0.0025);
        assertThat(quadratic(0.01, 0.9).atEta(100).steps()).isEqualTo(1);
    }

    @Test
    void requireFiniteSmeRefusesAnOverflowedSmeSeries() {
        Comparison c = SmeComparison.run(quadratic(0.01, 0.9), false, null);
        assertThat(c.requireFiniteSme()).isSameAs(c);
        List<SeriesPoint> sme = new ArrayList<>(c.sme());
        sme.set(3, SeriesPoint.exact(sme.get(3).step(), new double[] {0}, new double[] {Double.POSITIVE_INFINITY},
                Double.POSITIVE_INFINITY, Double.NaN));
        Comparison overflowed = new Comparison(c.config(), c.exactAsgd(), c.monteCarloAsgd(), c.monteCarloFailure(),
                sme, c.smeSource(), c.reference(), c.weakError(), c.monteCarloMaxZ(), c.stationary(),
                c.secondMomentFactorPerStep(), c.secondMomentEtaMax(), c.verdict());
        assertThatThrownBy(overflowed::requireFiniteSme).isInstanceOf(NumericalDivergenceException.class)
                .hasMessageContaining("the SME's second moment").hasMessageContaining("left the double range")
                .satisfies(e -> assertThat(((NumericalDivergenceException) e).step()).isEqualTo(sme.get(3).step()));
    }
}
