package dev.asgd.simulation.sde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.sme.Matrix2;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdeEnsembleTest {
    private static final double[] OMEGA = {1.0, 2.0};
    private static final double[] STAR = {0.5, -0.25};

    private static SdeProblem problem(double eta, double kappa, String perturbation) {
        return new SdeProblem(new QuadraticLoss(OMEGA, STAR, Perturbations.parse(perturbation)), eta, kappa,
                new double[] {1.0, 0.5}, new double[] {1.5, -1.0});
    }

    private static SdeConfig config(SdeProblem p, SchemeKind scheme, int substeps, int runs, long steps, long every,
            long seed, int threads) {
        return new SdeConfig(p, scheme, substeps, steps, every, runs, seed, threads, 1e100, new double[] {0.5, 0.9});
    }

    /**
     * Each scheme's ensemble against the same scheme's exact moments (its linear recursion, read
     * off its code, {@link LinearStepMaps}) at steps 0, 40, ..., 200, d = 2: every mean and second
     * moment within 4.5 standard errors. Seed 5, N = 12000. Per comparison the two-sided
     * false-failure rate is 7e-6; 6 records x 5 values x 3 schemes x 2 rows = 180 comparisons: below
     * 1.3e-3 in all (deterministic with the fixed seed). The same records also show the scheme's
     * bias against the exact SME for the coarse Euler-Maruyama step (second row): the power check.
     */
    @ParameterizedTest(name = "eta {0}, kappa {1}, substeps {2}")
    @CsvSource({"0.05, 0.8, 1", "0.3, 0.0, 2"})
    void ensembleMatchesTheSchemesExactMoments(double eta, double kappa, int substeps) {
        long seed = 5;
        SdeProblem p = problem(eta, kappa, "none");
        for (SchemeKind kind : SchemeKind.values()) {
            SdeResult r = SdeEnsemble.run(config(p, kind, substeps, 12_000, 200, 40, seed, 2), null);
            assertThat(r.series()).hasSize(6);
            double h = p.deltaT() / substeps;
            for (int i = 0; i < OMEGA.length; i++) {
                SdeProblem one = coordinate(p, i);
                LinearStepMaps maps = LinearStepMaps.of(kind, one, h);
                for (SeriesPoint pt : r.series()) {
                    if (pt.step() == 0) {
                        assertThat(pt.mean()[i]).isEqualTo(p.theta0()[i]);
                        continue;
                    }
                    int n = (int) pt.step() * substeps;
                    LinearStepMaps.Moments m = maps.propagate(p.theta0()[i] - STAR[i], p.y0()[i], n);
                    double zMean = (pt.mean()[i] - STAR[i] - m.mu()) / pt.meanStdErr()[i];
                    assertThat(Math.abs(zMean)).as("%s mean z, coordinate %d, step %d, seed %d", kind, i, pt.step(),
                            seed).isLessThan(4.5);
                    double m2 = m.cov().a() + m.mu() * m.mu();
                    double se = secondMomentStdErr(r, pt, i);
                    assertThat(Math.abs(pt.secondMomentPerCoordinate()[i] - m2) / se).as(
                            "%s second-moment z, coordinate %d, step %d, seed %d", kind, i, pt.step(), seed)
                            .isLessThan(4.5);
                }
            }
            assertThat(r.series().get(0).time()).isZero();
            assertThat(r.last().time()).isEqualTo(200 * p.deltaT());
            assertThat(r.chainSteps()).isEqualTo(12_000L * 200 * substeps);
        }
    }

    /** Per-coordinate second-moment standard error from the Gaussian law of the scheme's iterate. */
    private static double secondMomentStdErr(SdeResult r, SeriesPoint pt, int i) {
        double m = pt.mean()[i] - STAR[i];
        double m2 = pt.secondMomentPerCoordinate()[i];
        double var = m2 - m * m;
        // Var(X^2) for X ~ N(m, var): 2 var^2 + 4 m^2 var
        return Math.sqrt((2 * var * var + 4 * m * m * var) / r.config().runs());
    }

    private static SdeProblem coordinate(SdeProblem p, int i) {
        return new SdeProblem(new QuadraticLoss(new double[] {OMEGA[i]}, new double[] {STAR[i]},
                Perturbations.parse("none")), p.eta(), p.kappa(), new double[] {p.sigma()[i]},
                new double[] {p.theta0()[i]});
    }

    /**
     * Power: Euler-Maruyama at eta 0.3, kappa 0 (gamma h = 1) is far from the exact SME, and the
     * ensemble sees it: the stationary-phase second moment of coordinate 1 (omega 2) differs from
     * the exact SME's by more than 10 standard errors. Seed 5, N = 12000.
     */
    @Test
    void coarseEulerMaruyamaBiasIsDetected() {
        SdeProblem p = problem(0.3, 0.0, "none");
        SdeResult r = SdeEnsemble.run(config(p, SchemeKind.EM, 1, 12_000, 200, 40, 5, 1), null);
        double exact = p.linearSme(1).stationaryCovariance().a();
        SeriesPoint last = r.last();
        double z = (last.secondMomentPerCoordinate()[1] - exact) / secondMomentStdErr(r, last, 1);
        assertThat(Math.abs(z)).as("EM bias z, seed 5").isGreaterThan(10);
    }

    @ParameterizedTest
    @CsvSource({"em", "splitting", "exact"})
    void bitIdenticalForAnyThreadCount(String scheme) {
        SdeConfig c = config(problem(0.05, 0.5, scheme.equals("exact") ? "none" : "sin:0.3,2"),
                SchemeKind.parse(scheme), 2, 700, 60, 7, 9, 1);
        List<SeriesPoint> one = SdeEnsemble.run(c, null).series();
        for (int t : new int[] {2, 3}) {
            List<SeriesPoint> many = SdeEnsemble.run(c.withThreads(t), null).series();
            assertThat(many).hasSize(one.size());
            for (int k = 0; k < one.size(); k++) {
                assertThat(many.get(k).mean()).as("threads %d, record %d", t, k).isEqualTo(one.get(k).mean());
                assertThat(many.get(k).secondMoment()).isEqualTo(one.get(k).secondMoment());
                assertThat(many.get(k).quantiles()).isEqualTo(one.get(k).quantiles());
                assertThat(many.get(k).excessLoss()).isEqualTo(one.get(k).excessLoss());
            }
        }
    }

    @Test
    void recordsIncludeTheLastStepAndTheProgressReachesTheTotal() {
        SdeConfig c = config(problem(0.05, 0.5, "none"), SchemeKind.SPLITTING, 3, 300, 25, 10, 1, 2);
        long[] seen = {0};
        SdeResult r = SdeEnsemble.run(c, n -> seen[0] = Math.max(seen[0], n));
        assertThat(r.series()).extracting(SeriesPoint::step).containsExactly(0L, 10L, 20L, 25L);
        assertThat(seen[0]).isEqualTo(300L * 25 * 3);
        assertThat(r.chainStepsPerSecond()).isPositive();
        assertThat(r.series().get(0).secondMomentStdErr()).isZero();
        assertThat(r.series().get(0).quantiles()).hasSize(2);
    }

    @Test
    void divergenceNamesStepAndChain() {
        SdeProblem p = new SdeProblem(QuadraticLoss.of(30), 0.5, 0, new double[] {1}, new double[] {1});
        // one thread: with two, chain 0 and chain 256 (the next block) race to report first
        SdeConfig c = new SdeConfig(p, SchemeKind.EM, 1, 1000, 10, 300, 1, 1, 1e6, null);
        assertThatThrownBy(() -> SdeEnsemble.run(c, null)).isInstanceOf(NumericalDivergenceException.class)
                .hasMessageContaining("chain 0").hasMessageContaining("scheme em")
                .satisfies(e -> assertThat(((NumericalDivergenceException) e).step()).isBetween(1L, 20L));
    }

    @Test
    void exactSchemeIsExactForOneLongStep() {
        // one step of deltaT = 1 (eta 1, kappa 0) from a point: the Gaussian transition itself
        SdeProblem p = new SdeProblem(QuadraticLoss.of(0.8), 1.0, 0, new double[] {0.7}, new double[] {2});
        LinearStepMaps maps = LinearStepMaps.of(SchemeKind.EXACT, p, 1.0);
        var t = p.linearSme(0).transition(1.0);
        assertThat(maps.map()).isEqualTo(t.map());
        Matrix2 n = maps.noise();
        assertThat(n.a()).isCloseTo(t.noise().a(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(n.b()).isCloseTo(t.noise().b(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(n.d()).isCloseTo(t.noise().d(), org.assertj.core.api.Assertions.within(1e-15));
    }
}
