package dev.asgd.cli;

import dev.asgd.report.plot.Plots;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.staleness.GeometricFit;
import dev.asgd.training.staleness.TheoryComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a training run as JSON, CSV (the metric series) or text, and its plots. */
final class TrainReport implements CommandOutput {
    private final RunResult r;
    private final TheoryComparison theory;
    private final TrainTest data;

    TrainReport(RunResult result, TheoryComparison theory, TrainTest data) {
        this.r = result;
        this.theory = theory;
        this.data = data;
    }

    @Override
    public Map<String, Object> toJson() {
        TrainingConfig c = r.config();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("data", c.data());
        params.put("problem", c.problem());
        params.put("l2", c.l2());
        params.put("mode", c.mode().toString());
        params.put("workers", c.workers());
        params.put("lrPolicy", c.policy().spec());
        params.put("eta", c.eta());
        params.put("batch", c.batchSize());
        params.put("updates", c.updates());
        params.put("seed", c.seed());
        params.put("workerDelay", c.delay().spec());
        params.put("trainRows", data.train().size());
        params.put("testRows", data.test() == null ? 0 : data.test().size());
        params.put("features", data.train().features());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("params", params);
        j.put("engine", r.engine());
        j.put("updates", r.updates());
        j.put("resumedFrom", r.resumedFrom());
        j.put("seconds", r.seconds());
        j.put("updatesPerSecond", r.updatesPerSecond());
        MetricPoint last = r.last();
        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("trainLoss", last.trainLoss());
        fin.put("testLoss", last.testLoss());
        fin.put("testAccuracy", last.testAccuracy());
        j.put("final", fin);
        List<Map<String, Object>> series = new ArrayList<>();
        for (MetricPoint p : r.series()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", p.update());
            s.put("seconds", p.seconds());
            s.put("trainLoss", p.trainLoss());
            s.put("testLoss", p.testLoss());
            s.put("testAccuracy", p.testAccuracy());
            s.put("meanStaleness", p.meanStaleness());
            series.add(s);
        }
        j.put("series", series);
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("histogram", r.total());
        st.put("perWorker", r.histograms());
        GeometricFit f = r.fit();
        st.put("mean", f.mean());
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("kappa", f.kappa());
        fit.put("chiSquare", f.chiSquare());
        fit.put("degreesOfFreedom", f.degreesOfFreedom());
        fit.put("pValue", f.pValue());
        fit.put("bins", f.bins());
        st.put("geometricFit", fit);
        j.put("staleness", st);
        j.put("workerSteps", r.workerSteps());
        j.put("discarded", r.discarded());
        if (theory != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("lossStar", theory.lossStar());
            double[] ev = theory.eigenvalues();
            t.put("hessianEigenvalueMin", ev[0]);
            t.put("hessianEigenvalueMax", ev[ev.length - 1]);
            t.put("exactSpectrum", theory.exactSpectrum());
            t.put("kappa", theory.kappa());
            t.put("eta", theory.eta());
            t.put("predictedContractionPerUpdate", theory.predictedContraction());
            t.put("predictedDecayPerUpdate", theory.predictedDecayPerUpdate());
            t.put("measuredDecayPerUpdate", theory.measuredDecayPerUpdate());
            t.put("windowFrom", theory.windowFrom());
            t.put("windowTo", theory.windowTo());
            t.put("windowPoints", theory.windowPoints());
            t.put("verdict", theory.verdict());
            j.put("theory", t);
        }
        return j;
    }

    @Override
    public String toCsv() {
        StringBuilder b = new StringBuilder("step,seconds,trainLoss,testLoss,testAccuracy,meanStaleness\n");
        for (MetricPoint p : r.series()) {
            b.append(p.update()).append(',').append(num(p.seconds())).append(',').append(num(p.trainLoss())).append(',')
                    .append(num(p.testLoss())).append(',').append(num(p.testAccuracy())).append(',')
                    .append(num(p.meanStaleness())).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    @Override
    public String toText() {
        TrainingConfig c = r.config();
        MetricPoint last = r.last();
        GeometricFit f = r.fit();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s on %s: %s, %d workers, %s, eta %s, batch %d%n", c.problem(), c.data(),
                c.mode(), c.workers(), c.policy().spec(), c.eta(), c.batchSize()));
        b.append(String.format(Locale.ROOT, "updates      %d%s in %.2f s (%.0f updates/s)%n", r.updates(),
                r.resumedFrom() > 0 ? " (resumed from " + r.resumedFrom() + ")" : "", r.seconds(), r.updatesPerSecond()));
        b.append(String.format(Locale.ROOT, "train loss   %.6g%n", last.trainLoss()));
        if (!Double.isNaN(last.testLoss())) {
            b.append(String.format(Locale.ROOT, "test loss    %.6g%n", last.testLoss()));
        }
        if (!Double.isNaN(last.testAccuracy())) {
            b.append(String.format(Locale.ROOT, "test accuracy %.4f%n", last.testAccuracy()));
        }
        b.append(String.format(Locale.ROOT, "staleness    mean %.4g, geometric fit kappa %.4g, chi2 %.4g (dof %d), p %.3g%n",
                f.mean(), f.kappa(), f.chiSquare(), f.degreesOfFreedom(), f.pValue()));
        if (theory != null) {
            String measured = Double.isNaN(theory.measuredDecayPerUpdate())
                    ? "not measurable: fewer than 3 metric points above the noise floor (lower --eval-every"
                            + " or --eta)"
                    : String.format(Locale.ROOT, "measured %.4g over updates %d-%d", theory.measuredDecayPerUpdate(),
                            theory.windowFrom(), theory.windowTo());
            b.append(String.format(Locale.ROOT,
                    "theory       Hessian eigenvalues [%.4g, %.4g]%s; predicted decay %.4g per update (rho %.6g),"
                            + " %s%n",
                    theory.eigenvalues()[0], theory.eigenvalues()[theory.eigenvalues().length - 1],
                    theory.exactSpectrum() ? "" : " (Lanczos)", theory.predictedDecayPerUpdate(),
                    theory.predictedContraction(), measured));
            b.append("             ").append(theory.verdict()).append(System.lineSeparator());
        }
        return b.toString();
    }

    void plot(Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = r.series().size();
        double[] x = new double[n];
        double[] train = new double[n];
        double[] test = new double[n];
        double[] acc = new double[n];
        for (int i = 0; i < n; i++) {
            MetricPoint p = r.series().get(i);
            x[i] = p.update();
            train[i] = p.trainLoss();
            test[i] = p.testLoss();
            acc[i] = p.testAccuracy();
        }
        List<Plots.Curve> curves = new ArrayList<>();
        curves.add(Plots.Curve.of("train loss", x, train));
        curves.add(Plots.Curve.of("test loss", x, test));
        Plots.line(dir.resolve("train-loss.png"), "Loss, " + r.config().mode() + ", " + r.config().workers() + " workers",
                "update", "loss", true, curves);
        if (Double.isFinite(r.last().testAccuracy())) {
            Plots.line(dir.resolve("train-accuracy.png"), "Test accuracy", "update", "accuracy", false,
                    List.of(Plots.Curve.of("test accuracy", x, acc)));
        }
        long[] h = r.total();
        int bins = Math.min(h.length, 60);
        List<String> cats = new ArrayList<>();
        double[][] v = new double[2][bins];
        double kappa = r.fit().kappa();
        long count = r.fit().count();
        for (int l = 0; l < bins; l++) {
            cats.add(Integer.toString(l));
            v[0][l] = h[l];
            v[1][l] = Double.isNaN(kappa) ? 0 : count * (1 - kappa) * Math.pow(kappa, l);
        }
        if (bins > 0) {
            Plots.bars(dir.resolve("staleness.png"), "Staleness histogram and geometric fit", "staleness tau", "updates",
                    cats, List.of("measured", String.format(Locale.ROOT, "geometric, kappa %.3f", kappa)), v);
        }
    }
}
