package dev.asgd.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.predict.StalenessLaw;
import dev.asgd.training.problem.SoftmaxRegression;
import org.junit.jupiter.api.Test;

/** A late-phase run of softmax regression from theta* + delta v against its subspace model. */
class LatePhaseRunTest {
    private static final String DATA = "synthetic:softmax,n=4000,d=4,classes=3,seed=5";

    /**
     * One worker (deterministic: seed 3), 1 % of the mean-square edge, f(theta_0) - f* = 10 x the
     * floor: the measured decay over its window against the model's over the same window. Measured
     * over seeds 1-3 at these settings: 1.16-1.23 (the real loss at theta_0 is 17 % above the
     * quadratic model's); with 30 x the floor 1.28-1.36 (37 % above), at 10 % of the edge 1.6-3.7
     * (2.3-4.4 times). Asserted in [0.8, 1.5].
     */
    @Test
    void theLatePhaseDecayIsTheModels() throws InterruptedException {
        TrainTest tt = DataSources.load(DATA, 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(4, 3, 0.01);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, tt.train(), RunTheory.evalRows(tt.train()), 8);
        double edge = t.rates(StalenessLaw.of(new long[] {1})).meanSquareEdge();
        TrainingConfig c = TrainingConfig.builder(DATA, "softmax").l2(0.01).workers(1).eta(0.01 * edge).batchSize(8)
                .updates(3000).seed(3).evalEvery(5).build();
        LatePhaseRun run = new LatePhaseRun(c, s, tt, t, 10);
        double[] start = run.start();
        LatePhaseRun.Outcome o = run.run(new ThreadsEngine());
        assertThat(o.measuredInitialExcess()).isCloseTo(o.initialExcess(), within(0.3 * o.initialExcess()));
        assertThat(o.initialExcess()).isCloseTo(10 * o.stationaryExcess(), within(o.stationaryExcess()));
        assertThat(o.measured().rate()).isPositive();
        assertThat(o.ratio()).isBetween(0.8, 1.5);
        assertThat(o.asymptotic()).isPositive();
        assertThat(o.meanStaleness()).isZero();
        assertThat(start).hasSize(s.dimension());
        // the model's own consistency: its late-loss edge at its stationary excess at eta is eta
        StalenessLaw law = StalenessLaw.of(new long[] {1});
        double eta = 0.2 * edge;
        assertThat(t.levelEdge(law, t.stationaryExcess(eta, law))).isCloseTo(eta, within(1e-3 * eta));
    }
}
