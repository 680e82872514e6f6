package dev.asgd.cli;

import dev.asgd.cli.output.RateJson;
import dev.asgd.core.ModelParameters;
import dev.asgd.theory.DampingRegime;
import dev.asgd.theory.LyapunovCertificate;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.RateAnalysis;
import dev.asgd.theory.TheoremConstants;
import dev.asgd.theory.WorkerEfficiency;
import java.util.Locale;

/** Renders a {@link RateAnalysis} as JSON ({@link RateJson}), CSV (one row per mode) or text. */
final class RateReport implements CommandOutput {
    private final RateAnalysis a;

    RateReport(RateAnalysis analysis) {
        this.a = analysis;
    }

    @Override
    public RateJson toJson() {
        return RateJson.of(a);
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("mode,omega0,eta,kappa,sigma,deltaT,gamma,tau,beta,regime,muPaper,muSharp,decayPerStepPaper,"
                + "decayPerStepSharp,meanContractionPerStep,exactDecayPerStep,C,Chat,C1,C2,largestC\n");
        ModelParameters p = a.params();
        for (int i = 0; i < a.modes().size(); i++) {
            ModeRate m = a.modes().get(i);
            TheoremConstants c = m.constants();
            sb.append(i);
            for (double v : new double[] {m.omega0(), p.eta(), p.kappa(), p.sigma(), m.sme().deltaT(),
                m.sme().gamma(), m.sme().tau(), m.sme().beta()}) {
                sb.append(',').append(csv(v));
            }
            sb.append(',').append(m.regime().label());
            for (double v : new double[] {m.muPaper(), m.muSharp(), m.decayPerStepPaper(), m.decayPerStepSharp(),
                m.meanContractionPerStep(), m.exactDecayPerStep(), c.c(), c.cHat(), c.c1(), c.c2(),
                m.lyapunov().largestC()}) {
                sb.append(',').append(csv(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** CSV number: empty for non-finite values (pandas reads it as NaN). */
    static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    @Override
    public String toText() {
        ModelParameters p = a.params();
        ModeRate s = a.slowestSme();
        ModeRate d = a.slowestDiscrete();
        StringBuilder t = new StringBuilder();
        line(t, "asgd rate: eta = %s, kappa = %s, omega0 = %s, sigma = %s (d = %d)", g(p.eta()), g(p.kappa()),
                list(p.omega0()), g(p.sigma()), p.dimension());
        if (p.dimension() > 1) {
            line(t, "  SME quantities below are for the slowest mode omega0 = %s; the exact discrete rate for"
                    + " omega0 = %s", g(s.omega0()), g(d.omega0()));
        }
        line(t, "");
        line(t, "SME map (section 2)");
        row(t, "deltaT", s.sme().deltaT(), "SME time per ASGD step, sqrt(eta (1 - kappa))");
        row(t, "gamma", s.sme().gamma(), "friction per unit SME time, sqrt((1 - kappa) / eta)");
        row(t, "tau", s.sme().tau(), "noise amplitude, eta^3/4 (1 - kappa)^-1/4 sigma");
        row(t, "beta", s.sme().beta(), "inverse temperature of (2.4), 2 gamma / (tau^2 omega0^4)");
        line(t, "  %-26s %-14s gamma vs 2 omega0 = %s (critical within relative %s)", "regime", s.regime().label(),
                g(DampingRegime.criticalFriction(s.omega0())), g(DampingRegime.RELATIVE_TOLERANCE));
        line(t, "");
        line(t, "Decay of ||h||_*^2 (Theorem 3.2)          mu [1/time]   exponent per ASGD step");
        line(t, "  %-38s %-13s %s", "as printed (3.6)", g(s.muPaper()), g(s.decayPerStepPaper()));
        line(t, "  %-38s %-13s %s", "sharp: min Re eig(Q), proof's (4.7)", g(s.muSharp()), g(s.decayPerStepSharp()));
        line(t, "  %-38s %-13s %s", "exact discrete ASGD mean: -2 ln rho", "", g(d.exactDecayPerStep()));
        double ratio = s.printedOverSharp();
        if (Double.isFinite(ratio)) {
            line(t, "  printed / sharp = %s: the printed rate is twice the true decay exponent", g(ratio));
        } else {
            line(t, "  printed / sharp = n/a: the rates are %s and %s at this eta", g(s.muPaper()), g(s.muSharp()));
        }
        line(t, "  exact mean contraction per step rho = %s (sqrt(kappa) = %s)", g(d.meanContractionPerStep()),
                g(a.plateauContraction()));
        line(t, "");
        line(t, "Learning-rate thresholds (Remark 3.3)");
        row(t, "etaThreshold (paper)", a.etaThreshold(), "(1 - kappa) / (4 omega0^2), where gamma = 2 omega0");
        row(t, "etaThresholdExact", a.etaThresholdExact(), "(1 - sqrt kappa) / ((1 + sqrt kappa) omega0^2)");
        row(t, "etaWindowUpper", a.etaWindowUpper(), "end of the sqrt(kappa) plateau");
        row(t, "etaMax", a.etaMax(), "stability limit of the mean, 2 (1 + kappa) / ((1 - kappa) omega0^2)");
        row(t, "expected staleness", a.expectedStaleness(), "E[tau] = kappa / (1 - kappa)");
        row(t, "  paper's 1/(1 - kappa)", a.expectedStalenessPaper(), "as printed: this is E[tau] + 1");
        line(t, "");
        TheoremConstants c = s.constants();
        line(t, "Theorem constants and certificate (4.5)-(4.8)");
        line(t, "  C = %s, Chat = %s, C1 = %s, C2 = %s%s", g(c.c()), g(c.cHat()), g(c.c1()), g(c.c2()),
                Double.isNaN(c.criticalDelta()) ? "" : " (critical: delta = " + g(c.criticalDelta()) + ")");
        LyapunovCertificate l = s.lyapunov();
        line(t, "  largest c with K >= c P: %s, so K >= 2 mu P certifies mu = %s (printed mu = %s)",
                g(l.largestC()), g(l.certifiedMu()), g(s.muPaper()));
        if (!Double.isNaN(a.epsilon0())) {
            double rate = a.muSharpMinusEpsilon();
            line(t, "  epsilon = eps_0 C1 = %s; corrected theorem: ||h||^2 <~ exp(-2 (muSharp - epsilon) t)%s",
                    g(a.epsilon()), rate > 0 ? " with muSharp - epsilon = " + g(rate)
                            : ", but epsilon >= muSharp here: the theorem guarantees no decay (eps_0 too large)");
        }
        WorkerEfficiency e = a.efficiency();
        if (e != null) {
            line(t, "");
            line(t, "ASGD vs SGD with m = %d workers (Remark 3.4)", e.workers());
            line(t, "  paper: m (1 - kappa) = %s -> ASGD %s", g(e.efficiencyPaper()),
                    e.asgdWinsPaper() ? "wins" : "does not win");
            line(t, "  exact, same eta: contraction per gradient ASGD %s, SGD %s", g(e.asgdContractionPerGradient()),
                    g(e.sgdContractionPerGradient()));
            line(t, "  decay per unit time ASGD %s, SGD %s: ratio %s -> ASGD %s", g(e.asgdDecayPerUnitTime()),
                    g(e.sgdDecayPerUnitTime()), g(e.speedupPerUnitTime()),
                    e.asgdWinsExact() ? "wins" : "does not win");
            line(t, "  queue model of m workers: kappa = (m - 1)/m = %s, so m (1 - kappa) = 1 exactly",
                    g(e.queueModelKappa()));
        }
        line(t, "");
        line(t, "Verdict: %s", a.verdict());
        return t.toString();
    }

    private static void row(StringBuilder t, String name, double value, String note) {
        line(t, "  %-26s %-14s %s", name, g(value), note);
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static String g(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceFirst("\\.$", "");
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(g(v[i]));
        }
        return sb.toString();
    }
}
