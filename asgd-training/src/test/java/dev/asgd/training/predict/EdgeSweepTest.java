package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import org.junit.jupiter.api.Test;

/** A small real sweep: the bracket, the bisection, the divergences and the study beside it. */
class EdgeSweepTest {
    @Test
    void bisectsBetweenTheLargestStableAndTheSmallestUnstableRate() throws Exception {
        String data = "synthetic:least-squares,n=2000,d=4,seed=2";
        TrainTest d = DataSources.load(data, 0.2, 1);
        LeastSquares p = new LeastSquares(4, 0);
        TrainingConfig c = new TrainingConfig(data, "least-squares", 0, Mode.parse("async"), 2,
                LearningRatePolicy.parse("constant"), 0.1, 8, 600, 1, 20, 0, WorkerDelay.none());
        double lossStar = p.loss(p.optimum(d.train()), RunTheory.evalRows(d.train()));
        EdgeSweep sweep = new EdgeSweep(c, p, d, ThreadsEngine::new, lossStar, 2, 1e6);
        int[] seen = new int[1];
        sweep.setListener((done, run) -> seen[0] = done);
        EdgeSweep.Result r = sweep.run(new double[] {3.0, 0.02, 0.2}, true, 0.1);
        assertThat(r.points().get(0).eta()).isEqualTo(0.02);
        assertThat(r.points().get(0).stable()).isTrue();
        EdgeSweep.Point last = r.points().get(r.points().size() - 1);
        assertThat(last.eta()).isEqualTo(3.0);
        assertThat(last.stable()).isFalse();
        assertThat(last.diverged()).isEqualTo(2);
        assertThat(r.unstableAbove() / r.stableBelow()).isLessThan(1.1);
        assertThat(r.edge()).isBetween(r.stableBelow(), r.unstableAbove());
        assertThat(seen[0]).isEqualTo(2 * r.points().size());
        assertThat(r.reference()).isNotNull();
        assertThat(r.references()).hasSize(2);
        assertThat(r.histogram()).isNotEmpty();

        EdgeStudy s = EdgeStudy.of(r, p, d, 8, true, 1e6);
        assertThat(s.rows()).hasSize(r.points().size());
        assertThat(s.lawMeanSquareEdge()).isLessThanOrEqualTo(s.lawMeanEdge());
        assertThat(s.replayEdge().edge()).isPositive();
        assertThat(s.runEdges()).isNotEmpty();
        assertThat(s.medianRunEdge()).isPositive();
        assertThat(s.rows().get(0).lawWindowDecay()).isPositive();
        // the geometric model's mean edge ignores the minibatch noise: far above the real one
        assertThat(s.geometricEdge()).isGreaterThan(r.edge());
    }

    @Test
    void theLateLossCriterionComparesTheSecondHalfsMedianWithTheInitialLoss() {
        java.util.List<dev.asgd.training.engine.MetricPoint> up = new java.util.ArrayList<>();
        java.util.List<dev.asgd.training.engine.MetricPoint> down = new java.util.ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            up.add(new dev.asgd.training.engine.MetricPoint(100L * k, 0, k == 0 ? 0.69 : 0.5 + 0.1 * (k % 3), 0, 0, 0));
            down.add(new dev.asgd.training.engine.MetricPoint(100L * k, 0, k == 0 ? 0.69 : k < 5 ? 2 : 0.4, 0, 0, 0));
        }
        // second half: 0.6, 0.7, 0.5, 0.6, 0.7, 0.5 (median 0.6 < 0.69): stable
        assertThat(EdgeSweep.lateLossAboveInitial(up)).isFalse();
        up.set(10, new dev.asgd.training.engine.MetricPoint(1000, 0, 5, 0, 0, 0));
        up.set(9, new dev.asgd.training.engine.MetricPoint(900, 0, 5, 0, 0, 0));
        up.set(8, new dev.asgd.training.engine.MetricPoint(800, 0, 5, 0, 0, 0));
        up.set(7, new dev.asgd.training.engine.MetricPoint(700, 0, 5, 0, 0, 0));
        assertThat(EdgeSweep.lateLossAboveInitial(up)).isTrue();
        // an early excursion above the initial loss does not count
        assertThat(EdgeSweep.lateLossAboveInitial(down)).isFalse();
        assertThat(EdgeSweep.lateLossAboveInitial(down.subList(0, 1))).isFalse();
    }

    /** Logistic regression: the 100x bound never triggers at these rates, the late-loss criterion does. */
    @Test
    void aLogisticSweepUsesTheLateLossCriterion() throws Exception {
        String data = "synthetic:logistic,n=2000,d=4,seed=2";
        TrainTest d = DataSources.load(data, 0.2, 1);
        dev.asgd.training.problem.LogisticRegression p = new dev.asgd.training.problem.LogisticRegression(4, 0);
        TrainingConfig c = new TrainingConfig(data, "logistic", 0, Mode.parse("async"), 1,
                LearningRatePolicy.parse("constant"), 0.1, 8, 400, 1, 20, 0, WorkerDelay.none());
        EdgeStudy s = new dev.asgd.training.run.EdgeMeasurement(c, p, d, ThreadsEngine::new, 1, 1e6)
                .study(new double[] {0.5, 25}, false, 0.1, true, 4, null);
        EdgeSweep.Result r = s.sweep();
        assertThat(r.lateLossCriterion()).isEqualTo(EdgeSweep.LATE_LOSS_CRITERION);
        assertThat(r.points().get(0).stable()).isTrue();
        assertThat(r.points().get(1).stable()).isFalse();
        assertThat(r.points().get(1).diverged()).isZero();
        assertThat(s.phase()).isEqualTo(LocalQuadraticTheory.PHASE);
        assertThat(s.replayEdge()).isNull();
        assertThat(s.lawMeanSquareEdge()).isBetween(0.5, 25.0);
    }

    @Test
    void refusesNoRepeats() {
        assertThatThrownBy(() -> new EdgeSweep(null, null, null, ThreadsEngine::new, 0, 0, 1e6))
                .hasMessageContaining("repeats");
    }
}
