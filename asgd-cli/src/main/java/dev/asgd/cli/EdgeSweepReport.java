package dev.asgd.cli;

import dev.asgd.cli.output.EdgeSweepJson;
import dev.asgd.core.compare.Agreement;
import dev.asgd.report.plot.Plots;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.ReplayEdge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a measured edge sweep and its predictions ({@code asgd train --sweep-eta}) as JSON, CSV, text and a plot. */
final class EdgeSweepReport implements CommandOutput {
    private final TrainingConfig config;
    private final EdgeStudy study;

    EdgeSweepReport(TrainingConfig config, EdgeStudy study) {
        this.config = config;
        this.study = study;
    }

    @Override
    public EdgeSweepJson toJson() {
        return EdgeSweepJson.of(config, study);
    }

    @Override
    public String toCsv() {
        StringBuilder b = new StringBuilder(
                "eta,measuredDecay,measuredLower,measuredUpper,stable,diverged,runs,geometricDecay,measuredLawDecay,"
                        + "measuredLawWindowDecay,agrees\n");
        for (EdgeStudy.Row r : study.rows()) {
            b.append(r.eta()).append(',').append(num(r.measured())).append(',').append(num(r.lower())).append(',')
                    .append(num(r.upper())).append(',').append(r.stable()).append(',').append(r.diverged()).append(',')
                    .append(r.runs()).append(',').append(num(r.geometricDecay())).append(',').append(num(r.lawDecay()))
                    .append(',').append(num(r.lawWindowDecay())).append(',').append(r.agrees()).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "edge sweep: %s on %s, %s, %d workers, delay %s, batch %d, %d updates,"
                + " %d seeds per eta%n", config.problem(), config.data(), config.mode(), config.workers(),
                config.delay().spec(), config.batchSize(), config.updates(),
                study.sweep().points().isEmpty() ? 0 : study.sweep().points().get(0).runs().size()));
        b.append(String.format(Locale.ROOT, "staleness: mean %.3f (pooled over every run), geometric fit kappa %.4g%n",
                study.law().mean(), study.kappa()));
        if (study.phase() != null) {
            b.append("predictions: ").append(study.phase()).append(System.lineSeparator());
        }
        if (study.sweep().lateLossCriterion() != null) {
            b.append("instability: the loss passes 100x its initial value, or ").append(study.sweep().lateLossCriterion())
                    .append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "%n%-10s %-34s %-7s %-11s %-22s%n", "eta", "measured decay [95 % interval]",
                "stable", "geometric", "measured law (window)"));
        for (EdgeStudy.Row r : study.rows()) {
            String m = Double.isNaN(r.measured()) ? (r.diverged() == r.runs() ? "all diverged" : "not measurable") : String.format(Locale.ROOT, "%.4g [%.4g, %.4g]",
                    r.measured(), r.lower(), r.upper());
            if (r.diverged() > 0 && !Double.isNaN(r.measured())) {
                m += " (" + r.diverged() + " diverged)";
            }
            String law = Double.isNaN(r.lawWindowDecay()) ? String.format(Locale.ROOT, "%.4g", r.lawDecay())
                    : String.format(Locale.ROOT, "%.4g (%.4g)", r.lawDecay(), r.lawWindowDecay());
            b.append(String.format(Locale.ROOT, "%-10.5g %-34s %-7s %-11.4g %-22s%s%n", r.eta(), m,
                    r.stable() ? "yes" : "no", r.geometricDecay(), law, r.agrees() ? " agrees" : ""));
        }
        b.append(String.format(Locale.ROOT, "%nstability edge (eta)%n"));
        double measured = study.sweep().edge();
        b.append(String.format(Locale.ROOT, "  %-44s %s%n", "measured (real runs)", Double.isNaN(measured)
                ? "not bracketed: widen --sweep-eta"
                : String.format(Locale.ROOT, "%.4g (stable at %.4g, unstable at %.4g)", measured,
                        study.sweep().stableBelow(), study.sweep().unstableAbove())));
        edge(b, "paper: geometric law, mean", study.geometricEdge(), measured);
        edge(b, "measured law, i.i.d., mean", study.lawMeanEdge(), measured);
        edge(b, "measured law, i.i.d., mean square", study.lawMeanSquareEdge(), measured);
        if (!Double.isNaN(study.lateLossEdge())) {
            edge(b, "measured law: stationary loss = initial loss", study.lateLossEdge(), measured);
        }
        if (!Double.isNaN(study.dynamicsEdge())) {
            edge(b, "exact loss, model's directions: late loss", study.dynamicsEdge(), measured);
        }
        edge(b, "each run's own law: median of " + study.runEdges().length + " runs", study.medianRunEdge(), measured);
        if (study.replayEdge() != null) {
            edge(b, "the runs' interleavings, replayed (median)", study.replayEdge().edge(), measured);
            edge(b, "the same staleness in random order (median)", study.shuffledEdge().edge(), measured);
            edge(b, "Markov chain on tau fitted to each (median)", study.markovEdge().edge(), measured);
        }
        return b.toString();
    }

    private static void edge(StringBuilder b, String name, double edge, double measured) {
        if (Double.isNaN(edge)) {
            b.append(String.format(Locale.ROOT, "  %-44s not bracketed%n", name));
            return;
        }
        String rel = Double.isNaN(measured) || Double.isNaN(edge) ? ""
                : String.format(Locale.ROOT, "  (%+.1f %% of the measured)", 100 * Agreement.relativeDifference(edge, measured));
        b.append(String.format(Locale.ROOT, "  %-44s %.4g%s%n", name, edge, rel));
    }

    void plot(Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = study.rows().size();
        double[] eta = new double[n];
        double[] measured = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] geo = new double[n];
        double[] law = new double[n];
        for (int i = 0; i < n; i++) {
            EdgeStudy.Row r = study.rows().get(i);
            eta[i] = r.eta();
            measured[i] = r.measured();
            lo[i] = r.lower();
            hi[i] = r.upper();
            geo[i] = r.geometricDecay();
            law[i] = r.lawDecay();
        }
        List<Plots.Curve> curves = new ArrayList<>();
        curves.add(Plots.Curve.of("measured (pooled seeds)", eta, measured));
        curves.add(new Plots.Curve("measured, 95 % lower", eta, lo, true));
        curves.add(new Plots.Curve("measured, 95 % upper", eta, hi, true));
        curves.add(Plots.Curve.of("measured law, i.i.d. (exact), -ln rho_ms", eta, law));
        curves.add(Plots.Curve.of("paper: geometric law", eta, geo));
        ReplayEdge re = study.replayEdge();
        Plots.line(dir.resolve("edge-sweep.png"), String.format(Locale.ROOT,
                "Decay per update against eta (measured edge %.3g, measured law %.3g%s)", study.sweep().edge(),
                study.lawMeanSquareEdge(), re == null ? "" : String.format(Locale.ROOT, ", replay %.3g", re.edge())),
                "eta", "decay of f - f* per update", false, curves);
    }
}
