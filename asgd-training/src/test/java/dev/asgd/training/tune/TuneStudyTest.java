package dev.asgd.training.tune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The whole study on a small synthetic softmax problem; no timing is asserted, only what the runs did. */
class TuneStudyTest {
    @Test
    void probesRecommendsVerifiesAndRunsTheGrid() throws InterruptedException {
        TuneSettings s = new TuneSettings("synthetic:softmax,n=2000,d=5,seed=2", "softmax", 16, 1,
                Target.accuracy(0.6), 2, 0.5, 1, true, new double[] {0.2}, new int[] {1});
        int[] steps = {0};
        int[] runs = {0};
        TuneResult r = TuneStudy.run(s, 0, new TuneStudy.Listener() {
            @Override
            public void step(String step) {
                steps[0]++;
            }

            @Override
            public void runs(int done, int total) {
                runs[0] = done;
                assertThat(total).isEqualTo(2);
            }
        });
        assertThat(steps[0]).isGreaterThanOrEqualTo(4);
        assertThat(runs[0]).isEqualTo(2);
        ProbeResult p = r.probe();
        assertThat(p.model()).isEqualTo(TunePredictor.EMPIRICAL);
        assertThat(p.lambdaMax()).isPositive();
        assertThat(p.noiseTrace()).isPositive();
        assertThat(p.smallEta().reached()).isTrue();
        assertThat(p.workers()).extracting(WorkerProbe::workers).containsExactly(1, 2);
        for (WorkerProbe w : p.workers()) {
            assertThat(w.eta()).isEqualTo(0.5 * w.edge());
            assertThat(w.runs()).hasSize(TuneProbe.CURVE_RUNS);
            assertThat(w.updatesPerSecond()).isPositive();
        }
        assertThat(p.workers().get(0).law().mean()).isZero();
        Recommendation rec = r.recommendation();
        assertThat(rec.predictedSeconds()).isPositive().isFinite();
        assertThat(rec.surface()).hasSize(2 * TuneRecommender.POINTS);
        TuneResult.Verification v = r.verification();
        assertThat(v.runs()).hasSize(1);
        assertThat(v.runs().get(0).reached()).isTrue();
        assertThat(v.runs().get(0).updatesToTarget()).isPositive().isLessThanOrEqualTo(v.runs().get(0).updates());
        assertThat(r.grid()).hasSize(1);
        assertThat(r.bestCell()).isSameAs(r.grid().get(0));
        assertThat(r.ratioToBest()).isPositive();
    }

    @Test
    void aTimedRunFindsTheFirstVersionThatMeetsALossTarget() throws InterruptedException {
        var tt = dev.asgd.training.data.DataSources.load("synthetic:least-squares,n=2000,d=5,seed=3", 0.2, 3);
        var p = dev.asgd.training.problem.Problems.of("least-squares", tt.train(), 0);
        double initial = p.loss(new double[p.dimension()], tt.train());
        TargetTimer timer = new TargetTimer("synthetic:least-squares,n=2000,d=5,seed=3", "least-squares", p, tt,
                TargetTimer.evalRows(tt.train()), 8, Target.loss(initial / 4));
        double[] last = new double[p.dimension()];
        TimedRun r = timer.run(1, 0.05, 3000, 7, last);
        assertThat(r.reached()).isTrue();
        assertThat(r.lossAtTarget()).isLessThanOrEqualTo(initial / 4);
        assertThat(r.initialLoss()).isEqualTo(initial);
        assertThat(r.updatesToTarget()).isBetween(1L, 3000L);
        assertThat(r.secondsToTarget()).isLessThanOrEqualTo(r.seconds());
        assertThat(p.loss(last, tt.train())).isLessThan(initial);
        // far above the edge of least squares the run diverges and meets nothing
        TimedRun d = timer.run(1, 50, 3000, 7);
        assertThat(d.diverged()).isTrue();
        assertThat(d.reached()).isFalse();
        // an unreachable target is not met
        TargetTimer never = new TargetTimer("synthetic:least-squares,n=2000,d=5,seed=3", "least-squares", p, tt,
                TargetTimer.evalRows(tt.train()), 8, Target.loss(-1));
        assertThat(never.run(1, 0.05, 500, 7).reached()).isFalse();
    }
}
