package dev.asgd.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.EdgeSweep;
import dev.asgd.training.problem.LeastSquares;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small real sweep through {@link EdgeMeasurement}, and the study's numbers against the edge study's. */
class RealRunsStudyTest {
    @Test
    void theNumbersAreTheEdgeStudysStableDecaysAndEdges() throws Exception {
        String data = "synthetic:least-squares,n=2000,d=4,seed=2";
        TrainTest d = DataSources.load(data, 0.2, 1);
        LeastSquares p = new LeastSquares(4, 0);
        TrainingConfig c = TrainingConfig.builder(data, "least-squares").workers(2).eta(0.02).batchSize(8).updates(600)
                .evalEvery(20).delay(WorkerDelay.none()).build();
        int[] seen = new int[1];
        double[] grid = {3.0, 0.02, 0.2};
        EdgeStudy study = new EdgeMeasurement(c, p, d, ThreadsEngine::new, 2, 1e6)
                .study(grid, true, 0.1, false, 2, (done, run) -> seen[0] = done);
        assertThat(seen[0]).isEqualTo(2 * study.sweep().points().size());
        assertThat(study.replayEdge()).isNull();

        RealRunsStudy.Settings settings = new RealRunsStudy.Settings(data, 2, 8, grid, 600, 2, 1, 0.1, 2);
        RealRunsStudy s = RealRunsStudy.of(settings, study);
        assertThat(s.workers()).isEqualTo(2);
        assertThat(s.updates()).isEqualTo(600);
        assertThat(s.repeats()).isEqualTo(2);
        assertThat(s.kappa()).isEqualTo(study.kappa());
        assertThat(s.meanStaleness()).isEqualTo(study.law().mean());
        assertThat(s.edgeMeasured()).isEqualTo(study.sweep().edge());
        assertThat(s.edgeMeasuredLawMeanSquare()).isEqualTo(study.lawMeanSquareEdge());
        assertThat(s.edgeGeometricOverMeasured()).isEqualTo(s.edgeGeometricMean() / s.edgeMeasured());
        assertThat(s.edgeReplay()).isNaN();
        assertThat(s.edgeShuffledReplay()).isNaN();
        assertThat(s.edgeMarkovReplay()).isNaN();
        double range = RealRunsStudy.DECAY_RANGE * study.sweep().edge();
        long stable = study.rows().stream().filter(r -> r.stable() && !Double.isNaN(r.measured()) && r.eta() <= range)
                .count();
        long agreeing = study.rows().stream().filter(r -> r.stable() && !Double.isNaN(r.measured()) && r.eta() <= range
                && r.agrees()).count();
        assertThat(s.decays()).hasSize((int) stable);
        assertThat(s.decaysCompared()).isEqualTo(stable);
        assertThat(s.decaysAgreeing()).isEqualTo(agreeing);
        // the unstable 3.0 is not among the decays, the stable 0.02 is, and none lies above the decay range
        assertThat(s.decays()).extracting(RealRunsStudy.Decay::eta).contains(0.02).doesNotContain(3.0)
                .allMatch(eta -> eta <= range);
        // no replay edge: the replay check fails, whatever the rest
        assertThat(s.replayEdgeAgrees()).isFalse();
    }

    @Test
    void verdictChecks() {
        RealRunsStudy.Decay yes = new RealRunsStudy.Decay(0.1, 0.2, 0.1, 0.3, 0.19, Double.NaN, 0.5, true);
        RealRunsStudy.Decay no = new RealRunsStudy.Decay(0.2, 0.2, 0.1, 0.3, 0.9, 0.8, 0.5, false);
        assertThat(yes.comparedLawDecay()).isEqualTo(0.19);
        assertThat(no.comparedLawDecay()).isEqualTo(0.8);
        RealRunsStudy ok = study(0.3 * 1.14, 0.3 * 1.09, List.of(yes), 1);
        assertThat(ok.lawEdgeAgrees()).isTrue();
        assertThat(ok.replayEdgeAgrees()).isTrue();
        assertThat(ok.decaysAllAgree()).isTrue();
        RealRunsStudy bad = study(0.3 * 1.2, 0.3 * 0.85, List.of(yes, no), 1);
        assertThat(bad.lawEdgeAgrees()).isFalse();
        assertThat(bad.replayEdgeAgrees()).isFalse();
        assertThat(bad.decaysAllAgree()).isFalse();
        assertThat(study(0.3, 0.3, List.of(), 0).decaysAllAgree()).isFalse();
    }

    private static RealRunsStudy study(double lawEdge, double replay, List<RealRunsStudy.Decay> decays, int agreeing) {
        return new RealRunsStudy(4, 100, 2, 3, 0.75, 0.3, 0.29, 0.31, 13, 0.4, lawEdge, 0.3, replay, 0.3, 0.3, decays,
                agreeing, decays.size());
    }

    @Test
    void settingsCopyTheGrid() {
        double[] grid = {0.1, 0.2};
        RealRunsStudy.Settings s = new RealRunsStudy.Settings("d", 4, 16, grid, 100, 2, 1, 0.05, 4);
        grid[0] = 9;
        assertThat(s.grid()).containsExactly(0.1, 0.2);
        assertThat(EdgeSweep.EDGE_DIVERGENCE_FACTOR).isEqualTo(100);
    }
}
