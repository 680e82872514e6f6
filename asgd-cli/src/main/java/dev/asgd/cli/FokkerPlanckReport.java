package dev.asgd.cli;

import dev.asgd.fokkerplanck.FokkerPlanckAnalysis;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.FokkerPlanckResult;
import dev.asgd.fokkerplanck.SpectralGap;
import dev.asgd.theory.DampingRegime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link FokkerPlanckResult} as JSON (a map tree), CSV (the series) or text. */
final class FokkerPlanckReport implements CommandOutput {
    /** What eps_0 means here, repeated in every output. */
    static final String EPSILON_CAVEAT = "epsilon = eps_0 C1 with eps_0 = max(sup|eps|, d sup|eps'|), the finite part of"
            + " Assumption 3.1: its ||eps . x||, ||eps . v|| over the phase space are infinite for any eps != 0";

    private final FokkerPlanckResult r;
    private final List<String> files;

    FokkerPlanckReport(FokkerPlanckResult result, List<String> files) {
        this.r = result;
        this.files = List.copyOf(files);
    }

    @Override
    public Map<String, Object> toJson() {
        return toJson(files);
    }

    @Override
    public String toText() {
        return toText(files);
    }

    Map<String, Object> toJson(List<String> files) {
        FokkerPlanckProblem p = r.problem();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("eta", p.eta());
        params.put("kappa", p.kappa());
        params.put("omega0", p.omega0());
        params.put("sigma", p.sigma());
        params.put("perturbation", p.perturbation().spec());
        params.put("degree", p.degree());
        params.put("initial", r.initial());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("params", params);
        j.put("dimension", p.dimension());
        j.put("unknowns", FokkerPlanckAnalysis.unknowns(p));
        j.put("deltaT", p.deltaT());
        j.put("gamma", p.gamma());
        double[] beta = new double[p.dimension()];
        for (int c = 0; c < beta.length; c++) {
            beta[c] = p.sme(c).beta();
        }
        j.put("beta", beta);
        j.put("regime", DampingRegime.of(p.gamma(), min(p.omega0())).label());
        j.put("spectralGap", r.spectrum().gap());
        j.put("gapEigenvalue", Map.of("re", r.spectrum().gapEigenvalue()[0], "im", r.spectrum().gapEigenvalue()[1]));
        j.put("gapDegree", r.spectrum().gapDegree());
        j.put("gapMethod", r.spectrum().method());
        j.put("degree2Rate", r.degree2Rate());
        j.put("muSharp", r.muSharp());
        j.put("muPaper", r.muPaper());
        j.put("printedOverSharp", r.muPaper() / r.muSharp());
        j.put("gapOverMuSharp", r.spectrum().gap() / r.muSharp());
        j.put("epsilon0", r.epsilon0());
        j.put("epsilon", r.epsilon());
        j.put("muSharpMinusEpsilon", r.muSharpMinusEpsilon());
        j.put("muPaperMinusEpsilon", r.muPaperMinusEpsilon());
        j.put("epsilonCaveat", EPSILON_CAVEAT);
        j.put("expectedRate", r.expectedRate());
        j.put("measuredRate", r.measuredRate());
        j.put("measuredRateH", r.measuredRateH());
        j.put("measuredOverMuSharp", r.measuredRate() / r.muSharp());
        j.put("measuredOverMuPaper", r.measuredRate() / r.muPaper());
        j.put("printedRateAttained", attained());
        j.put("window", r.window());
        j.put("timeStep", r.timeStep());
        j.put("integratorSteps", r.steps());
        j.put("steadyStateResidual", r.steadyResidual());
        List<Map<String, Object>> steady = new ArrayList<>();
        for (double[] m : r.steadyMoments()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("meanX", m[0]);
            s.put("meanV", m[1]);
            s.put("varX", m[2] - m[0] * m[0]);
            s.put("covXV", m[3] - m[0] * m[1]);
            s.put("varV", m[4] - m[1] * m[1]);
            steady.add(s);
        }
        j.put("steadyState", steady);
        j.put("maxMassDefect", r.maxMassDefect());
        j.put("initialTruncationError", r.initialTail());
        List<Map<String, Object>> study = new ArrayList<>();
        for (FokkerPlanckResult.StudyRow row : r.study()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("degree", row.degree());
            s.put("spectralGap", row.gap());
            s.put("measuredRate", row.measuredRate());
            study.add(s);
        }
        j.put("convergence", study);
        j.put("gapTruncationError", r.gapTruncationError());
        j.put("rateTruncationError", r.rateTruncationError());
        List<Map<String, Object>> modes = new ArrayList<>();
        for (SpectralGap.Mode m : r.spectrum().modes().subList(0, Math.min(10, r.spectrum().modes().size()))) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("re", m.re());
            s.put("im", m.im());
            s.put("degree", m.degree());
            s.put("parity", m.parity() == 0 ? "even" : "odd");
            modes.add(s);
        }
        j.put("slowModes", modes);
        List<Map<String, Object>> series = new ArrayList<>();
        for (FokkerPlanckResult.Point pt : r.series()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("time", pt.time());
            s.put("step", pt.step());
            s.put("hNormSq", pt.hNormSq());
            s.put("lyapunovH", pt.lyapunovH());
            series.add(s);
        }
        j.put("series", series);
        if (!files.isEmpty()) {
            j.put("plots", files);
        }
        return j;
    }

    /** Which of the two theoretical rates the measured one matches (to 1 %). */
    String attained() {
        double m = r.measuredRate();
        if (Math.abs(m - r.muPaper()) <= 0.01 * r.muPaper()) {
            return "printed mu (degree-2 modes: data whose mean is already at equilibrium)";
        }
        if (Math.abs(m - r.muSharp()) <= 0.01 * r.muSharp()) {
            return "muSharp (the gap: degree-1 modes, any data with the mean off)";
        }
        return "neither (eps shifts the rate, or the (1 + t) factor of critical damping biases the fit)";
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("time,step,hNormSq,lyapunovH\n");
        for (FokkerPlanckResult.Point pt : r.series()) {
            sb.append(RateReport.csv(pt.time())).append(',').append(RateReport.csv(pt.step())).append(',')
                    .append(RateReport.csv(pt.hNormSq())).append(',').append(RateReport.csv(pt.lyapunovH()))
                    .append('\n');
        }
        return sb.toString();
    }

    String toText(List<String> files) {
        FokkerPlanckProblem p = r.problem();
        StringBuilder t = new StringBuilder();
        line(t, "asgd fokker-planck: eta = %s, kappa = %s, omega0 = %s, perturbation %s, d = %d, degree %d (%d unknowns)",
                g(p.eta()), g(p.kappa()), list(p.omega0()), p.perturbation().spec(), p.dimension(), p.degree(),
                FokkerPlanckAnalysis.unknowns(p));
        line(t, "  gamma = %s, beta = %s, regime %s, initial data: %s", g(p.gamma()), g(p.sme(0).beta()),
                DampingRegime.of(p.gamma(), min(p.omega0())).label(), r.initial());
        line(t, "");
        line(t, "Rates (||h||_*^2 ~ exp(-2 mu t))");
        row(t, "spectral gap", r.spectrum().gap(), "smallest |Re| of the discrete spectrum (" + r.spectrum().method()
                + "), degree " + r.spectrum().gapDegree());
        row(t, "muSharp", r.muSharp(), "min Re eig(Q), (4.7)");
        row(t, "muPaper (printed)", r.muPaper(), "(3.6): printed / sharp = " + g(r.muPaper() / r.muSharp()));
        row(t, "slowest even mode", r.degree2Rate(), "degree 2 for eps = 0: the printed mu is this mode's rate");
        row(t, "measured", r.measuredRate(), "from ||h||_*^2 over t in [" + g(r.window()[0]) + ", " + g(r.window()[1])
                + "]; expected " + g(r.expectedRate()));
        row(t, "measured from H", r.measuredRateH(), "Lyapunov functional (3.8)");
        line(t, "  measured / muSharp = %s, measured / muPaper = %s: %s", g(r.measuredRate() / r.muSharp()),
                g(r.measuredRate() / r.muPaper()), attained());
        row(t, "epsilon", r.epsilon(), "eps_0 = " + g(r.epsilon0()) + " times C1");
        // The measured rate carries the integrator's relative error (about 1e-4 at the default step).
        row(t, "muSharp - epsilon", r.muSharpMinusEpsilon(),
                r.measuredRate() >= r.muSharpMinusEpsilon() - 1e-3 * Math.abs(r.muSharp())
                        ? "the corrected theorem's bound holds (measured >= it, to 1e-3 relative)"
                        : "VIOLATED by the measured rate");
        line(t, "  note: %s", EPSILON_CAVEAT);
        line(t, "");
        line(t, "Convergence in the Hermite degree");
        for (FokkerPlanckResult.StudyRow row : r.study()) {
            line(t, "  degree %3d: gap %s%s", row.degree(), g(row.gap()),
                    Double.isNaN(row.measuredRate()) ? "" : ", measured rate " + g(row.measuredRate()));
        }
        line(t, "  estimated truncation error: gap %s, measured rate %s; initial-data tail %s",
                g(r.gapTruncationError()), g(r.rateTruncationError()), g(r.initialTail()));
        line(t, "  steady-state residual %s, max mass defect %s, %d Crank-Nicolson steps of %s",
                g(r.steadyResidual()), g(r.maxMassDefect()), r.steps(), g(r.timeStep()));
        for (String f : files) {
            line(t, "  wrote %s", f);
        }
        return t.toString();
    }

    private static void row(StringBuilder t, String name, double value, String note) {
        line(t, "  %-20s %-14s %s", name, g(value), note);
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String g(double v) {
        return RateReport.g(v);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(g(v[i]));
        }
        return sb.toString();
    }
}
