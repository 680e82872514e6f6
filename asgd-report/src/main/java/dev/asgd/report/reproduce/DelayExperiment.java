package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.reproduce.level.DiscreteLevel;
import dev.asgd.report.reproduce.level.Level;
import dev.asgd.report.reproduce.level.MonteCarloLevel;
import dev.asgd.report.reproduce.level.SmeLevel;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.SmeParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remark 3.3, second observation: longer delays, slower convergence. The decay per ASGD step
 * against kappa at a fixed learning rate, from the exact discrete recursion, the mean iterated
 * from ASGD's definition (no two-state reduction), the SME, Monte Carlo where available, and as
 * printed.
 */
public final class DelayExperiment implements Experiment {
    private static final double ETA = 0.1;
    private static final double OMEGA = 1;
    private static final double[] BRUTE = {0, 0.3, 0.6, 0.8, 0.9, 0.95};

    @Override
    public String id() {
        return "delays";
    }

    @Override
    public String title() {
        return "Remark 3.3: longer delays, slower convergence";
    }

    @Override
    public long work(ReproduceConfig config) {
        return BRUTE.length + 1;
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        int n = ctx.config().pick(40, 120);
        double[] kappa = Fmt.linspace(0, 0.995, n);
        double[] discrete = new double[n];
        double[] sme = new double[n];
        double[] printed = new double[n];
        double[] optimal = new double[n];
        int violations = 0;
        for (int i = 0; i < n; i++) {
            discrete[i] = -2 * Math.log(DiscreteLevel.contraction(ETA, kappa[i], OMEGA));
            sme[i] = SmeLevel.decayPerStep(ETA, kappa[i], OMEGA);
            SmeParameters p = SmeParameters.of(ETA, kappa[i], OMEGA, 0);
            printed[i] = 2 * DecayRates.muPaper(p.gamma(), OMEGA) * p.deltaT();
            optimal[i] = 2 * (1 - kappa[i]);
        }
        ctx.progress().advance(1);
        double[] bruteK = BRUTE.clone();
        double[] brute = new double[BRUTE.length];
        double[] mc = new double[BRUTE.length];
        double[] mcExact = new double[BRUTE.length];
        Arrays.fill(mc, Double.NaN);
        Arrays.fill(mcExact, Double.NaN);
        double bruteDev = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < BRUTE.length; j++) {
            double k = BRUTE[j];
            double exact = -2 * Math.log(DiscreteLevel.contraction(ETA, k, OMEGA));
            int steps = (int) Math.min(40_000, Math.ceil(300 / exact));
            brute[j] = -2 * Math.log(DiscreteLevel.bruteForceContraction(ETA, k, OMEGA, steps));
            bruteDev = Math.max(bruteDev, Math.abs(brute[j] / exact - 1));
            if (k == 0.3 || k == 0.9) {
                MonteCarloLevel.Estimate e = MonteCarloLevel.secondMomentDecayPerStep(ETA, k, OMEGA,
                        ctx.config().pick(2000, 20000), ctx.config().seed() + j, ctx.config().threads());
                mc[j] = e.value();
                mcExact[j] = e.exact();
            }
            SmeParameters p = SmeParameters.of(ETA, k, OMEGA, 0);
            rows.add(List.of(Fmt.num(k), Fmt.num(2 * (1 - k)), Fmt.num(2 * DecayRates.muPaper(p.gamma(), OMEGA) * p.deltaT()),
                    Fmt.num(exact), Fmt.num(brute[j]), Fmt.num(SmeLevel.decayPerStep(ETA, k, OMEGA)),
                    Level.MONTE_CARLO.available() && !Double.isNaN(mc[j])
                            ? Fmt.num(mc[j]) + " (exact " + Fmt.num(mcExact[j]) + ")"
                            : Level.MONTE_CARLO.available() ? "-" : Fmt.NOT_AVAILABLE));
            ctx.progress().advance(j + 2);
        }
        // where eta crosses the exact threshold: (1 - sqrt k)/(1 + sqrt k) = eta omega0^2
        double s = (1 - ETA * OMEGA * OMEGA) / (1 + ETA * OMEGA * OMEGA);
        double kappaCross = s * s;
        // the claim is about the optimal (above-threshold) rate; below the threshold more staleness is momentum
        int above = 0;
        double bestGain = 1;
        double bestKappa = 0;
        for (int i = 1; i < n; i++) {
            if (kappa[i - 1] >= kappaCross) {
                above++;
                if (discrete[i] > discrete[i - 1] * (1 + 1e-12)) {
                    violations++;
                }
            } else if (kappa[i] < kappaCross && discrete[i] / discrete[0] > bestGain) {
                bestGain = discrete[i] / discrete[0];
                bestKappa = kappa[i];
            }
        }
        Path fig = Charts.line(ctx.figure(id() + "-rate"), "Decay per ASGD step against the staleness rate (eta = 0.1,"
                + " omega0 = 1)", "staleness rate kappa  [1]  (E tau = kappa/(1 - kappa))",
                "decay exponent of E|theta|^2 per step  [1/step]", false, true, List.of(
                    new Charts.Series("exact discrete", kappa, discrete, Charts.Style.LINE),
                    new Charts.Series("mean from ASGD's definition", bruteK, brute, Charts.Style.POINTS),
                    new Charts.Series("SME", kappa, sme, Charts.Style.DOTTED),
                    new Charts.Series("printed 2 mu deltaT", kappa, printed, Charts.Style.DASHED),
                    new Charts.Series("printed optimum 2(1 - kappa)", kappa, optimal, Charts.Style.DASHED),
                    new Charts.Series("Monte Carlo", bruteK, mc, Charts.Style.POINTS)),
                List.of(new Charts.Marker("eta = exact threshold", kappaCross)));
        Table table = new Table(List.of("kappa", "printed optimum 2(1 - kappa)", "printed 2 mu deltaT",
                "exact discrete -2 ln rho", "mean from the definition", "SME", "Monte Carlo E theta^2 (exact second moment)"), rows);
        double ratio = 2 * (1 - 0.99) / -Math.log(0.99);
        double flat = -2 * Math.log(DiscreteLevel.contraction(ETA, 0, OMEGA));
        boolean ok = violations == 0 && bruteDev < 0.02;
        Verdict verdict = ok ? Verdict.HOLDS_WITH_CORRECTION : Verdict.FAILS;
        String text = ok
                ? Fmt.f("above the threshold (kappa > %.3f at eta = 0.1) the exact rate -ln kappa falls with kappa at all %d"
                        + " grid points (the mean iterated from ASGD's definition agrees within %s), but the printed optimum"
                        + " 2(1 - kappa) is %.3fx it at kappa = 0.99; below the threshold the opposite holds: staleness acts"
                        + " as momentum and the rate rises from %.3f per step at kappa = 0 by up to %.2fx (kappa = %.2f)",
                        kappaCross, above, Fmt.pct(bruteDev), ratio, flat, bestGain, bestKappa)
                : Fmt.f("%d increases of the rate with kappa above the threshold; definition vs closed form %s",
                        violations, Fmt.pct(bruteDev));
        Section section = new Section(id(), title(), "Remark 3.3, second observation: for a fixed learning rate the"
                + " optimal decay exp(-2 (1 - kappa) k) depends on the staleness only; more delayed readings (smaller"
                + " 1 - kappa) give slower convergence.", List.of(fig), List.of(table), verdict, text, List.of(
                    "Method: eta = 0.1, omega0 = 1; the decay exponent of E|theta|^2 per ASGD step. The points 'mean from"
                            + " ASGD's definition' iterate m_{k+1} = m_k - eta omega0^2 sum_l p_l m_{k-l} with the"
                            + " geometric pmf, independent of the two-state reduction behind the closed form.",
                    "The claim holds where the paper makes it, for the optimal rate above the threshold, with the"
                            + " factor-2 correction: the optimum is kappa^k = exp(k ln kappa) ~ exp(-(1 - kappa) k). At a"
                            + " fixed eta below the threshold it does not: averaged over the staleness ASGD's mean is"
                            + " heavy-ball momentum with momentum kappa (Mitliagkas et al. 2016), which accelerates"
                            + " until critical damping."));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("eta", ETA);
        numbers.put("omega0", OMEGA);
        numbers.put("kappa", kappa);
        numbers.put("exactDiscretePerStep", discrete);
        numbers.put("smePerStep", sme);
        numbers.put("printedPerStep", printed);
        numbers.put("printedOptimumPerStep", optimal);
        numbers.put("bruteForceKappa", bruteK);
        numbers.put("bruteForcePerStep", brute);
        numbers.put("bruteForceMaxRelDev", bruteDev);
        numbers.put("monteCarloPerStep", mc);
        numbers.put("monteCarloExactSecondMomentPerStep", mcExact);
        numbers.put("monotoneViolationsAboveThreshold", violations);
        numbers.put("maxGainBelowThreshold", bestGain);
        numbers.put("kappaOfMaxGain", bestKappa);
        numbers.put("kappaAtThreshold", kappaCross);
        return new ExperimentResult(section, numbers);
    }
}
