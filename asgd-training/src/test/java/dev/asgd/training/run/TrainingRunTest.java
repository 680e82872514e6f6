package dev.asgd.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.staleness.TheoryComparison;
import org.junit.jupiter.api.Test;

/**
 * The entry point against the wiring it replaces: one worker (sequential, deterministic given the
 * run), the theory built from the finished run by hand equals the one the run returns.
 */
class TrainingRunTest {
    private static final String DATA = "synthetic:least-squares,n=3000,d=6,seed=3";
    private static final TrainTest TT = DataSources.load(DATA, 0.2, 4);
    private static final LeastSquares LS = new LeastSquares(6, 0);

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder(DATA, "least-squares").eta(0.02).batchSize(8).updates(1500).seed(4).evalEvery(20);
    }

    @Test
    void theMeasuredLawTheoryIsTheOneBuiltFromTheRun() throws Exception {
        TrainingRunResult r = TrainingRun.of(config().build(), LS, TT).withTheory(TrainingRun.Theory.MEASURED_LAW, false)
                .run(new ThreadsEngine());
        RunTheory expected = RunTheory.of(r.result(), LS, TT, false, TrainingRun.of(config().build(), LS, TT).options()
                .divergenceFactor());
        assertThat(r.theory()).isNotNull();
        assertThat(r.geometricOnly()).isNull();
        assertThat(r.theoryNote()).isNull();
        assertThat(r.whatIf()).isNull();
        assertThat(r.theory().lossStar()).isEqualTo(expected.lossStar());
        assertThat(r.theory().eta()).isEqualTo(expected.eta());
        assertThat(r.theory().measured()).isEqualTo(expected.measured());
        assertThat(r.theory().predictedExcess()).containsExactly(expected.predictedExcess());
        assertThat(r.theory().lawWindowDecay()).isEqualTo(expected.lawWindowDecay());
        assertThat(r.theory().replayEdge()).isNull();
        assertThat(r.lossStar()).isEqualTo(expected.lossStar());
        assertThat(r.measuredDecayPerSecond()).isNaN();
    }

    /** Logistic regression gets the measured-law theory of its local model at theta* (the late phase), no replays. */
    @Test
    void logisticGetsTheLocalModelsTheory() throws Exception {
        String data = "synthetic:logistic,n=2000,d=4,seed=2";
        TrainTest tt = DataSources.load(data, 0.2, 4);
        dev.asgd.training.problem.LogisticRegression lr = new dev.asgd.training.problem.LogisticRegression(4, 0);
        TrainingConfig c = TrainingConfig.builder(data, "logistic").eta(0.5).batchSize(8).updates(600).seed(4)
                .evalEvery(5).build();
        TrainingRunResult r = TrainingRun.of(c, lr, tt).run(new ThreadsEngine());
        assertThat(r.theory()).isNotNull();
        assertThat(r.theory().phase()).isEqualTo(dev.asgd.training.predict.LocalQuadraticTheory.PHASE);
        assertThat(r.theory().replayEdge()).isNull();
        assertThat(r.theory().law().meanSquareEdge()).isPositive();
        assertThat(r.theory().verdict()).isNotEmpty();
        assertThat(r.geometricOnly()).isNull();
        String wide = "synthetic:logistic,n=300,d=40,seed=2";
        TrainTest wt = DataSources.load(wide, 0.2, 4);
        TrainingConfig wc = TrainingConfig.builder(wide, "logistic").eta(0.1).batchSize(8).updates(100).seed(4).build();
        TrainingRunResult w = TrainingRun.of(wc, new dev.asgd.training.problem.LogisticRegression(40, 0), wt)
                .run(new ThreadsEngine());
        // more than 39 features: the model in the top Hessian eigendirections (it used to be none)
        assertThat(w.theory()).isNotNull();
        assertThat(w.theory().phase()).contains("top 16 Hessian eigendirections");
        assertThat(w.theory().subspace().directions()).isEqualTo(16);
        assertThat(w.theoryNote()).isNull();
        TrainingConfig sc = TrainingConfig.builder(data, "logistic").eta(0.5).batchSize(8).updates(100).seed(4)
                .policy(LearningRatePolicy.Scheduled.of(new LearningRatePolicy.Constant(), "step:50:0.5")).build();
        assertThat(TrainingRun.of(sc, lr, tt).run(new ThreadsEngine()).theoryNote()).contains("schedule");
    }

    @Test
    void theGeometricTheoryIsTheComparisonWithTheFittedKappa() throws Exception {
        TrainingRunResult r = TrainingRun.of(config().build(), LS, TT).withTheory(TrainingRun.Theory.GEOMETRIC, false)
                .run(new ThreadsEngine());
        RunResult run = r.result();
        TheoryComparison expected = TheoryComparison.of(LS, TT.train(), RunTheory.evalRows(TT.train()), run.series(),
                run.fit().kappa(), 0.02);
        assertThat(r.theory()).isNull();
        assertThat(r.theoryNote()).isNull();
        assertThat(r.geometricOnly().predictedDecayPerUpdate()).isEqualTo(expected.predictedDecayPerUpdate());
        assertThat(r.geometricOnly().measuredDecayPerUpdate()).isEqualTo(expected.measuredDecayPerUpdate());
        assertThat(r.geometricOnly().kappa()).isEqualTo(expected.kappa());
        assertThat(r.lossStar()).isEqualTo(expected.lossStar());
        assertThat(r.measuredDecayPerSecond())
                .isEqualTo(expected.measuredDecayPerUpdate() * run.updatesPerSecond());
    }

    @Test
    void aScheduleFallsBackToTheGeometricLawWithTheReason() throws Exception {
        TrainingConfig c = config().policy(LearningRatePolicy.Scheduled.of(new LearningRatePolicy.Constant(),
                "step:500:0.5")).updates(600).build();
        TrainingRunResult r = TrainingRun.of(c, LS, TT).run(new ThreadsEngine());
        assertThat(r.theory()).isNull();
        assertThat(r.geometricOnly()).isNotNull();
        assertThat(r.theoryNote()).contains("learning-rate schedule");
    }

    @Test
    void noTheoryGivesNoneAndSoftmaxGetsTheSubspaceModel() throws Exception {
        TrainingRunResult r = TrainingRun.of(config().updates(200).build(), LS, TT)
                .withTheory(TrainingRun.Theory.NONE, false).run(new ThreadsEngine());
        assertThat(r.theory()).isNull();
        assertThat(r.geometricOnly()).isNull();
        assertThat(r.lossStar()).isNaN();
        String softmax = "synthetic:softmax,n=1000,d=4";
        TrainTest tt = DataSources.load(softmax, 0.2, 1);
        TrainingConfig c = TrainingConfig.builder(softmax, "softmax").eta(0.05).updates(200).build();
        TrainingRunResult l = TrainingRun.of(c, Problems.of("softmax", tt.train(), 0), tt).run(new ThreadsEngine());
        assertThat(l.theory()).isNotNull();
        assertThat(l.theory().phase()).contains("Hessian eigendirections");
        assertThat(l.geometricOnly()).isNull();
        TrainingRunResult none = TrainingRun.of(c, Problems.of("softmax", tt.train(), 0), tt)
                .withTheory(TrainingRun.Theory.NONE, false).run(new ThreadsEngine());
        assertThat(none.theory()).isNull();
    }

    @Test
    void whatIfReplaysTheRunsInterleaving() throws Exception {
        TrainingRunResult r = TrainingRun.of(config().updates(300).build(), LS, TT)
                .withTheory(TrainingRun.Theory.NONE, false).withWhatIf(new double[] {0.01, 0.04}, null)
                .run(new ThreadsEngine());
        assertThat(r.whatIf()).hasSize(2);
        assertThat(r.whatIf().get(0).eta()).isEqualTo(0.01);
        assertThat(r.whatIf().get(1).eta()).isEqualTo(0.04);
    }

    @Test
    void whatIfNeedsARecordedInterleaving() {
        TrainingRun run = TrainingRun.of(config().mode(Mode.parse("sync")).workers(2).updates(100).build(), LS, TT)
                .withTheory(TrainingRun.Theory.NONE, false).withWhatIf(new double[] {0.01}, null);
        assertThatThrownBy(() -> run.run(new ThreadsEngine())).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("what-if-eta");
    }

    @Test
    void singularHessianNote() {
        // two equal columns: A^T A is singular
        DenseDataset collinear = new DenseDataset(new double[] {1, 1, 2, 2, 3, 3}, new double[] {1, 2, 3}, 2);
        assertThat(TrainingRun.singularHessianNote(new LeastSquares(2, 0), collinear)).contains("singular");
        DenseDataset regular = new DenseDataset(new double[] {1, 0, 0, 2, 1, 1}, new double[] {1, 2, 3}, 2);
        assertThat(TrainingRun.singularHessianNote(new LeastSquares(2, 0), regular)).isNull();
    }
}
