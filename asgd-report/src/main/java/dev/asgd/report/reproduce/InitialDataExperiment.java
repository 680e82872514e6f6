package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.reproduce.level.DiscreteMoments;
import dev.asgd.report.reproduce.level.FokkerPlanckLevel;
import dev.asgd.report.reproduce.level.Level;
import dev.asgd.report.reproduce.level.SmeLevel;
import dev.asgd.theory.DampingRegime;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which initial data attain the printed mu. ||h||_*^2 of the SME's Gaussian density against the
 * stationary one (exact, {@link SmeLevel#chiSquare}) for an off-centre start (mean displaced,
 * stationary covariance: a degree-1 mode) and a centred start (mean at equilibrium, covariance
 * half the stationary one: degree-2 modes only); the same two starts in discrete ASGD through its
 * exact moments (||h||^2 ~ mean^2, resp. ~ (second moment deviation)^2); and the Fokker-Planck
 * solver where it exists.
 */
public final class InitialDataExperiment implements Experiment {
    private static final double[] GAMMAS = {1, 2, 4};
    private static final double KAPPA = 0.99;
    private static final double OMEGA = 1;
    private static final int POINTS = 3000;
    /** Relative tolerance of discrete ASGD against the SME's exponents at deltaT = 0.01/gamma. */
    static final double DISCRETE_TOLERANCE = 0.15;

    @Override
    public String id() {
        return "initial-data";
    }

    @Override
    public String title() {
        return "Which initial data attain the printed mu";
    }

    @Override
    public long work(ReproduceConfig config) {
        return GAMMAS.length;
    }

    /** The four measured exponents of ||h||_*^2 per unit SME time for one gamma. */
    record Exponents(double smeOffCentre, double smeCentred, double discreteOffCentre, double discreteCentred) {
    }

    static Exponents exponents(double gamma) {
        double eta = (1 - KAPPA) / (gamma * gamma);
        SmeParameters p = SmeParameters.of(eta, KAPPA, OMEGA, 1);
        double tEnd = 150 / DecayRates.muSharp(p.gamma(), OMEGA); // horizon only; the rate is measured
        double[][] sme = smeLogChiSquare(p, tEnd, POINTS);
        double spacing = tEnd / (POINTS - 1);
        int window = POINTS / 10;
        double smeOff = Decay.exponent(sme[0], spacing, window);
        double smeCen = Decay.exponent(sme[1], spacing, window);
        long steps = Math.round(tEnd / p.deltaT());
        long every = Math.max(1, steps / POINTS);
        int n = (int) (steps / every);
        double[] logMean2 = new double[n];
        double[] logDev2 = new double[n];
        DiscreteMoments off = DiscreteMoments.deterministic(eta, KAPPA, OMEGA, 0, 1);
        DiscreteMoments cen = DiscreteMoments.centred(eta, KAPPA, OMEGA, 0, 1);
        for (int j = 0; j < n; j++) {
            for (long k = 0; k < every; k++) {
                off.step();
                cen.step();
            }
            logMean2[j] = 2 * Math.log(Math.abs(off.mean()));
            logDev2[j] = 2 * Math.log(cen.secondMoment()); // sigma = 0: the deviation from equilibrium itself
        }
        double dSpacing = every * p.deltaT();
        return new Exponents(smeOff, smeCen, Decay.exponent(logMean2, dSpacing, n / 10),
                Decay.exponent(logDev2, dSpacing, n / 10));
    }

    /** @return ln ||h||_*^2 on an even time grid: [0] off-centre, [1] centred */
    static double[][] smeLogChiSquare(SmeParameters p, double tEnd, int points) {
        LinearSme sde = LinearSme.of(p, OMEGA);
        Matrix2 sigma = sde.stationaryCovariance();
        Matrix2 a = sde.drift();
        double scale = Math.sqrt(sigma.det() / sigma.d()); // m0 = (scale, 0): m0^T Sigma^-1 m0 = 1
        double[][] out = new double[2][points];
        Matrix2 zero = new Matrix2(0, 0, 0, 0);
        // exp(A t_j) by repeated multiplication with exp(A h): Matrix2.exp(t) overflows (cosh) for long times
        Matrix2 step = a.exp(tEnd / (points - 1));
        Matrix2 e = Matrix2.IDENTITY;
        for (int j = 0; j < points; j++) {
            if (j > 0) {
                e = e.times(step);
            }
            double[] m = e.apply(scale, 0);
            out[0][j] = Math.log(SmeLevel.chiSquare(m, zero, sigma));
            Matrix2 delta = e.times(sigma.times(-0.5)).times(e.transpose());
            out[1][j] = Math.log(SmeLevel.chiSquare(new double[] {0, 0}, delta, sigma));
        }
        return out;
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<Object> json = new ArrayList<>();
        double worstCentred = 0;
        double worstOff = 0;
        double worstDiscrete = 0;
        double worstFp = 0;
        int done = 0;
        for (double g : GAMMAS) {
            double eta = (1 - KAPPA) / (g * g);
            SmeParameters p = SmeParameters.of(eta, KAPPA, OMEGA, 1);
            double printed = 2 * DecayRates.muPaper(p.gamma(), OMEGA);
            Exponents x = exponents(g);
            double fpCen = FokkerPlanckLevel.measuredDecay(eta, KAPPA, OMEGA, 1, true);
            double fpOff = FokkerPlanckLevel.measuredDecay(eta, KAPPA, OMEGA, 1, false);
            worstCentred = Math.max(worstCentred, Math.abs(x.smeCentred() / printed - 1));
            worstOff = Math.max(worstOff, Math.abs(2 * x.smeOffCentre() / printed - 1));
            worstDiscrete = Math.max(worstDiscrete, Math.max(Math.abs(x.discreteCentred() / printed - 1),
                    Math.abs(2 * x.discreteOffCentre() / printed - 1)));
            if (Level.FOKKER_PLANCK.available()) {
                worstFp = Math.max(worstFp, Math.max(Math.abs(fpCen / printed - 1), Math.abs(2 * fpOff / printed - 1)));
            }
            rows.add(List.of(Fmt.num(p.gamma()), DampingRegime.of(p.gamma(), OMEGA).label(), Fmt.num(printed),
                    Fmt.num(x.smeCentred()), Fmt.num(x.discreteCentred()), Fmt.level(Level.FOKKER_PLANCK.available(), fpCen),
                    Fmt.num(x.smeOffCentre()), Fmt.num(x.discreteOffCentre()),
                    Fmt.level(Level.FOKKER_PLANCK.available(), fpOff)));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("gamma", p.gamma());
            o.put("printed2Mu", printed);
            o.put("smeCentred", x.smeCentred());
            o.put("discreteCentred", x.discreteCentred());
            o.put("fokkerPlanckCentred", fpCen);
            o.put("smeOffCentre", x.smeOffCentre());
            o.put("discreteOffCentre", x.discreteOffCentre());
            o.put("fokkerPlanckOffCentre", fpOff);
            json.add(o);
            ctx.progress().advance(++done);
        }
        SmeParameters p1 = SmeParameters.of(1 - KAPPA, KAPPA, OMEGA, 1); // gamma = 1
        double tPlot = 40;
        int pts = 800;
        double[][] chi = smeLogChiSquare(p1, tPlot, pts);
        double[] t = Fmt.linspace(0, tPlot, pts);
        double[] off = new double[pts];
        double[] cen = new double[pts];
        double[] printedRef = new double[pts];
        double[] sharpRef = new double[pts];
        double mu = DecayRates.muSharp(p1.gamma(), OMEGA);
        for (int j = 0; j < pts; j++) {
            off[j] = Math.exp(chi[0][j]);
            cen[j] = Math.exp(chi[1][j]);
            printedRef[j] = cen[0] * Math.exp(-2 * 2 * mu * t[j]);
            sharpRef[j] = off[0] * Math.exp(-2 * mu * t[j]);
        }
        Path fig = Charts.line(ctx.figure(id() + "-decay"), "||h||^2 of the SME density for two initial data (gamma = 1,"
                + " omega0 = 1)", "SME time t  [1]", "||h(t)||_*^2 = chi-square to equilibrium  [1]", false, true,
                List.of(new Charts.Series("off-centre start (mean displaced)", t, off, Charts.Style.LINE),
                        new Charts.Series("centred start (covariance displaced)", t, cen, Charts.Style.LINE),
                        new Charts.Series("printed exp(-2 mu t), mu = gamma", t, printedRef, Charts.Style.DASHED),
                        new Charts.Series("sharp exp(-2 mu t), mu = gamma/2", t, sharpRef, Charts.Style.DOTTED)),
                List.of());
        Table table = new Table(List.of("gamma", "regime", "printed 2 mu", "centred: SME", "centred: exact discrete",
                "centred: Fokker-Planck", "off-centre: SME", "off-centre: exact discrete", "off-centre: Fokker-Planck"),
                rows);
        boolean ok = worstCentred < 0.05 && worstOff < 0.05 && worstDiscrete < DISCRETE_TOLERANCE
                && worstFp < DISCRETE_TOLERANCE;
        Verdict verdict = ok ? Verdict.HOLDS_WITH_CORRECTION : Verdict.FAILS;
        String text = ok
                ? Fmt.f("only data whose mean is already at equilibrium decay at the printed rate (SME: centred / printed"
                        + " 2 mu = 1 within %s in all three regimes); a displaced mean decays at half of it (off-centre /"
                        + " printed = 0.5 within %s); exact discrete ASGD agrees within %s (deltaT = 0.01/gamma)%s",
                        Fmt.pct(worstCentred), Fmt.pct(worstOff), Fmt.pct(worstDiscrete),
                        Level.FOKKER_PLANCK.available() ? ", the Fokker-Planck solver's measured decay within "
                                + Fmt.pct(worstFp) + " (worst at the critical point, where (1 + t) factors slow the"
                                + " approach to the exponential)" : "")
                : Fmt.f("centred vs printed off by %s, off-centre vs half printed off by %s", Fmt.pct(worstCentred),
                        Fmt.pct(worstOff));
        Section section = new Section(id(), title(), "Theorem 3.2 states ||h(t)||_*^2 <~ exp(-2 mu t) H(0) for all initial"
                + " data with H(0) finite, with the printed mu of (3.6).", List.of(fig), List.of(table), verdict, text,
                List.of("Method: kappa = 0.99, omega0 = 1, eta = (1 - kappa)/gamma^2. For the SME the density stays"
                        + " Gaussian, so ||h||_*^2 = int p^2/M - 1 is exact from the mean and covariance (matrix"
                        + " exponential); the exponent is read off the root-mean-square of ln ||h||^2 over two windows"
                        + " (insensitive to oscillation). For discrete ASGD the off-centre exponent is that of the squared"
                        + " mean, the centred one that of the squared second-moment deviation, both from the exact"
                        + " recursions (sigma = 0, so the deviation is the moment itself).",
                        "The Ornstein-Uhlenbeck spectrum is {n1 lambda1 + n2 lambda2}: a displaced mean excites the"
                                + " degree-1 mode (decay 2 min Re lambda of ||h||^2), a centred covariance only degree-2"
                                + " modes (twice that, the printed value). Errata #1 and #2.",
                        "Discrete ASGD's second moment contracts a little more slowly than the SME's degree-2 modes at"
                                + " this deltaT (the random staleness adds variance), which is why its centred exponent"
                                + " falls short of the printed value by up to the percentage above."));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("kappa", KAPPA);
        numbers.put("perGamma", json);
        numbers.put("centredMaxRelDevFromPrinted", worstCentred);
        numbers.put("offCentreMaxDevFromHalfPrinted", worstOff);
        numbers.put("discreteMaxRelDev", worstDiscrete);
        numbers.put("fokkerPlanckMaxRelDev", worstFp);
        return new ExperimentResult(section, numbers);
    }
}
