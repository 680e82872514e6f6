package dev.asgd.cli;

import dev.asgd.cli.output.FokkerPlanckJson;
import dev.asgd.fokkerplanck.FokkerPlanckAnalysis;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.FokkerPlanckResult;
import java.util.List;
import java.util.Locale;

/** Renders a {@link FokkerPlanckResult} as JSON ({@link FokkerPlanckJson}), CSV (the series) or text. */
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
    public FokkerPlanckJson toJson() {
        return toJson(files);
    }

    @Override
    public String toText() {
        return toText(files);
    }

    FokkerPlanckJson toJson(List<String> files) {
        return FokkerPlanckJson.of(r, EPSILON_CAVEAT, files);
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
        line(t, "  gamma = %s, beta = %s, regime %s, initial data: %s", g(p.gamma()), g(r.beta()[0]),
                r.regime().label(), r.initial());
        line(t, "");
        line(t, "Rates (||h||_*^2 ~ exp(-2 mu t))");
        row(t, "spectral gap", r.spectrum().gap(), "smallest |Re| of the discrete spectrum (" + r.spectrum().method()
                + "), degree " + r.spectrum().gapDegree());
        row(t, "muSharp", r.muSharp(), "min Re eig(Q), (4.7)");
        row(t, "muPaper (printed)", r.muPaper(), "(3.6): printed / sharp = " + g(r.printedOverSharp()));
        row(t, "slowest even mode", r.degree2Rate(), "degree 2 for eps = 0: the printed mu is this mode's rate");
        row(t, "measured", r.measuredRate(), "from ||h||_*^2 over t in [" + g(r.window()[0]) + ", " + g(r.window()[1])
                + "]; expected " + g(r.expectedRate()));
        row(t, "measured from H", r.measuredRateH(), "Lyapunov functional (3.8)");
        line(t, "  measured / muSharp = %s, measured / muPaper = %s: %s", g(r.measuredOverMuSharp()),
                g(r.measuredOverMuPaper()), r.attained().description());
        row(t, "epsilon", r.epsilon(), "eps_0 = " + g(r.epsilon0()) + " times C1");
        row(t, "muSharp - epsilon", r.muSharpMinusEpsilon(),
                r.correctedBoundHolds()
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

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(g(v[i]));
        }
        return sb.toString();
    }
}
