package dev.asgd.cli;

import dev.asgd.cli.output.TuneJson;
import dev.asgd.report.reproduce.Charts;
import dev.asgd.training.tune.ProbeResult;
import dev.asgd.training.tune.Recommendation;
import dev.asgd.training.tune.TimedRun;
import dev.asgd.training.tune.TuneResult;
import dev.asgd.training.tune.TuneSettings;
import dev.asgd.training.tune.WorkerProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders {@code asgd tune}'s result as text, CSV, JSON and a plot of the predicted decay per second over (eta, M). */
final class TuneReport implements CommandOutput {
    private final TuneResult result;
    private final double dataSeconds;

    TuneReport(TuneResult result, double dataSeconds) {
        this.result = result;
        this.dataSeconds = dataSeconds;
    }

    @Override
    public TuneJson toJson() {
        return TuneJson.of(result, dataSeconds);
    }

    @Override
    public String toCsv() {
        StringBuilder b = new StringBuilder("kind,workers,eta,status,predictedUpdates,predictedSeconds,decayPerSecond,"
                + "lateDecayPerSecond,measuredSeconds,measuredUpdates,reached,runs\n");
        for (Recommendation.SurfacePoint p : result.recommendation().surface()) {
            b.append("surface,").append(p.workers()).append(',').append(p.eta()).append(',').append(p.status())
                    .append(',').append(num(p.predictedUpdates())).append(',').append(num(p.predictedSeconds()))
                    .append(',').append(num(p.decayPerSecond())).append(',').append(num(p.lateDecayPerSecond()))
                    .append(",,,,\n");
        }
        Recommendation r = result.recommendation();
        TuneResult.Verification v = result.verification();
        b.append("recommendation,").append(r.workers()).append(',').append(r.eta()).append(",within margin,")
                .append(num(r.predictedUpdates())).append(',').append(num(r.predictedSeconds())).append(',')
                .append(num(r.decayPerSecond())).append(",,");
        if (v != null) {
            b.append(num(v.medianSeconds())).append(',').append(num(v.medianUpdates())).append(',')
                    .append(v.runs().stream().filter(TimedRun::reached).count()).append(',').append(v.runs().size());
        } else {
            b.append(",,,");
        }
        b.append('\n');
        for (TuneResult.GridCell c : result.grid()) {
            b.append("grid,").append(c.workers()).append(',').append(c.eta()).append(",,,,,,")
                    .append(num(c.medianSeconds())).append(',')
                    .append(num(c.medianUpdates())).append(',').append(c.reached()).append(',')
                    .append(c.runs().size()).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder();
        TuneSettings s = result.settings();
        ProbeResult p = result.probe();
        Recommendation r = result.recommendation();
        b.append(String.format(Locale.ROOT, "asgd tune: %s on %s, batch %d, target %s%n", s.problem(), s.data(),
                s.batch(), s.target()));
        b.append(String.format(Locale.ROOT, "probe           %.1f s (CPU %.1f s), recommendation after %.1f s (data loaded in"
                + " %.1f s before), threads engine, async, constant eta%n", p.seconds(), p.cpuSeconds(),
                result.recommendSeconds(), dataSeconds));
        b.append("edge model      ").append(p.model()).append(System.lineSeparator());
        if (p.phase() != null) {
            b.append("  covers        ").append(p.phase()).append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "curvature       lambda_max %.4g at theta = 0, %.4g at the small-eta run's end;"
                + " gradient noise tr Cov(g_B) %.4g there%n", p.lambdaMaxAtStart(), p.lambdaMax(), p.noiseTrace()));
        TimedRun small = p.smallEta();
        b.append(String.format(Locale.ROOT, "small eta       %.4g, 1 worker: %s%n", small.eta(), reached(small)));
        b.append(String.format(Locale.ROOT, "  %3s %10s %9s %12s %9s %10s %10s   %s%n", "M", "updates/s", "start s", "s/gradient",
                "mean tau", "edge", "eta", "at eta (safety " + s.safety() + " x edge)"));
        for (WorkerProbe w : p.workers()) {
            b.append(String.format(Locale.ROOT, "  %3d %10.0f %9.3g %12.3g %9.3f %10.4g %10.4g   %s%n", w.workers(),
                    w.updatesPerSecond(), w.startSeconds(), w.secondsPerGradient(), w.law().mean(), w.edge(), w.eta(), String.format(Locale.ROOT, "median %.0f updates to target (%d runs)",
                    w.updatesToTarget(), w.runs().size())));
        }
        b.append(String.format(Locale.ROOT, "recommendation  M = %d, eta = %.4g (%.2f x the predicted edge %.4g; safety"
                + " margin %.2f)%n", r.workers(), r.eta(), r.safety(), r.edge(), s.safety()));
        b.append(String.format(Locale.ROOT, "  predicted     %.0f updates, %.4g s to %s; loss decay %.4g per second;"
                + " noise floor eta tr Cov(g_B) / 4 = %.3g%n", r.predictedUpdates(), r.predictedSeconds(), s.target(),
                r.decayPerSecond(), r.noiseFloor()));
        b.append("  time model    ").append(r.timeModel()).append(System.lineSeparator());
        TuneResult.Verification v = result.verification();
        if (v != null) {
            b.append(String.format(Locale.ROOT, "verify          %d runs: measured median %.4g s (%.0f updates) against"
                    + " predicted %.4g s: measured / predicted %.3f%n", v.runs().size(), v.medianSeconds(),
                    v.medianUpdates(), v.predictedSeconds(), v.measuredOverPredicted()));
            for (TimedRun t : v.runs()) {
                b.append("  seed ").append(t.seed()).append(": ").append(reached(t)).append(System.lineSeparator());
            }
        }
        if (!result.grid().isEmpty()) {
            b.append(String.format(Locale.ROOT, "grid            %d settings x %d runs, median time to target (s):%n",
                    result.grid().size(), s.repeats()));
            for (TuneResult.GridCell c : result.grid()) {
                b.append(String.format(Locale.ROOT, "  M = %d, eta = %-8.4g %s (%d of %d met it)%s%n", c.workers(),
                        c.eta(), Double.isFinite(c.medianSeconds()) ? String.format(Locale.ROOT, "%.4g s",
                                c.medianSeconds()) : "not met", c.reached(), c.runs().size(),
                        c == result.bestCell() ? "   <- best" : ""));
            }
            if (Double.isFinite(result.ratioToBest())) {
                b.append(String.format(Locale.ROOT, "tuner / best grid setting: %.3f%n", result.ratioToBest()));
            }
        }
        return b.toString();
    }

    private static String reached(TimedRun t) {
        if (t.diverged()) {
            return "diverged";
        }
        if (!t.reached()) {
            return String.format(Locale.ROOT, "target not met in %d updates (%.3g s)", t.updates(), t.seconds());
        }
        return String.format(Locale.ROOT, "%d updates, %.4g s to target", t.updatesToTarget(), t.secondsToTarget());
    }

    void plot(Path dir) throws IOException {
        List<Charts.Series> series = new ArrayList<>();
        List<Charts.Marker> markers = new ArrayList<>();
        for (WorkerProbe w : result.probe().workers()) {
            List<Recommendation.SurfacePoint> pts = result.recommendation().surface().stream()
                    .filter(sp -> sp.workers() == w.workers()).toList();
            double[] x = pts.stream().mapToDouble(Recommendation.SurfacePoint::eta).toArray();
            double[] y = pts.stream().mapToDouble(Recommendation.SurfacePoint::decayPerSecond).toArray();
            series.add(new Charts.Series("M = " + w.workers() + ", predicted", x, y, Charts.Style.LINE));
            double[] late = pts.stream().mapToDouble(Recommendation.SurfacePoint::lateDecayPerSecond).toArray();
            series.add(new Charts.Series("M = " + w.workers() + ", late phase -ln rho_ms x updates/s", x, late,
                    Charts.Style.DASHED));
            markers.add(new Charts.Marker("M = " + w.workers() + ": predicted edge", w.edge()));
        }
        double f0 = result.probe().smallEta().initialLoss();
        double ft = result.settings().target().accuracy() ? result.probe().smallEta().lossAtTarget()
                : result.settings().target().value();
        for (int m : result.grid().stream().mapToInt(TuneResult.GridCell::workers).distinct().toArray()) {
            List<TuneResult.GridCell> cells = result.grid().stream().filter(c -> c.workers() == m).toList();
            series.add(new Charts.Series("grid M = " + m + ", measured (median)",
                    cells.stream().mapToDouble(TuneResult.GridCell::eta).toArray(),
                    cells.stream().mapToDouble(c -> Math.log(f0 / ft) / c.medianSeconds()).toArray(),
                    Charts.Style.POINTS));
        }
        Charts.line(dir.resolve("tune-surface.png"), "asgd tune: predicted loss decay per second to the target",
                "eta", "decay of ln f per second", true, false, series, markers);
    }
}
