package dev.asgd.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.loss.Loss;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.noise.GradientOracle;
import dev.asgd.core.staleness.EmpiricalStaleness;
import dev.asgd.core.staleness.FixedStaleness;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.GeometricTable;
import dev.asgd.core.staleness.PoissonStaleness;
import dev.asgd.core.staleness.QueueStaleness;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.core.staleness.UniformStaleness;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentPoint;
import dev.asgd.theory.moments.MomentProblem;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnsembleSimulatorTest {
    private static final double ETA = 0.05;
    private static final double[] OMEGA = {1.0, 2.0};
    private static final double[] SIGMA = {1.0, 0.5};
    private static final double[] THETA0 = {1.0, -0.5};

    private static SimulationConfig config(StalenessDistribution law, int runs, long steps, long every, long seed,
            int threads) {
        return new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(OMEGA), SIGMA), law, ETA, THETA0, steps,
                every, runs, seed, threads, 1e100, SimulationConfig.DEFAULT_LEVELS);
    }

    static Stream<StalenessDistribution> laws() {
        return Stream.of(new GeometricStaleness(0.8), new FixedStaleness(3), new UniformStaleness(5),
                new PoissonStaleness(2), new EmpiricalStaleness(new double[] {0.5, 0, 0.3, 0.2}, "test"));
    }

    /**
     * Monte Carlo against the exact moments, d = 2, at steps 0, 25, 50, ..., 200: every coordinate's
     * mean and the second moment within 4.5 standard errors. Seed 11, N = 20000. Per comparison the
     * false-failure rate is 7e-6 (normal two-sided), 27 comparisons per law, 5 laws: below 1e-3 in
     * all; the seed is fixed, so the outcome is deterministic.
     */
    @ParameterizedTest
    @MethodSource("laws")
    void ensembleMatchesExactMoments(StalenessDistribution law) {
        long seed = 11;
        SimulationResult r = EnsembleSimulator.run(config(law, 20_000, 200, 25, seed, 2), null);
        List<MomentPoint> exact = ExactMoments.of(new MomentProblem(ETA, OMEGA, SIGMA, THETA0, null, law))
                .series(200, 25, null);
        assertThat(r.series()).hasSize(exact.size());
        for (int i = 0; i < exact.size(); i++) {
            SeriesPoint p = r.series().get(i);
            MomentPoint e = exact.get(i);
            assertThat(p.step()).isEqualTo(e.step());
            if (p.step() == 0) {
                assertThat(p.secondMoment()).isEqualTo(e.secondMoment());
                continue;
            }
            double z = (p.secondMoment() - e.secondMoment()) / p.secondMomentStdErr();
            assertThat(Math.abs(z)).as("second moment z at step %d for %s (seed %d): mc %s exact %s", p.step(),
                    law.spec(), seed, p.secondMoment(), e.secondMoment()).isLessThan(4.5);
            for (int c = 0; c < 2; c++) {
                double zm = (p.mean()[c] - e.mean()[c]) / p.meanStdErr()[c];
                assertThat(Math.abs(zm)).as("mean[%d] z at step %d for %s (seed %d)", c, p.step(), law.spec(), seed)
                        .isLessThan(4.5);
            }
        }
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        SimulationConfig one = config(new GeometricStaleness(0.7), 1500, 60, 7, 5, 1);
        SimulationResult a = EnsembleSimulator.run(one, null);
        SimulationResult b = EnsembleSimulator.run(one.withThreads(3), null);
        SimulationResult c = EnsembleSimulator.run(config(new QueueStaleness(5), 1500, 60, 7, 5, 4), null);
        SimulationResult d = EnsembleSimulator.run(config(new QueueStaleness(5), 1500, 60, 7, 5, 1), null);
        SimulationConfig scalar = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(1.2),
                new double[] {0.7}), new PoissonStaleness(2), ETA, new double[] {1}, 60, 7, 1501, 5, 1, 1e100,
                SimulationConfig.DEFAULT_LEVELS);
        SimulationResult e = EnsembleSimulator.run(scalar, null);
        SimulationResult f = EnsembleSimulator.run(scalar.withThreads(2), null);
        for (int i = 0; i < a.series().size(); i++) {
            assertSame(a.series().get(i), b.series().get(i));
            assertSame(c.series().get(i), d.series().get(i));
            assertSame(e.series().get(i), f.series().get(i));
        }
        assertThat(b.performance().threads()).isEqualTo(3);
        assertThat(a.last().step()).isEqualTo(60);
        assertThat(a.series()).hasSize(10);
    }

    /** The same oracle behind an anonymous class, so that only the generic runner applies to it. */
    private static GradientOracle hidden(GradientOracle inner) {
        return new GradientOracle() {
            @Override
            public Loss loss() {
                return inner.loss();
            }

            @Override
            public Sampler sampler(UniformRandomProvider rng) {
                return inner.sampler(rng);
            }

            @Override
            public String describe() {
                return "wrapped";
            }
        };
    }

    private static void assertSame(SeriesPoint x, SeriesPoint y) {
        assertThat(x.secondMoment()).isEqualTo(y.secondMoment());
        assertThat(x.secondMomentStdErr()).isEqualTo(y.secondMomentStdErr());
        assertThat(x.mean()).containsExactly(y.mean());
        assertThat(x.excessLoss()).isEqualTo(y.excessLoss());
        assertThat(x.quantiles()).containsExactly(y.quantiles());
    }

    /**
     * The generic runner (any oracle), the inlined quadratic runner (d = 2) and the interleaved
     * scalar runner (d = 1, 601 chains: the last group of lanes is partial) draw the same chains.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void genericAndFastPathsAgreeExactly(int dimension) {
        double[] omega = java.util.Arrays.copyOf(OMEGA, dimension);
        double[] theta0 = java.util.Arrays.copyOf(THETA0, dimension);
        SimulationConfig fast = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(omega),
                java.util.Arrays.copyOf(SIGMA, dimension)), new GeometricStaleness(0.8), ETA, theta0, 40, 10, 601, 9,
                2, 1e100, SimulationConfig.DEFAULT_LEVELS);
        assertThat(ScalarInterleavedRunner.applies(fast)).isEqualTo(dimension == 1);
        assertThat(GeometricScalarRunner.applies(fast)).isEqualTo(dimension == 1);
        AdditiveGaussianNoise inner = (AdditiveGaussianNoise) fast.oracle();
        GradientOracle wrapped = hidden(inner);
        SimulationConfig slow = new SimulationConfig(wrapped, fast.staleness(), ETA, theta0, 40, 10, 601, 9, 1, 1e100,
                SimulationConfig.DEFAULT_LEVELS);
        assertThat(QuadraticChainRunner.applies(fast)).isTrue();
        assertThat(QuadraticChainRunner.applies(slow)).isFalse();
        SimulationResult a = EnsembleSimulator.run(fast, null);
        SimulationResult b = EnsembleSimulator.run(slow, null);
        for (int i = 0; i < a.series().size(); i++) {
            assertSame(a.series().get(i), b.series().get(i));
        }
    }

    /**
     * The geometric fast path against the generic runner where its record buffer holds fewer chains
     * than a block (1051 records: chunks of 7 chains) and lags reach deep into the history
     * (kappa = 0.95, L = 718), and a run whose history exceeds the clipped table (kappa = 0.99999,
     * L = 80000 &gt; 2^16) falls back to the interleaved runner.
     */
    @Test
    void geometricFastPathAgreesWithTheGenericRunnerAcrossChunks() {
        SimulationConfig fast = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(0.9),
                new double[] {0.6}), new GeometricStaleness(0.95), 0.05, new double[] {-2}, 2100, 2, 601, 31, 2, 1e100,
                SimulationConfig.DEFAULT_LEVELS);
        assertThat(GeometricScalarRunner.applies(fast)).isTrue();
        assertThat(fast.historyLag()).isEqualTo(718);
        SimulationResult a = EnsembleSimulator.run(fast, null);
        SimulationResult b = EnsembleSimulator.run(fast.withThreads(1), null);
        AdditiveGaussianNoise inner = (AdditiveGaussianNoise) fast.oracle();
        GradientOracle wrapped = hidden(inner);
        SimulationResult c = EnsembleSimulator.run(new SimulationConfig(wrapped, fast.staleness(), 0.05,
                new double[] {-2}, 2100, 2, 601, 31, 1, 1e100, SimulationConfig.DEFAULT_LEVELS), null);
        assertThat(a.series()).hasSize(1051);
        for (int i = 0; i < a.series().size(); i++) {
            assertSame(a.series().get(i), b.series().get(i));
            assertSame(a.series().get(i), c.series().get(i));
        }
        SimulationConfig deep = new SimulationConfig(inner, new GeometricStaleness(0.99999), 0.05, new double[] {1},
                80_000, 40_000, 2, 1, 1, 1e100, SimulationConfig.DEFAULT_LEVELS);
        assertThat(deep.historyLag()).isGreaterThan(GeometricTable.MAX_CLIPPED_LAG);
        assertThat(GeometricScalarRunner.applies(deep)).isFalse();
        assertThat(ScalarInterleavedRunner.applies(deep)).isTrue();
    }

    /** The fast path names the step and chain of a divergence (eta beyond the stability limit). */
    @Test
    void geometricFastPathReportsDivergence() {
        SimulationConfig c = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(1.0),
                new double[] {1}), new GeometricStaleness(0.9), 3.0, new double[] {1}, 5000, 10, 300, 1, 1, 1e6,
                SimulationConfig.DEFAULT_LEVELS);
        assertThat(GeometricScalarRunner.applies(c)).isTrue();
        assertThatThrownBy(() -> EnsembleSimulator.run(c, null))
                .isInstanceOf(dev.asgd.core.NumericalDivergenceException.class)
                .hasMessageContaining("chain 0").hasMessageContaining("> 1000000.0");
    }

    /**
     * Finite-sum least squares with the paper's sampled gradients (generic runner): the ensemble mean
     * reaches theta* (the exact mean recursion is linear, and E grad f_gamma = grad f, so E theta_k
     * follows the deterministic recursion, which at K = 400 is within 1e-6 of theta*); every
     * coordinate within 4.5 standard errors. Seed 17, N = 4000; false-failure rate 1.4e-5.
     */
    @Test
    void finiteSumSamplingReachesTheMinimizerOnAverage() {
        dev.asgd.core.loss.FiniteSumLeastSquares f = new dev.asgd.core.loss.FiniteSumLeastSquares(
                new double[][] {{1, 0}, {0, 2}, {1, 1}, {2, -1}}, new double[] {1, 2, 0, 3});
        SimulationConfig c = new SimulationConfig(new dev.asgd.core.noise.FiniteSumSampling(f),
                new GeometricStaleness(0.5), 0.05, new double[] {0, 0}, 400, 100, 4000, 17, 2, 1e100,
                SimulationConfig.DEFAULT_LEVELS);
        assertThat(QuadraticChainRunner.applies(c)).isFalse();
        SeriesPoint last = EnsembleSimulator.run(c, null).last();
        double[] star = f.minimizer();
        for (int i = 0; i < 2; i++) {
            double z = (last.mean()[i] - star[i]) / last.meanStdErr()[i];
            assertThat(Math.abs(z)).as("coordinate %d: mean %s, theta* %s, seed 17", i, last.mean()[i], star[i])
                    .isLessThan(4.5);
        }
        assertThat(last.secondMoment()).isPositive();
        assertThat(last.excessLoss()).isPositive();
    }

    @Test
    void divergenceNamesStepAndChain() {
        SimulationConfig c = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(1), new double[] {1}),
                new FixedStaleness(0), 3.0, new double[] {1}, 1000, 10, 100, 1, 2, 1e6, new double[0]);
        assertThatThrownBy(() -> EnsembleSimulator.run(c, null))
                .isInstanceOf(NumericalDivergenceException.class)
                .hasMessageContaining("chain")
                .hasMessageContaining("step");
    }

    @Test
    void progressReachesAllMemberSteps() {
        long[] last = {0};
        EnsembleSimulator.run(config(new FixedStaleness(1), 700, 20, 5, 1, 2), n -> {
            synchronized (last) {
                last[0] = Math.max(last[0], n);
            }
        });
        assertThat(last[0]).isEqualTo(700 * 20);
    }
}
