package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.training.tune.Recommendation;
import dev.asgd.training.tune.Target;
import dev.asgd.training.tune.TuneResult;
import dev.asgd.training.tune.TuneSettings;
import dev.asgd.training.tune.TuneStudy;
import dev.asgd.training.tune.WorkerProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tuner against a grid: {@code asgd tune}'s probe and recommendation on a synthetic softmax
 * problem, the recommendation run for real, and a grid of real runs (eta x M) timed to the same
 * target the same way, in one JVM. All computation is asgd-training's {@link TuneStudy}; this class
 * renders it.
 */
public final class TunerExperiment implements Experiment {
    /** The data of every run. */
    static final String DATA = "synthetic:softmax,n=10000,d=200,classes=10,seed=3";
    private static final int BATCH = 16;
    /** The target: test accuracy. */
    static final double TARGET = 0.55;
    /** The recommended eta is at most this share of the predicted edge (asgd tune's default). */
    static final double SAFETY = 0.8;
    /** The tuner's time may be this many times the best grid setting's. */
    static final double WITHIN_BEST = 1.5;
    /** The measured time may differ from the predicted by this share. */
    static final double WITHIN_PREDICTED = 0.3;

    @Override
    public String id() {
        return "tuner";
    }

    @Override
    public String title() {
        return "The tuner against a grid: eta and M from a short probe";
    }

    @Override
    public long work(ReproduceConfig config) {
        return (long) grid(config).length * workers(config).length * repeats(config) + repeats(config) + 6;
    }

    private static double[] grid(ReproduceConfig config) {
        return config.quick() ? new double[] {0.01, 0.04, 0.16} : new double[] {0.005, 0.01, 0.02, 0.04, 0.08, 0.16};
    }

    private static int[] workers(ReproduceConfig config) {
        return config.quick() ? new int[] {1, 2} : new int[] {1, 2, 4};
    }

    private static int repeats(ReproduceConfig config) {
        return config.pick(3, 5);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        ReproduceConfig rc = ctx.config();
        TuneSettings settings = new TuneSettings(DATA, "softmax", BATCH, rc.seed(), Target.accuracy(TARGET),
                Math.max(2, Math.min(4, rc.threads())), SAFETY, repeats(rc), true, grid(rc), workers(rc));
        TuneResult r;
        long[] steps = {0};
        try {
            r = TuneStudy.run(settings, 0, new TuneStudy.Listener() {
                @Override
                public void step(String step) {
                    ctx.progress().advance(++steps[0]);
                }

                @Override
                public void runs(int done, int total) {
                    ctx.progress().advance(steps[0] + done);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Recommendation rec = r.recommendation();
        TuneResult.Verification v = r.verification();
        List<List<String>> probeRows = new ArrayList<>();
        for (WorkerProbe w : r.probe().workers()) {
            probeRows.add(List.of(Integer.toString(w.workers()), Fmt.f("%.0f", w.updatesPerSecond()),
                    Fmt.num(w.law().mean()), Fmt.num(w.edge()), Fmt.num(w.eta()), Fmt.num(w.updatesToTarget()),
                    Fmt.num(w.seconds(w.updatesToTarget()))));
        }
        List<List<String>> gridRows = new ArrayList<>();
        for (TuneResult.GridCell c : r.grid()) {
            gridRows.add(List.of(Integer.toString(c.workers()), Fmt.num(c.eta()), Fmt.num(c.medianSeconds()),
                    Fmt.num(c.medianUpdates()), c.reached() + " of " + c.runs().size(),
                    c == r.bestCell() ? "best" : ""));
        }
        gridRows.add(List.of(rec.workers() + " (tuner)", Fmt.num(rec.eta()), Fmt.num(v.medianSeconds()),
                Fmt.num(v.medianUpdates()), v.runs().stream().filter(t -> t.reached()).count() + " of " + v.runs().size(),
                Fmt.f("predicted %s s", Fmt.num(rec.predictedSeconds()))));
        List<Charts.Series> series = new ArrayList<>();
        List<Charts.Marker> markers = new ArrayList<>();
        for (WorkerProbe w : r.probe().workers()) {
            List<Recommendation.SurfacePoint> pts = rec.surface().stream().filter(p -> p.workers() == w.workers())
                    .toList();
            series.add(new Charts.Series("M = " + w.workers() + ": predicted", pts.stream()
                    .mapToDouble(Recommendation.SurfacePoint::eta).toArray(), pts.stream()
                    .mapToDouble(Recommendation.SurfacePoint::predictedSeconds).toArray(), Charts.Style.LINE));
            markers.add(new Charts.Marker("M = " + w.workers() + ": predicted edge", w.edge()));
        }
        for (int m : workers(rc)) {
            List<TuneResult.GridCell> cells = r.grid().stream().filter(c -> c.workers() == m).toList();
            series.add(new Charts.Series("M = " + m + ": grid of real runs (median)", cells.stream()
                    .mapToDouble(TuneResult.GridCell::eta).toArray(), cells.stream()
                    .mapToDouble(TuneResult.GridCell::medianSeconds).toArray(), Charts.Style.POINTS));
        }
        series.add(new Charts.Series("the tuner's recommendation, measured (median)", new double[] {rec.eta()},
                new double[] {v.medianSeconds()}, Charts.Style.POINTS));
        Path fig = Charts.line(ctx.figure(id() + "-time"), "Wall time to test accuracy " + TARGET
                + ": predicted over (eta, M) and measured", "eta  [1]", "time to target  [s]", true, true, series,
                markers);
        boolean nearBest = r.ratioToBest() <= WITHIN_BEST;
        boolean predicted = Math.abs(v.measuredOverPredicted() - 1) <= WITHIN_PREDICTED;
        Verdict verdict = nearBest && predicted ? Verdict.HOLDS : Verdict.FAILS;
        String text = Fmt.f("the tuner recommends M = %d, eta = %s (%.2f x its predicted edge %s) after a %.1f s probe;"
                + " its measured median time to the target is %s s, %.2f x the best grid setting's (M = %d, eta = %s:"
                + " %s s; allowed %.1f x), and %.2f x its predicted %s s (allowed within %.0f %%)", rec.workers(),
                Fmt.num(rec.eta()), rec.safety(), Fmt.num(rec.edge()), r.recommendSeconds(), Fmt.num(v.medianSeconds()),
                r.ratioToBest(), r.bestCell().workers(), Fmt.num(r.bestCell().eta()),
                Fmt.num(r.bestCell().medianSeconds()), WITHIN_BEST, v.measuredOverPredicted(),
                Fmt.num(v.predictedSeconds()), 100 * WITHIN_PREDICTED);
        Section section = new Section(id(), title(), "Remarks 3.3 and 3.4 as advice: can a short probe of the data and"
                + " the machine pick the learning rate and the number of asynchronous workers that reach a target"
                + " soonest, and predict how soon?", List.of(fig),
                List.of(new Table(List.of("M", "updates/s", "mean staleness", "predicted edge", "probed eta",
                        "updates to target (median)", "predicted time [s]"), probeRows),
                        new Table(List.of("M", "eta", "median time to target [s]", "median updates", "met the target",
                                ""), gridRows)),
                verdict, text, List.of(
                    Fmt.f("Method: softmax regression on %s, batch %d, target test accuracy %s; the threads engine,"
                            + " async, constant eta; %d real runs per grid setting and for the recommendation (seeds"
                            + " differ), all in one JVM after the probe's warm-up; a run's time to target is the wall"
                            + " time from its workers' start to the first sampled parameter version that meets the"
                            + " target (versions sampled every millisecond while the workers run, evaluated after"
                            + " the run).", DATA, BATCH, Fmt.num(TARGET), repeats(rc)),
                    "The probe: the curvature at theta = 0 and after a small-eta run, the edge of the measured"
                            + " staleness law of each M (" + r.probe().model() + "), the median updates to target of runs at"
                            + " " + SAFETY + " x edge and at a small rate; the recommendation is the faster; predicted time = start latency +"
                            + " updates / measured throughput (" + rec.timeModel() + ").",
                    "Times of a fraction of a second on a machine shared with other jobs: the medians vary from run"
                            + " to run by tens of per cent."));
        return new ExperimentResult(section, r);
    }
}
