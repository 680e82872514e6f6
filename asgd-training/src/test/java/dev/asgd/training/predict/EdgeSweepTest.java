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
    void refusesNoRepeats() {
        assertThatThrownBy(() -> new EdgeSweep(null, null, null, ThreadsEngine::new, 0, 0, 1e6))
                .hasMessageContaining("repeats");
    }
}
