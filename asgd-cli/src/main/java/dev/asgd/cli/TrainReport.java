package dev.asgd.cli;

import dev.asgd.cli.output.TrainJson;
import dev.asgd.report.plot.Plots;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.staleness.GeometricFit;
import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.engine.CounterfactualReplay;
import dev.asgd.training.predict.WhatIfOutcome;
import dev.asgd.training.predict.ReplayEdge;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.staleness.TheoryComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a training run as JSON, CSV (the metric series) or text, and its plots. */
final class TrainReport implements CommandOutput {
    private final RunResult r;
    private final RunTheory theory;
    private final TheoryComparison geometricOnly;
    private final String theoryNote;
    private final List<WhatIfOutcome> whatIf;
    private final boolean counterfactual;
    private final SessionData data;

    /**
     * @param result the run
     * @param theory its theory (least squares with few features), or null
     * @param geometricOnly the paper's model only (least squares with many features or a singular
     *     Hessian), or null
     * @param theoryNote why only the paper's model is shown, or null
     * @param whatIf replays of its interleaving at other learning rates, or null
     * @param lossStar f* of the training loss's rows (NaN: unknown)
     * @param counterfactual whether the run is a replay at another rate than recorded
     * @param data the data
     */
    TrainReport(RunResult result, RunTheory theory, TheoryComparison geometricOnly, String theoryNote,
            List<CounterfactualReplay.Outcome> whatIf, double lossStar, boolean counterfactual, SessionData data) {
        this.r = result;
        this.theory = theory;
        this.geometricOnly = geometricOnly;
        this.theoryNote = theoryNote;
        this.whatIf = whatIf == null ? null : WhatIfOutcome.of(whatIf, lossStar);
        this.counterfactual = counterfactual;
        this.data = data;
    }

    @Override
    public TrainJson toJson() {
        return TrainJson.of(r, data, theory, geometricOnly, theoryNote, counterfactual, whatIf);
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
        MetricPoint avg = r.averaged();
        if (avg != null) {
            b.append(String.format(Locale.ROOT, "averaged     the last %d iterates: train loss %.6g%s%s%n", r.averagedIterates(),
                    avg.trainLoss(), Double.isNaN(avg.testLoss()) ? "" : String.format(Locale.ROOT, ", test loss %.6g",
                            avg.testLoss()),
                    Double.isNaN(avg.testAccuracy()) ? "" : String.format(Locale.ROOT, ", test accuracy %.4f",
                            avg.testAccuracy())));
        }
        b.append(String.format(Locale.ROOT, "staleness    mean %.4g, geometric fit kappa %.4g, chi2 %.4g (dof %d), p %.3g%n",
                f.mean(), f.kappa(), f.chiSquare(), f.degreesOfFreedom(), f.pValue()));
        if (counterfactual) {
            b.append("replay       the recorded interleaving at another learning rate (a counterfactual, one thread)")
                    .append(System.lineSeparator());
        }
        if (theory != null) {
            appendTheory(b);
        } else if (geometricOnly != null) {
            String measured = Double.isNaN(geometricOnly.measuredDecayPerUpdate()) ? "not measurable"
                    : String.format(Locale.ROOT, "measured %.4g", geometricOnly.measuredDecayPerUpdate());
            b.append(String.format(Locale.ROOT,
                    "theory       paper's geometric model (kappa %.4g): predicted decay %.4g per update, %s (%s)%n",
                    geometricOnly.kappa(), geometricOnly.predictedDecayPerUpdate(), measured, theoryNote));
        } else if (theoryNote != null) {
            b.append("theory       ").append(theoryNote).append(System.lineSeparator());
        }
        if (whatIf != null) {
            b.append("what if       the same interleaving replayed at other learning rates:").append(System.lineSeparator());
            b.append(String.format(Locale.ROOT, "  %-10s %-14s %s%n", "eta", "final loss", "decay per update"));
            for (WhatIfOutcome w : whatIf) {
                CounterfactualReplay.Outcome o = w.outcome();
                DecayFit wf = w.decay();
                String end = o.series().isEmpty() ? "-"
                        : String.format(Locale.ROOT, "%.6g", o.series().get(o.series().size() - 1).trainLoss());
                String decay = o.diverged() ? "diverged at update " + o.divergedAt()
                        : wf == null || Double.isNaN(wf.rate()) ? "n/a" : String.format(Locale.ROOT, "%.4g [%.4g, %.4g]",
                                wf.rate(), wf.lower(), wf.upper());
                b.append(String.format(Locale.ROOT, "  %-10.5g %-14s %s%n", o.eta(), o.diverged() ? "-" : end, decay));
            }
        }
        return b.toString();
    }

    private void appendTheory(StringBuilder b) {
        RunTheory t = theory;
        boolean constant = r.config().policy() instanceof dev.asgd.training.engine.LearningRatePolicy.Constant;
        if (t.phase() != null) {
            b.append("theory       ").append(t.phase()).append(System.lineSeparator());
            if (t.subspace() != null) {
                var u = t.subspace();
                b.append(String.format(Locale.ROOT, "theory       %d of %d directions; gradient noise tr %.4g, outside them %.4g"
                        + " (stationary bulk loss eta/4 x that = %.4g); theta* to gradient norm %.3g; smallest Ritz value %.4g",
                        u.directions(), u.parameters(), u.noiseTrace(), u.bulkNoiseTrace(), u.bulkFloor(),
                        u.optimumGradientNorm(), u.smallestRitzValue())).append(System.lineSeparator());
            }
        }
        b.append(String.format(Locale.ROOT, "theory       Hessian eigenvalues [%.4g, %.4g], eta %.4g%s%n",
                t.minEigenvalue(), t.maxEigenvalue(), t.eta(), constant ? ""
                        : " (the policy's rate at the mean staleness; the edges below are in that rate)"));
        b.append(String.format(Locale.ROOT, "  %-46s %-16s %s%n", "model", "decay/update", "stability edge (eta)"));
        b.append(String.format(Locale.ROOT, "  %-46s %-16.4g %.4g (mean)%n",
                String.format(Locale.ROOT, "paper: geometric law, kappa %.4g", t.geometric().kappa()),
                t.geometric().decay(), t.geometric().meanEdge()));
        b.append(String.format(Locale.ROOT, "  %-46s %-16.4g %.4g (mean square), %.4g (mean)%n",
                "measured law, i.i.d., sampled minibatch noise", t.law().decay(), t.law().meanSquareEdge(),
                t.law().meanEdge()));
        if (!Double.isNaN(t.lawWindowDecay())) {
            b.append(String.format(Locale.ROOT, "  %-46s %.4g%n", "  the same, over the measured window",
                    t.lawWindowDecay()));
        }
        if (!Double.isNaN(t.dynamicsEdge())) {
            b.append(String.format(Locale.ROOT, "  %-46s %-16s %.4g (late loss = initial loss)%n",
                    "exact loss, model's directions (simulated)", "", t.dynamicsEdge()));
        }
        if (t.replayEdge() != null) {
            b.append(String.format(Locale.ROOT, "  %-46s %-16s %s%n", "this run's interleaving, replayed", "(the run)",
                    edgeText(t.replayEdge())));
            b.append(String.format(Locale.ROOT, "  %-46s %-16s %s%n", "the same staleness in random order", "",
                    edgeText(t.shuffledEdge())));
            b.append(String.format(Locale.ROOT, "  %-46s %-16s %s%n", "a Markov chain on tau fitted to the run", "",
                    edgeText(t.markovEdge())));
        }
        DecayFit m = t.measured();
        String measured = Double.isNaN(m.rate()) ? "not measurable (" + m.note() + ")"
                : String.format(Locale.ROOT, "%.4g [%.4g, %.4g] over updates %d-%d%s", m.rate(), m.lower(), m.upper(),
                        m.from(), m.to(), m.floorReached() ? String.format(Locale.ROOT, ", floor %.3g", m.floor()) : "");
        b.append(String.format(Locale.ROOT, "  %-46s %s%n", "measured (95 % interval)", measured));
        b.append("  ").append(t.verdict()).append(System.lineSeparator());
    }

    private static String edgeText(ReplayEdge e) {
        if (e == null || Double.isNaN(e.edge())) {
            return "not bracketed";
        }
        return String.format(Locale.ROOT, "%.4g (stable at %.4g, unstable at %.4g)", e.edge(), e.stableBelow(),
                e.unstableAbove());
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
        if (theory != null) {
            double[] expected = theory.predictedLoss();
            double[] ex = new double[expected.length];
            for (int i = 0; i < expected.length; i++) {
                ex[i] = theory.curveSteps()[i];
            }
            curves.add(Plots.Curve.of(theory.phase() == null ? "expected train loss, measured-law theory"
                    : "expected train loss, local quadratic model at theta*", ex, expected));
        }
        Plots.line(dir.resolve("train-loss.png"), "Loss, " + r.config().mode() + ", " + r.config().workers() + " workers",
                "update", "loss", true, curves);
        if (Double.isFinite(r.last().testAccuracy())) {
            Plots.line(dir.resolve("train-accuracy.png"), "Test accuracy", "update", "accuracy", false,
                    List.of(Plots.Curve.of("test accuracy", x, acc)));
        }
        if (whatIf != null) {
            List<Plots.Curve> w = new ArrayList<>();
            for (WhatIfOutcome wo : whatIf) {
                CounterfactualReplay.Outcome o = wo.outcome();
                double[] wx = o.series().stream().mapToDouble(MetricPoint::update).toArray();
                double[] wy = o.series().stream().mapToDouble(MetricPoint::trainLoss).toArray();
                w.add(Plots.Curve.of(String.format(Locale.ROOT, "eta %.4g%s", o.eta(), o.diverged() ? " (diverged)" : ""),
                        wx, wy));
            }
            Plots.line(dir.resolve("what-if.png"), "The run's interleaving replayed at other learning rates", "update",
                    "train loss", true, w);
        }
        long[] h = r.total();
        int bins = Math.min(h.length, 60);
        List<String> cats = new ArrayList<>();
        double[][] v = new double[2][bins];
        double kappa = r.fit().kappa();
        for (int l = 0; l < bins; l++) {
            cats.add(Integer.toString(l));
            v[0][l] = h[l];
            v[1][l] = r.fit().expectedCount(l);
        }
        if (bins > 0) {
            Plots.bars(dir.resolve("staleness.png"), "Staleness histogram and geometric fit", "staleness tau", "updates",
                    cats, List.of("measured", String.format(Locale.ROOT, "geometric, kappa %.3f", kappa)), v);
        }
    }
}
