package dev.asgd.training.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TheoryComparisonTest {
    /**
     * Noise-free least squares, one worker (kappa = 0), large batch: the excess loss decays at the
     * rate of the slowest Hessian mode, (1 - eta lambda_min)^2 per update up to minibatch noise.
     * Seed 3; the measured exponent must lie within a factor 1.5 of the prediction.
     */
    @Test
    void predictedDecayMatchesASequentialRun() throws InterruptedException {
        String spec = "synthetic:least-squares,n=2000,d=4,noise=0";
        TrainingConfig c = new TrainingConfig(spec, "least-squares", 0, Mode.parse("async"), 1,
                new LearningRatePolicy.Constant(), 0.1, 256, 400, 3, 10, 0, WorkerDelay.none());
        TrainTest d = DataSources.load(spec, 0.2, 3);
        LeastSquares ls = new LeastSquares(4, 0);
        RunResult r = new ThreadsEngine().run(TrainingSession.start(c, ls, d, TrainingSession.Options.none()));
        TheoryComparison t = TheoryComparison.of(ls, d.train(), d.train(), r.series(), r.fit().kappa(), 0.1);
        assertThat(t.kappa()).isZero();
        assertThat(t.exactSpectrum()).isTrue();
        assertThat(t.minEigenvalue()).isEqualTo(Arrays.stream(t.eigenvalues()).min().orElseThrow());
        assertThat(t.maxEigenvalue()).isEqualTo(Arrays.stream(t.eigenvalues()).max().orElseThrow());
        assertThat(t.windowPoints()).isGreaterThanOrEqualTo(3);
        assertThat(t.measuredDecayPerUpdate() / t.predictedDecayPerUpdate())
                .as("measured %s vs predicted %s", t.measuredDecayPerUpdate(), t.predictedDecayPerUpdate())
                .isBetween(0.67, 1.5);
    }
}
