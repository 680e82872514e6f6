package dev.asgd.cli;

import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.compare.CompareConfig;
import dev.asgd.simulation.compare.Comparison;
import dev.asgd.simulation.compare.EtaSweep;
import dev.asgd.simulation.compare.OrderFit;
import dev.asgd.simulation.compare.Stationary;
import dev.asgd.simulation.compare.Verdict;
import dev.asgd.simulation.compare.WeakError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a comparison (and an eta sweep) as JSON, CSV (the three series in long form with a
 * {@code source} column; with a sweep, the sweep's table) or text.
 */
final class CompareReport implements CommandOutput {
    static final String HORIZON_RULE = "each eta runs K_eta = round(K eta0 / eta) steps, recorded every"
            + " round(every eta0 / eta): the same gradient-flow time eta K as --eta and --steps";

    private final SmeModel model;
    private final Comparison c;
    private final EtaSweep sweep;

    CompareReport(SmeModel model, Comparison comparison, EtaSweep sweep) {
        this.model = model;
        this.c = comparison;
        this.sweep = sweep;
    }

    @Override
    public Map<String, Object> toJson() {
        CompareConfig k = c.config();
        Map<String, Object> params = model.builder.params();
        params.put("steps", k.steps());
        params.put("every", k.every());
        params.put("runs", k.runs());
        params.put("seed", k.seed());
        params.put("scheme", k.scheme().label());
        params.put("substeps", k.substeps());
        params.put("tolerance", k.tolerance());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("params", params);
        Map<String, Object> sme = model.smeJson();
        sme.put("source", c.smeSource());
        j.put("sme", sme);
        j.putAll(comparisonJson(c));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("exactAsgd", c.exactAsgd() == null ? null : SeriesOutput.json(c.exactAsgd(), new double[0]));
        series.put("monteCarloAsgd", c.monteCarloAsgd() == null ? null
                : SeriesOutput.json(c.monteCarloAsgd(), new double[0]));
        series.put("sme", SeriesOutput.json(c.sme(), new double[0]));
        j.put("series", series);
        j.put("sweep", sweep == null ? null : sweepJson());
        return j;
    }

    private static Map<String, Object> comparisonJson(Comparison c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("reference", c.reference());
        WeakError w = c.weakError();
        if (w != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mean", error(w.meanMax(), w.meanMaxStep(), w.meanStdErr(), w.meanScale(), w.meanRelative(),
                    w.meanResolved()));
            e.put("secondMoment", error(w.secondMomentMax(), w.secondMomentMaxStep(), w.secondMomentStdErr(),
                    w.secondMomentScale(), w.secondMomentRelative(), w.secondMomentResolved()));
            j.put("weakError", e);
        } else {
            j.put("weakError", null);
        }
        Stationary s = c.stationary();
        if (s != null) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("asgd", s.asgd());
            st.put("asgdStdErr", s.asgdStdErr());
            st.put("asgdSource", s.asgdSource());
            st.put("sme", s.sme());
            st.put("smeStdErr", s.smeStdErr());
            st.put("smeSource", s.smeSource());
            st.put("absoluteError", s.absoluteError());
            st.put("relativeError", s.relativeError());
            st.put("stdErr", s.stdErr());
            st.put("resolved", s.resolved());
            j.put("stationary", st);
        } else {
            j.put("stationary", null);
        }
        Map<String, Object> asgd = new LinkedHashMap<>();
        asgd.put("secondMomentFactorPerStep", c.secondMomentFactorPerStep());
        asgd.put("secondMomentEtaMax", c.secondMomentEtaMax());
        asgd.put("monteCarloFailure", c.monteCarloFailure());
        asgd.put("monteCarloVsExactMaxAbsZ", c.monteCarloMaxZ());
        j.put("asgd", asgd);
        Verdict v = c.verdict();
        Map<String, Object> vj = new LinkedHashMap<>();
        vj.put("tracks", v.tracks());
        vj.put("summary", v.summary());
        vj.put("reasons", v.reasons());
        vj.put("notes", v.notes());
        j.put("verdict", vj);
        return j;
    }

    private static Map<String, Object> error(double max, long step, double se, double scale, double rel,
            boolean resolved) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max", max);
        m.put("step", step);
        m.put("stdErr", se);
        m.put("scale", scale);
        m.put("relative", rel);
        m.put("resolved", resolved);
        return m;
    }

    private Map<String, Object> sweepJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("horizonRule", HORIZON_RULE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Comparison r : sweep.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eta", r.config().eta());
            m.put("steps", r.config().steps());
            m.put("every", r.config().every());
            m.put("etaOmega2", r.config().eta() * maxOmega2());
            m.putAll(comparisonJson(r));
            rows.add(m);
        }
        j.put("rows", rows);
        Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("meanError", fit(sweep.meanOrder()));
        orders.put("secondMomentError", fit(sweep.secondMomentOrder()));
        orders.put("stationaryAbsoluteError", fit(sweep.stationaryOrder()));
        orders.put("stationaryRelativeError", fit(sweep.stationaryRelativeOrder()));
        j.put("orders", orders);
        return j;
    }

    private double maxOmega2() {
        double w = 0;
        for (double x : model.problem.omega0()) {
            w = Math.max(w, x * x);
        }
        return w;
    }

    private static Map<String, Object> fit(OrderFit f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", f.order());
        m.put("stdErr", f.stdErr());
        m.put("confidence", f.confidence());
        m.put("low", f.low());
        m.put("high", f.high());
        m.put("points", f.points());
        return m;
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
                cell(sb, r.config().eta() * maxOmega2());
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
        sb.append(f("  eta sweep (%s):%n", HORIZON_RULE));
        sb.append(f("    %-10s %-8s %-10s %-11s %-11s %-11s %-11s %s%n", "eta", "steps", "eta w^2", "mean err",
                "m2 err", "stat abs", "stat rel", "tracks"));
        for (Comparison r : sweep.rows()) {
            WeakError w = r.weakError();
            Stationary s = r.stationary();
            sb.append(f("    %-10.4g %-8d %-10.3g %-11.3e %-11.3e %-11.3e %-11.3e %s%n", r.config().eta(),
                    r.config().steps(), r.config().eta() * maxOmega2(), w == null ? Double.NaN : w.meanMax(),
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
