package dev.asgd.report.reproduce;

import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.reproduce.level.DiscreteLevel;
import dev.asgd.report.reproduce.level.FokkerPlanckLevel;
import dev.asgd.report.reproduce.level.Level;
import dev.asgd.report.reproduce.level.MonteCarloLevel;
import dev.asgd.report.reproduce.level.SmeEnsembleLevel;
import dev.asgd.report.reproduce.level.SmeLevel;
import dev.asgd.theory.ModeRate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Theorem 3.2, (3.6): the decay exponent of ||h||_*^2 per unit SME time against the friction gamma
 * across the three regimes, at kappa = 0.99 (deltaT = (1 - kappa) / gamma small, where the SME is
 * valid) and omega0 = 1, so eta = (1 - kappa) / gamma^2. Computed as printed (2 mu), sharp
 * (2 min Re eig Q), from the Lyapunov certificate (the largest c with K &gt;= c P), from the exact
 * discrete recursion (-2 ln rho / deltaT), from the SME's exact transition, by Monte Carlo ASGD, by
 * an SME ensemble (the squared ensemble mean's decay) and from the Fokker-Planck spectral gap where
 * those levels exist.
 */
public final class TheoremRateExperiment implements Experiment {
    static final double KAPPA = 0.99;
    static final double OMEGA = 1;

    @Override
    public String id() {
        return "theorem-3-2";
    }

    @Override
    public String title() {
        return "Theorem 3.2: the decay rate in the three regimes";
    }

    @Override
    public long work(ReproduceConfig config) {
        return gammas(config).length;
    }

    static double[] gammas(ReproduceConfig config) {
        double[] g = Fmt.logspace(0.2, 10, config.pick(15, 41));
        double[] out = Arrays.copyOf(g, g.length + 1);
        out[g.length] = 2 * OMEGA; // the critical point itself
        Arrays.sort(out);
        return out;
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        double[] gammas = gammas(ctx.config());
        int n = gammas.length;
        double[] printed = new double[n];
        double[] sharp = new double[n];
        double[] certificate = new double[n];
        double[] discrete = new double[n];
        double[] companion = new double[n];
        double[] sme = new double[n];
        double[] mc = new double[n];
        double[] fp = new double[n];
        String[] regime = new String[n];
        double[] mcExact = new double[n];
        Arrays.fill(mc, Double.NaN);
        Arrays.fill(mcExact, Double.NaN);
        double[] ens = new double[n];
        double[] ensWindowed = new double[n];
        Arrays.fill(ens, Double.NaN);
        Arrays.fill(ensWindowed, Double.NaN);
        for (int i = 0; i < n; i++) {
            double eta = eta(gammas[i]);
            ModeRate r = ModeRate.of(eta, KAPPA, OMEGA, 1);
            double dt = r.sme().deltaT();
            regime[i] = r.regime().label();
            printed[i] = 2 * r.muPaper();
            sharp[i] = 2 * r.muSharp();
            certificate[i] = r.lyapunov().largestC();
            discrete[i] = -2 * Math.log(DiscreteLevel.contraction(eta, KAPPA, OMEGA)) / dt;
            companion[i] = -2 * Math.log(DiscreteLevel.companion(eta, KAPPA, OMEGA).radius()) / dt;
            sme[i] = SmeLevel.decayPerUnitTime(eta, KAPPA, OMEGA);
            fp[i] = 2 * FokkerPlanckLevel.spectralGap(eta, KAPPA, OMEGA, 1, NoPerturbation.INSTANCE);
            ctx.progress().advance(i + 1);
        }
        for (double g : new double[] {0.5, 2, 5}) {
            int i = nearest(gammas, g);
            double eta = eta(gammas[i]);
            MonteCarloLevel.Estimate e = MonteCarloLevel.secondMomentDecayPerStep(eta, KAPPA, OMEGA,
                    ctx.config().pick(2000, 20000), ctx.config().seed() + i, ctx.config().threads());
            double dt = ModeRate.of(eta, KAPPA, OMEGA, 1).sme().deltaT();
            mc[i] = e.value() / dt;
            mcExact[i] = e.exact() / dt;
            SmeEnsembleLevel.Rate s = SmeEnsembleLevel.meanDecayPerUnitTime(eta, KAPPA, OMEGA,
                    ctx.config().pick(2000, 10000), ctx.config().seed() + 200 + i, ctx.config().threads());
            ens[i] = s.value();
            ensWindowed[i] = s.exactWindowed();
        }
        double devEns = maxRel(ens, ensWindowed);
        double devEnsSharp = maxRel(ens, sharp);
        double devDiscrete = maxRel(discrete, sharp);
        double devSme = maxRel(sme, sharp);
        double devCert = maxRel(certificate, sharp);
        double devMc = maxRel(mc, mcExact);
        double devMcSharp = maxRel(mc, sharp);
        double devFp = maxRel(fp, sharp);
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = printed[i] / discrete[i];
        }
        double rMin = Arrays.stream(ratio).min().orElse(Double.NaN);
        double rMax = Arrays.stream(ratio).max().orElse(Double.NaN);

        Path f1 = Charts.line(ctx.figure(id() + "-rate"), "Decay exponent of ||h||^2 against the friction gamma"
                + " (kappa = 0.99, omega0 = 1)", "gamma = sqrt((1 - kappa)/eta)  [1/SME time]",
                "decay exponent 2 mu  [1/SME time]", true, true, List.of(
                    new Charts.Series("printed (3.6): 2 mu", gammas, printed, Charts.Style.DASHED),
                    new Charts.Series("sharp: 2 min Re eig Q", gammas, sharp, Charts.Style.LINE),
                    new Charts.Series("SME exact transition", gammas, sme, Charts.Style.DOTTED),
                    new Charts.Series("exact discrete ASGD", gammas, discrete, Charts.Style.POINTS),
                    new Charts.Series("Monte Carlo ASGD", gammas, mc, Charts.Style.POINTS),
                    new Charts.Series("SME ensemble (squared mean)", gammas, ens, Charts.Style.POINTS),
                    new Charts.Series("Fokker-Planck gap", gammas, fp, Charts.Style.POINTS)),
                List.of(new Charts.Marker("critical gamma = 2 omega0", 2 * OMEGA)));
        double[][] ratios = {divide(printed, sharp), divide(certificate, sharp), divide(discrete, sharp),
            divide(sme, sharp), divide(mc, sharp), divide(fp, sharp), divide(ens, sharp)};
        Path f2 = Charts.line(ctx.figure(id() + "-ratio"), "Each computation divided by the sharp rate",
                "gamma  [1/SME time]", "rate / sharp rate  [1]", true, false, List.of(
                    new Charts.Series("printed / sharp", gammas, ratios[0], Charts.Style.DASHED),
                    new Charts.Series("certificate K >= cP / sharp", gammas, ratios[1], Charts.Style.DOTTED),
                    new Charts.Series("exact discrete / sharp", gammas, ratios[2], Charts.Style.POINTS),
                    new Charts.Series("SME / sharp", gammas, ratios[3], Charts.Style.LINE),
                    new Charts.Series("Monte Carlo / sharp", gammas, ratios[4], Charts.Style.POINTS),
                    new Charts.Series("SME ensemble / sharp", gammas, ratios[6], Charts.Style.POINTS),
                    new Charts.Series("Fokker-Planck / sharp", gammas, ratios[5], Charts.Style.POINTS)),
                List.of(new Charts.Marker("critical", 2 * OMEGA)));

        List<List<String>> rows = new ArrayList<>();
        for (double g : new double[] {0.2, 0.5, 2, 5, 10}) {
            int i = nearest(gammas, g);
            rows.add(List.of(Fmt.num(gammas[i]), regime[i], Fmt.num(eta(gammas[i])), Fmt.num(printed[i]),
                    Fmt.num(sharp[i]), Fmt.num(certificate[i]), Fmt.num(discrete[i]), Fmt.num(sme[i]),
                    !Level.MONTE_CARLO.available() ? Fmt.NOT_AVAILABLE
                            : Double.isNaN(mc[i]) ? "-" : Fmt.num(mc[i]) + " (exact " + Fmt.num(mcExact[i]) + ")",
                    !Level.SME_ENSEMBLE.available() ? Fmt.NOT_AVAILABLE
                            : Double.isNaN(ens[i]) ? "-" : Fmt.num(ens[i]) + " (exact " + Fmt.num(ensWindowed[i]) + ")",
                    Fmt.level(Level.FOKKER_PLANCK.available(), fp[i])));
        }
        Table table = new Table(List.of("gamma", "regime", "eta", "printed 2 mu", "sharp 2 min Re eig Q",
                "certificate: largest c, K >= cP", "exact discrete -2 ln rho / deltaT", "SME exp(A deltaT)",
                "Monte Carlo E theta^2 (exact second moment)",
                "SME ensemble (E Theta)^2 (exact SME mean, same window)", "Fokker-Planck 2 x gap"), rows);
        Table devs = new Table(List.of("computation", "level", "max |rate / sharp - 1| over the grid"), List.of(
                List.of("Lyapunov certificate (4.5)-(4.7)", Level.CLOSED_FORM.label(), Fmt.num(devCert)),
                List.of("exact discrete mean recursion", Level.EXACT_DISCRETE.label(), Fmt.num(devDiscrete)),
                List.of("Hipparchus eigenvalues of the mean map", Level.EXACT_DISCRETE.label(),
                        Fmt.num(maxRel(companion, sharp))),
                List.of("SME exact transition", Level.SME.label(), Fmt.num(devSme)),
                List.of("Monte Carlo E theta^2, 3 points, against the exact second-moment rate", Level.MONTE_CARLO.label(),
                        Fmt.level(Level.MONTE_CARLO.available(), devMc)),
                List.of("Monte Carlo E theta^2 against the sharp rate", Level.MONTE_CARLO.label(),
                        Fmt.level(Level.MONTE_CARLO.available(), devMcSharp)),
                List.of("SME ensemble (E Theta)^2, 3 points, against the exact SME mean over the same window",
                        Level.SME_ENSEMBLE.label(), Fmt.level(Level.SME_ENSEMBLE.available(), devEns)),
                List.of("SME ensemble (E Theta)^2 against the sharp rate", Level.SME_ENSEMBLE.label(),
                        Fmt.level(Level.SME_ENSEMBLE.available(), devEnsSharp)),
                List.of("Fokker-Planck spectral gap", Level.FOKKER_PLANCK.label(),
                        Fmt.level(Level.FOKKER_PLANCK.available(), devFp))));

        Verdict verdict;
        String text;
        int crit = nearest(gammas, 2 * OMEGA);
        double devAway = 0;
        for (int i = 0; i < n; i++) {
            if (i != crit) {
                devAway = Math.max(devAway, Math.abs(discrete[i] / sharp[i] - 1));
            }
        }
        boolean sharpConfirmed = devAway < 0.02 && devDiscrete < 0.1 && devSme < 1e-6;
        if (sharpConfirmed && rMin > 1.8 && rMax < 2.2) {
            verdict = Verdict.HOLDS_WITH_CORRECTION;
            text = Fmt.f("the printed mu is %.3f-%.3fx the decay exponent of the exact discrete recursion in all three"
                    + " regimes; the sharp mu = min Re eig Q (half the printed value) matches it within %s away from the"
                    + " critical point (%s at it, where the discrete threshold sits O(deltaT) off the SME's) and the SME"
                    + " within %s; it is what the Lyapunov certificate supports (within %s)%s", rMin, rMax,
                    Fmt.pct(devAway), Fmt.pct(Math.abs(discrete[crit] / sharp[crit] - 1)), Fmt.pct(devSme),
                    Fmt.pct(devCert), Level.FOKKER_PLANCK.available()
                            ? Fmt.f(" and equals the Fokker-Planck spectral gap (within %.1g)", devFp) : "")
                    + (Level.MONTE_CARLO.available() ? Fmt.f("; Monte Carlo ensembles reproduce the exact second-moment"
                            + " rate within %s (that rate is within %s of the sharp one)", Fmt.pct(devMc),
                            Fmt.pct(maxRel(mcExact, sharp))) : "")
                    + (Level.SME_ENSEMBLE.available() ? Fmt.f("; an SME ensemble (splitting scheme) reproduces the exact"
                            + " SME mean's decay within %s", Fmt.pct(devEns)) : "");
        } else if (rMin > 0.95 && rMax < 1.05) {
            verdict = Verdict.HOLDS;
            text = Fmt.f("the printed mu matches the exact discrete decay within %s", Fmt.pct(Math.max(1 - rMin, rMax - 1)));
        } else {
            verdict = Verdict.FAILS;
            text = Fmt.f("printed / exact discrete ranges over %.3f-%.3f; sharp vs discrete %s, vs SME %s", rMin, rMax,
                    Fmt.pct(devDiscrete), Fmt.pct(devSme));
        }
        Section section = new Section(id(), title(), "Theorem 3.2, (3.6): ||h(t)||_*^2 <~ exp(-2 (mu - epsilon) t) with"
                + " mu = gamma for gamma < 2 omega0, mu = gamma - sqrt(gamma^2 - 4 omega0^2) for gamma > 2 omega0, and"
                + " mu = gamma - delta for every delta > 0 at gamma = 2 omega0.", List.of(f1, f2), List.of(table, devs),
                verdict, text, List.of(
                    "Method: kappa = 0.99, omega0 = 1, sigma = 1, eta = (1 - kappa)/gamma^2 for each gamma; deltaT = "
                            + "sqrt(eta (1 - kappa)) converts per-step exponents to SME time. Every curve is a decay "
                            + "exponent of the squared error, so the printed one is 2 mu.",
                    "Independent computations of the sharp rate: the closed form min Re eig Q; the generalized "
                            + "eigenvalue of the proof's own K and P (which equals the printed mu, so K >= 2 mu P "
                            + "certifies half of it); the spectral radius of discrete ASGD's mean recursion (closed form "
                            + "and Hipparchus); the spectral radius of the SME's matrix exponential exp(A deltaT); Monte "
                            + "Carlo ensembles of ASGD, SME ensembles and the Fokker-Planck gap where those levels are in"
                            + " the build.",
                    "SME ensemble: N paths of (2.2) by the weak-order-2 splitting at h = deltaT with Theta0 = 1 and"
                            + " sigma = 0.01 (the mean's decay does not depend on sigma; the small noise keeps the"
                            + " ensemble mean resolved while the squared mean falls by e^-12); its decay exponent is read"
                            + " off two windows and compared with the same estimator on the exact SME mean at the same"
                            + " times, which removes the window's bias (largest at the critical point, where the mean"
                            + " carries a factor 1 + t).",
                    "The critical row is the limit of both formulas: the L2 distance decays like (1 + t) exp(-gamma t/2)"
                            + " there (errata #3)."));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("kappa", KAPPA);
        numbers.put("omega0", OMEGA);
        numbers.put("gamma", gammas);
        numbers.put("regime", List.of(regime));
        numbers.put("printed", printed);
        numbers.put("sharp", sharp);
        numbers.put("certificate", certificate);
        numbers.put("exactDiscrete", discrete);
        numbers.put("exactDiscreteHipparchus", companion);
        numbers.put("sme", sme);
        numbers.put("monteCarlo", mc);
        numbers.put("fokkerPlanck", fp);
        numbers.put("printedOverDiscreteMin", rMin);
        numbers.put("printedOverDiscreteMax", rMax);
        numbers.put("maxRelDevDiscrete", devDiscrete);
        numbers.put("maxRelDevDiscreteAwayFromCritical", devAway);
        numbers.put("maxRelDevSme", devSme);
        numbers.put("maxRelDevCertificate", devCert);
        numbers.put("monteCarloExactSecondMoment", mcExact);
        numbers.put("maxRelDevMonteCarlo", devMc);
        numbers.put("maxRelDevMonteCarloFromSharp", devMcSharp);
        numbers.put("maxRelDevFokkerPlanck", devFp);
        numbers.put("smeEnsemble", ens);
        numbers.put("smeEnsembleExactWindowed", ensWindowed);
        numbers.put("maxRelDevSmeEnsemble", devEns);
        numbers.put("maxRelDevSmeEnsembleFromSharp", devEnsSharp);
        return new ExperimentResult(section, numbers);
    }

    static double eta(double gamma) {
        return (1 - KAPPA) / (gamma * gamma);
    }

    static int nearest(double[] x, double v) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(Math.log(x[i] / v)) < Math.abs(Math.log(x[best] / v))) {
                best = i;
            }
        }
        return best;
    }

    /** @return max |a/b - 1| over the finite entries, NaN when there are none */
    static double maxRel(double[] a, double[] b) {
        double m = Double.NaN;
        for (int i = 0; i < a.length; i++) {
            double r = Math.abs(a[i] / b[i] - 1);
            if (Double.isFinite(r)) {
                m = Double.isNaN(m) ? r : Math.max(m, r);
            }
        }
        return m;
    }

    static double[] divide(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }
}
