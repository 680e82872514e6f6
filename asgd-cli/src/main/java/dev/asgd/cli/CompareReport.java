package dev.asgd.cli;

import dev.asgd.cli.output.CompareJson;
import dev.asgd.cli.output.SmeSection;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.compare.CompareConfig;
import dev.asgd.simulation.compare.Comparison;
import dev.asgd.simulation.compare.EtaSweep;
import dev.asgd.simulation.compare.OrderFit;
import dev.asgd.simulation.compare.Stationary;
import dev.asgd.simulation.compare.Verdict;
import dev.asgd.simulation.compare.WeakError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders a comparison (and an eta sweep) as JSON, CSV (the three series in long form with a
 * {@code source} column; with a sweep, the sweep's table) or text.
 */
final class CompareReport implements CommandOutput {
    private final SmeModel model;
    private final Comparison c;
    private final EtaSweep sweep;

    CompareReport(SmeModel model, Comparison comparison, EtaSweep sweep) {
        this.model = model;
        this.c = comparison;
        this.sweep = sweep;
    }

    @Override
    public CompareJson toJson() {
        return CompareJson.of(model.builder.params(), SmeSection.ofSource(model.kappa, model.problem,
                c.smeSource()), c, sweep, CompareConfig.HORIZON_RULE);
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        if (sweep != null) {
            sb.append("eta,steps,etaOmega2,meanError,meanRelative,secondMomentError,secondMomentRelative,"
                    + "stationaryAsgd,stationarySme,stationaryRelativeError,tracks\n");
            for (Comparison r : sweep.rows()) {
                WeakError w = r.weakError();
                Stationary s = r.stationary();
                sb.append(r.config().eta()).append(',').append(r.config().steps());
                cell(sb, r.config().etaOmega2());
                cell(sb, w == null ? Double.NaN : w.meanMax());
                cell(sb, w == null ? Double.NaN : w.meanRelative());
                cell(sb, w == null ? Double.NaN : w.secondMomentMax());
                cell(sb, w == null ? Double.NaN : w.secondMomentRelative());
                cell(sb, s == null ? Double.NaN : s.asgd());
                cell(sb, s == null ? Double.NaN : s.sme());
                cell(sb, s == null ? Double.NaN : s.relativeError());
                sb.append(',').append(r.verdict().tracks()).append('\n');
            }
            return sb.toString();
        }
        int d = model.problem.dimension();
        sb.append("source,step,time");
        for (int i = 0; i < d; i++) {
            sb.append(",mean_").append(i);
        }
        for (int i = 0; i < d; i++) {
            sb.append(",meanStdErr_").append(i);
        }
        sb.append(",secondMoment,secondMomentStdErr\n");
        rows(sb, "exactAsgd", c.exactAsgd());
        rows(sb, "monteCarloAsgd", c.monteCarloAsgd());
        rows(sb, "sme", c.sme());
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String source, List<SeriesPoint> series) {
        if (series == null) {
            return;
        }
        for (SeriesPoint p : series) {
            sb.append(source).append(',').append(p.step());
            cell(sb, p.time());
            for (double v : p.mean()) {
                cell(sb, v);
            }
            for (double v : p.meanStdErr()) {
                cell(sb, v);
            }
            cell(sb, p.secondMoment());
            cell(sb, p.secondMomentStdErr());
            sb.append('\n');
        }
    }

    private static void cell(StringBuilder sb, double v) {
        sb.append(',');
        if (Double.isFinite(v)) {
            sb.append(v);
        }
    }

    @Override
    public String toText() {
        CompareConfig k = c.config();
        var p = model.problem;
        StringBuilder sb = new StringBuilder();
        sb.append(f("asgd compare: eta %s, kappa %s, omega0 %s, sigma %s, %s, perturbation %s, K = %d steps%n",
                p.eta(), model.kappa, Arrays.toString(p.omega0()), Arrays.toString(p.sigma()),
                model.builder.staleness.spec(), p.loss().perturbation().spec(), k.steps()));
        sb.append(f("  SME: deltaT %.6g, gamma %.6g, tau %s; %s%n", p.deltaT(), p.gamma(), Arrays.toString(p.tau()),
                c.smeSource()));
        sb.append(f("  ASGD reference: %s", c.reference()));
        if (c.monteCarloAsgd() != null) {
            sb.append(f("; Monte Carlo ASGD with %d chains", k.runs()));
            if (Double.isFinite(c.monteCarloMaxZ()) && c.secondMomentFactorPerStep() < 1) {
                sb.append(f(" (max |z| against the exact moments %.3g)", c.monteCarloMaxZ()));
            }
        }
        sb.append(System.lineSeparator());
        if (c.monteCarloFailure() != null) {
            sb.append("  ").append(c.monteCarloFailure()).append(System.lineSeparator());
        }
        if (Double.isFinite(c.secondMomentFactorPerStep())) {
            sb.append(f("  ASGD's exact second moment: factor per step %.6g, stable for eta < %.6g%n",
                    c.secondMomentFactorPerStep(), c.secondMomentEtaMax()));
        }
        WeakError w = c.weakError();
        if (w != null) {
            sb.append(f("  weak error over steps 0..%d: mean %.3g (relative %.3g, step %d)%s, second moment %.3g"
                    + " (relative %.3g, step %d)%s%n", k.steps(), w.meanMax(), w.meanRelative(), w.meanMaxStep(),
                    se(w.meanStdErr()), w.secondMomentMax(), w.secondMomentRelative(), w.secondMomentMaxStep(),
                    se(w.secondMomentStdErr())));
        }
        Stationary s = c.stationary();
        if (s != null) {
            sb.append(f("  stationary E|theta - theta*|^2: SME %.6g vs ASGD %.6g, relative error %+.3g%s%n", s.sme(),
                    s.asgd(), s.relativeError(), se(s.stdErr())));
        }
        verdict(sb, c.verdict(), "  ");
        if (sweep != null) {
            sweepText(sb);
        }
        return sb.toString();
    }

    private void sweepText(StringBuilder sb) {
        sb.append(f("  eta sweep (%s):%n", CompareConfig.HORIZON_RULE));
        sb.append(f("    %-10s %-8s %-10s %-11s %-11s %-11s %-11s %s%n", "eta", "steps", "eta w^2", "mean err",
                "m2 err", "stat abs", "stat rel", "tracks"));
        for (Comparison r : sweep.rows()) {
            WeakError w = r.weakError();
            Stationary s = r.stationary();
            sb.append(f("    %-10.4g %-8d %-10.3g %-11.3e %-11.3e %-11.3e %-11.3e %s%n", r.config().eta(),
                    r.config().steps(), r.config().etaOmega2(), w == null ? Double.NaN : w.meanMax(),
                    w == null ? Double.NaN : w.secondMomentMax(), s == null ? Double.NaN : s.absoluteError(),
                    s == null ? Double.NaN : s.relativeError(), r.verdict().tracks() ? "yes" : "NO"));
        }
        for (Comparison r : sweep.rows()) {
            if (!r.verdict().tracks()) {
                sb.append(f("    eta %s: %s%n", r.config().eta(), r.verdict().summary()));
            }
        }
        order(sb, "mean error over the horizon", sweep.meanOrder());
        order(sb, "second-moment error over the horizon", sweep.secondMomentOrder());
        order(sb, "stationary second moment, absolute", sweep.stationaryOrder());
        order(sb, "stationary second moment, relative", sweep.stationaryRelativeOrder());
    }

    private static void order(StringBuilder sb, String what, OrderFit fit) {
        if (fit == null) {
            sb.append(f("    fitted order of the %s: not enough learning rates with a stable ASGD%n", what));
        } else if (Double.isNaN(fit.low())) {
            sb.append(f("    fitted order of the %s: %.3f (two points, no interval)%n", what, fit.order()));
        } else {
            sb.append(f("    fitted order of the %s: %.3f [%.3f, %.3f] (%.0f%%, %d learning rates)%n", what,
                    fit.order(), fit.low(), fit.high(), 100 * fit.confidence(), fit.points()));
        }
    }

    private static void verdict(StringBuilder sb, Verdict v, String indent) {
        sb.append(indent).append("verdict: ").append(v.summary()).append(System.lineSeparator());
        for (int i = 1; i < v.reasons().size(); i++) {
            sb.append(indent).append("  also: ").append(v.reasons().get(i)).append(System.lineSeparator());
        }
        for (String n : v.notes()) {
            sb.append(indent).append("  note: ").append(n).append(System.lineSeparator());
        }
    }

    private static String se(double se) {
        return Double.isFinite(se) ? f(" +- %.2g", se) : "";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
