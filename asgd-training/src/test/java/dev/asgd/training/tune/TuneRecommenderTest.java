package dev.asgd.training.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.predict.StalenessLaw;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuneRecommenderTest {
    private static TimedRun run(int m, double eta, long toTarget) {
        return new TimedRun(m, eta, 1, 4000, 1, 0.001, 1000, 0, new long[] {1}, false, toTarget,
                toTarget < 0 ? Double.NaN : toTarget / 1000.0, 2.0, 0.5);
    }

    private static WorkerProbe probe(int m, double ups, double edge, double k) {
        return new WorkerProbe(m, ups, 0.001, m / ups, StalenessLaw.of(new long[] {1}), edge, edge / 2, k,
                List.of(run(m, edge / 2, (long) k)));
    }

    private static TuneProbe.Probed probed(List<WorkerProbe> workers) {
        EmpiricalCurvature c = new EmpiricalCurvature(1, 0.1, new double[] {1, 1}, new double[] {0.1, -0.1}, 3);
        ProbeResult p = new ProbeResult(1, 1, TunePredictor.EMPIRICAL, null, 1, 1, 0.1, run(1, 0.01, 4000), workers);
        return new TuneProbe.Probed(p, TunePredictor.empirical(c, 16));
    }

    @Test
    void recommendsTheWorkerCountWithTheLeastPredictedTime() {
        // M = 2: more updates to target but twice the throughput
        Recommendation r = TuneRecommender.recommend(probed(List.of(probe(1, 1000, 1.0, 500), probe(2, 2000, 0.8, 600))),
                0.5, Target.accuracy(0.8));
        assertThat(r.workers()).isEqualTo(2);
        assertThat(r.eta()).isEqualTo(0.4);
        assertThat(r.predictedUpdates()).isEqualTo(600);
        assertThat(r.predictedSeconds()).isCloseTo(0.001 + 600 / 2000.0, within(1e-12));
        assertThat(r.decayPerSecond()).isCloseTo(Math.log(2.0 / 0.5) / r.predictedSeconds(), within(1e-9));
        assertThat(r.noiseFloor()).isCloseTo(0.4 * 0.1 / 4, within(1e-12));
        // the surface: unstable above each edge, faster towards the margin, no gain beyond it
        for (Recommendation.SurfacePoint p : r.surface()) {
            double edge = p.workers() == 1 ? 1.0 : 0.8;
            if (p.eta() >= edge) {
                assertThat(p.status()).isEqualTo("unstable");
                assertThat(p.decayPerSecond()).isZero();
            } else if (p.eta() > edge / 2) {
                assertThat(p.status()).isEqualTo("beyond margin");
            } else {
                assertThat(p.status()).isEqualTo("within margin");
            }
        }
        Recommendation.SurfacePoint best = r.surface().stream().filter(p -> p.status().equals("within margin"))
                .max(java.util.Comparator.comparingDouble(Recommendation.SurfacePoint::decayPerSecond)).orElseThrow();
        assertThat(best.workers()).isEqualTo(2);
    }

    /** A worker count whose runs were too short for the clock (infinite throughput) is never recommended. */
    @Test
    void aWorkerCountWithoutMeasuredThroughputIsNotRecommended() {
        Recommendation r = TuneRecommender.recommend(probed(List.of(probe(1, 1000, 1.0, 500),
                probe(2, Double.POSITIVE_INFINITY, 1.0, 500))), 0.5, Target.accuracy(0.8));
        assertThat(r.workers()).isEqualTo(1);
        assertThat(r.predictedSeconds()).isCloseTo(0.001 + 500 / 1000.0, within(1e-12));
    }

    @Test
    void theUpdatesToTargetFollowAPowerOfEtaBetweenTheTwoMeasuredRates() {
        assertThat(TuneRecommender.alpha(4000, 0.01, 1000, 0.04)).isCloseTo(1, within(1e-12));
        assertThat(TuneRecommender.alpha(4000, 0.01, 2000, 0.04)).isCloseTo(0.5, within(1e-12));
        // the larger rate needed more updates: noise-limited, the exponent is negative
        assertThat(TuneRecommender.alpha(4000, 0.01, 8000, 0.04)).isCloseTo(-0.5, within(1e-12));
        assertThat(TuneRecommender.alpha(Double.NaN, 0.01, 100, 0.04)).isEqualTo(1);
    }

    @Test
    void whenTheLargerRateIsSlowerTheSmallRateIsRecommended() {
        // 4000 updates at the small rate 0.01, 20000 at 0.5 (noise-limited)
        Recommendation r = TuneRecommender.recommend(probed(List.of(probe(1, 1000, 1.0, 20000))), 0.5,
                Target.loss(0.5));
        assertThat(r.workers()).isEqualTo(1);
        assertThat(r.eta()).isEqualTo(0.01);
        assertThat(r.predictedUpdates()).isEqualTo(4000);
        assertThat(r.safety()).isCloseTo(0.01, within(1e-12));
        // without a measurement at the margin the small rate is the only one predicted
        Recommendation none = TuneRecommender.recommend(probed(List.of(probe(1, 1000, 1.0, Double.NaN))), 0.5,
                Target.loss(0.5));
        assertThat(none.eta()).isEqualTo(0.01);
        assertThat(none.predictedUpdates()).isEqualTo(4000);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new TuneSettings("d", "softmax", 16, 1, Target.accuracy(0.8), 2, 1.0, 3, false,
                new double[0], new int[0])).isInstanceOf(InvalidParameterException.class).hasMessageContaining("safety");
        assertThatThrownBy(() -> new TuneSettings("d", "softmax", 16, 1, Target.accuracy(0.8), 2, 0.5, 0, false,
                new double[0], new int[0])).isInstanceOf(InvalidParameterException.class).hasMessageContaining("repeats");
        assertThatThrownBy(() -> new TuneSettings("d", "softmax", 16, 1, Target.accuracy(0.8), 2, 0.5, 3, false,
                new double[] {0.1}, new int[0])).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Target.accuracy(1.5)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Target.loss(Double.NaN)).isInstanceOf(InvalidParameterException.class);
        TuneSettings s = new TuneSettings("d", "softmax", 16, 1, Target.accuracy(0.8), 6, 0.5, 3, false,
                new double[0], new int[0]);
        assertThat(s.probedWorkers()).containsExactly(1, 2, 4, 6);
        assertThat(Target.accuracy(0.8).reached(0.8)).isTrue();
        assertThat(Target.loss(0.3).reached(0.31)).isFalse();
        assertThat(TuneStudy.median(new double[] {3, 1, Double.POSITIVE_INFINITY, 2})).isEqualTo(2.5);
    }
}
