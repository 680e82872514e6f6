package dev.asgd.cli;

import dev.asgd.report.plot.Plots;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.EdgeSweep;
import dev.asgd.training.predict.ReplayEdge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a measured edge sweep and its predictions ({@code asgd train --sweep-eta}) as JSON, CSV, text and a plot. */
final class EdgeSweepReport implements CommandOutput {
    private final TrainingConfig config;
    private final EdgeStudy study;

    EdgeSweepReport(TrainingConfig config, EdgeStudy study) {
        this.config = config;
        this.study = study;
    }

    @Override
    public Object toJson() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("data", config.data());
        params.put("problem", config.problem());
        params.put("mode", config.mode().toString());
        params.put("workers", config.workers());
        params.put("lrPolicy", config.policy().spec());
        params.put("batch", config.batchSize());
        params.put("updates", config.updates());
        params.put("seed", config.seed());
        params.put("workerDelay", config.delay().spec());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("params", params);
        Map<String, Object> edges = new LinkedHashMap<>();
        edges.put("measured", study.sweep().edge());
        edges.put("measuredStableBelow", study.sweep().stableBelow());
        edges.put("measuredUnstableAbove", study.sweep().unstableAbove());
        edges.put("geometricMean", study.geometricEdge());
        edges.put("measuredLawMean", study.lawMeanEdge());
        edges.put("measuredLawMeanSquare", study.lawMeanSquareEdge());
        edges.put("measuredLawPerRunMedian", study.medianRunEdge());
        edges.put("measuredLawPerRun", study.runEdges());
        edges.put("replay", TrainReport.edgeJson(study.replayEdge()));
        edges.put("shuffledReplay", TrainReport.edgeJson(study.shuffledEdge()));
        edges.put("markovReplay", TrainReport.edgeJson(study.markovEdge()));
        j.put("edges", edges);
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("histogram", study.sweep().histogram());
        st.put("geometricKappa", study.kappa());
        st.put("lawMean", study.law().mean());
        j.put("staleness", st);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < study.rows().size(); i++) {
            EdgeStudy.Row r = study.rows().get(i);
            Map<String, Object> m = rowJson(r);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (EdgeSweep.Run run : study.sweep().points().get(i).runs()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("seed", run.seed());
                x.put("stable", run.stable());
                x.put("divergedAt", run.divergedAt() >= 0 ? run.divergedAt() : null);
                x.put("decay", TrainReport.fitJson(run.fit()));
                x.put("meanStaleness", run.meanStaleness());
                x.put("histogram", run.histogram());
                x.put("updatesPerSecond", run.updatesPerSecond());
                runs.add(x);
            }
            m.put("runs", runs);
            rows.add(m);
        }
        j.put("points", rows);
        return j;
    }

    private static Map<String, Object> rowJson(EdgeStudy.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eta", r.eta());
        m.put("measuredDecay", r.measured());
        m.put("measuredLower", r.lower());
        m.put("measuredUpper", r.upper());
        m.put("stable", r.stable());
        m.put("diverged", r.diverged());
        m.put("runs", r.runs());
        m.put("geometricDecay", r.geometricDecay());
        m.put("measuredLawDecay", r.lawDecay());
        m.put("measuredLawWindowDecay", r.lawWindowDecay());
        m.put("agrees", r.agrees());
        return m;
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
        b.append(String.format(Locale.ROOT, "%n%-10s %-34s %-7s %-11s %-22s%n", "eta", "measured decay [95 % interval]",
                "stable", "geometric", "measured law (window)"));
        for (EdgeStudy.Row r : study.rows()) {
            String m = Double.isNaN(r.measured()) ? "all diverged" : String.format(Locale.ROOT, "%.4g [%.4g, %.4g]",
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
                : String.format(Locale.ROOT, "  (%+.1f %% of the measured)", 100 * (edge / measured - 1));
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
