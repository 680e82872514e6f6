package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The theory of a run against the run, on small least-squares problems. The replays are
 * deterministic; the real threaded runs are not, so their assertions are about quantities that
 * hold for any interleaving.
 */
class RunTheoryTest {
    private static final String DATA = "synthetic:least-squares,n=3000,d=6,seed=3";

    private static TrainingConfig config(int workers, double eta, long updates, long seed) {
        return new TrainingConfig(DATA, "least-squares", 0, Mode.parse("async"), workers,
                LearningRatePolicy.parse("constant"), eta, 8, updates, seed, 20, 0, WorkerDelay.parse("exp:0.02", workers));
    }

    private static RunResult run(TrainingConfig c, LeastSquares p, TrainTest d) throws InterruptedException {
        return new ThreadsEngine().run(TrainingSession.start(c, p, d, TrainingSession.Options.none()));
    }

    /**
     * With one worker the staleness is 0 and the run is plain SGD: the expected excess loss of the
     * exact theory is an average over minibatch draws; the measured decay over the transient lies
     * within its interval widened by 15 % of the predicted -ln rho_ms (seed 4; the interval is a
     * 95 % one, so this holds for most seeds, and it held for this fixed one).
     */
    @Test
    void oneWorkerIsSgdAndTheMeasuredLawPredictsItsDecay() throws Exception {
        TrainTest d = DataSources.load(DATA, 0.2, 4);
        LeastSquares p = new LeastSquares(6, 0);
        RunResult r = run(config(1, 0.02, 3000, 4), p, d);
        RunTheory t = RunTheory.of(r, p, d, false, 1e6);
        assertThat(r.total()).containsExactly(3000);
        assertThat(t.law().law().pmf()).containsExactly(1.0);
        assertThat(t.law().meanSquareEdge()).isLessThan(t.law().meanEdge());
        assertThat(t.measured().rate()).isPositive();
        assertThat(t.agrees()).as(t.verdict()).isTrue();
        // the predicted curve starts at the initial excess loss (theta_0 = 0) exactly
        assertThat(t.predictedExcess()[0] + t.lossStar()).isCloseTo(r.series().get(0).trainLoss(), within(1e-9));
        assertThat(t.predictedLoss()).hasSize(t.curveSteps().length);
        assertThat(t.predictedLoss()[1]).isEqualTo(t.lossStar() + t.predictedExcess()[1]);
        assertThat(t.minEigenvalue()).isEqualTo(Arrays.stream(t.eigenvalues()).min().orElseThrow());
        assertThat(t.maxEigenvalue()).isEqualTo(Arrays.stream(t.eigenvalues()).max().orElseThrow());
    }

    @Test
    void theReplayEdgeBracketsTheSwitchFromStableToUnstable() throws Exception {
        TrainTest d = DataSources.load(DATA, 0.2, 5);
        LeastSquares p = new LeastSquares(6, 0);
        TrainingConfig c = config(3, 0.05, 800, 5);
        RunResult r = run(c, p, d);
        Schedule s = r.schedule().toSchedule(c.fingerprint());
        double lossStar = p.loss(p.optimum(d.train()), RunTheory.evalRows(d.train()));
        ReplayEdge e = ReplayEdge.find(s, c, p, d, lossStar, 0.05, 0.02, 1e6);
        assertThat(e.stableBelow()).isLessThan(e.unstableAbove());
        assertThat(e.unstableAbove() / e.stableBelow()).isLessThan(1.02);
        assertThat(e.edge()).isBetween(e.stableBelow(), e.unstableAbove());
        // the measured-law mean-square edge of this run's staleness is of the same size (the i.i.d. model)
        RunTheory t = RunTheory.of(r, p, d, false, 1e6);
        assertThat(t.law().meanSquareEdge() / e.edge()).isBetween(0.7, 1.4);
    }

    @Test
    void shufflingKeepsTheStalenessValuesAndWorkers() throws Exception {
        TrainTest d = DataSources.load(DATA, 0.2, 6);
        LeastSquares p = new LeastSquares(6, 0);
        TrainingConfig c = config(3, 0.05, 500, 6);
        RunResult r = run(c, p, d);
        Schedule s = r.schedule().toSchedule(c.fingerprint());
        Schedule sh = ReplayEdge.shuffled(s, 9);
        List<Schedule.Entry> a = s.entries();
        List<Schedule.Entry> b = sh.entries();
        long[] ha = new long[600];
        long[] hb = new long[600];
        for (int k = 0; k < a.size(); k++) {
            assertThat(b.get(k).worker()).isEqualTo(a.get(k).worker());
            assertThat(b.get(k).step()).isEqualTo(a.get(k).step());
            assertThat(b.get(k).readVersion()).isBetween(0L, (long) k);
            ha[(int) (k - a.get(k).readVersion())]++;
            hb[(int) Math.max(0, k - b.get(k).readVersion())]++;
        }
        // the same values up to the reads clipped at version 0 (at most the first few updates)
        long diff = 0;
        for (int i = 0; i < ha.length; i++) {
            diff += Math.abs(ha[i] - hb[i]);
        }
        assertThat(diff).isLessThanOrEqualTo(2 * 10);
        assertThat(ReplayEdge.shuffled(s, 9)).isEqualTo(sh);
    }

    /**
     * The window decay of the exact expected loss tends to -ln rho_ms on a late window (the slowest
     * mode alone), and is faster on an early window (every mode of the transient).
     */
    @Test
    void theWindowDecayTendsToTheAsymptoticDecay() {
        TrainTest d = DataSources.load(DATA, 0.2, 7);
        LeastSquares p = new LeastSquares(6, 0);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(p, d.train(), RunTheory.evalRows(d.train()), 8);
        StalenessLaw law = StalenessLaw.of(new long[] {5, 3, 2});
        double eta = 0.01;
        double asymptotic = -Math.log(t.rates(law).meanSquareContraction(eta));
        // later windows approach it (the next mode fades), while the limit is still far below
        double mid = t.windowDecay(eta, law, Math.round(5 / asymptotic), Math.round(10 / asymptotic), 20);
        double late = t.windowDecay(eta, law, Math.round(10 / asymptotic), Math.round(20 / asymptotic), 20);
        assertThat(late).isCloseTo(asymptotic, within(0.03 * asymptotic));
        assertThat(Math.abs(late - asymptotic)).isLessThan(Math.abs(mid - asymptotic));
        assertThat(t.windowDecay(eta, law, 0, Math.round(0.5 / asymptotic), 20)).isGreaterThan(asymptotic);
    }

    @Test
    void theGeometricModelIsThePapersMeanRate() {
        GeometricModel g = GeometricModel.of(0.75, 0.3, new double[] {0.5, 1.0});
        assertThat(g.meanEdge()).isCloseTo(2 * 1.75 / 0.25, within(1e-9));
        // the slowest of the two modes, each the exact discrete mean rate of its omega = sqrt(lambda)
        assertThat(g.contraction()).isEqualTo(Math.max(
                dev.asgd.theory.DiscreteMeanRate.contractionPerStep(0.3, 0.75, Math.sqrt(0.5)),
                dev.asgd.theory.DiscreteMeanRate.contractionPerStep(0.3, 0.75, 1.0)));
        assertThat(g.decay()).isCloseTo(-2 * Math.log(g.contraction()), within(1e-15));
        assertThat(GeometricModel.of(Double.NaN, 0.1, new double[] {1}).kappa()).isZero();
    }
}
