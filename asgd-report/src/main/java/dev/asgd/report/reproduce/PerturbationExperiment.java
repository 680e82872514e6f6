package dev.asgd.report.reproduce;

import dev.asgd.core.perturbation.SinePerturbation;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.reproduce.level.DiscreteLevel;
import dev.asgd.report.reproduce.level.FokkerPlanckLevel;
import dev.asgd.report.reproduce.level.Level;
import dev.asgd.report.reproduce.level.SmeLevel;
import dev.asgd.theory.ModeRate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Theorem 3.2 with a perturbation: the rate against eps_0 for eps(theta) = A sin(theta) (eps_0 = A),
 * the theorem's bound 2 (mu - epsilon) with epsilon = eps_0 C1 (printed and sharp mu) beside the
 * rate of the perturbed problem: linearised at the minimum (omega_eff^2 = omega0^2 + eps'(0)) by
 * the exact discrete recursion and the SME, and the Fokker-Planck gap of the nonlinear problem
 * where that level exists.
 */
public final class PerturbationExperiment implements Experiment {
    private static final double ETA = 0.01;
    private static final double KAPPA = 0.9;
    private static final double OMEGA = 1;
    /** sigma with beta = 2 gamma / (tau^2 omega0^4) = 1, which keeps C2 and so C1 smallest. */
    private static final double SIGMA = Math.sqrt(2 * Math.sqrt((1 - KAPPA) / ETA) / (Math.pow(ETA, 1.5) / Math.sqrt(1 - KAPPA)));

    @Override
    public String id() {
        return "perturbation";
    }

    @Override
    public String title() {
        return "Theorem 3.2 with a perturbation: mu - epsilon";
    }

    @Override
    public long work(ReproduceConfig config) {
        return config.pick(25, 60);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        int n = ctx.config().pick(25, 60);
        double[] eps0 = Fmt.logspace(1e-9, 0.5, n);
        ModeRate base = ModeRate.of(ETA, KAPPA, OMEGA, SIGMA);
        double dt = base.sme().deltaT();
        double c1 = base.constants().c1();
        double[] boundSharp = new double[n];
        double[] boundPrinted = new double[n];
        double[] discrete = new double[n];
        double[] sme = new double[n];
        double[] fp = new double[n];
        int sharpViolations = 0;
        int printedViolations = 0;
        double printedViolatedUpTo = 0;
        for (int i = 0; i < n; i++) {
            SinePerturbation p = new SinePerturbation(eps0[i], 1);
            double e = base.constants().epsilon(p.epsilon0(1));
            boundSharp[i] = 2 * (base.muSharp() - e);
            boundPrinted[i] = 2 * (base.muPaper() - e);
            double wEff = Math.sqrt(OMEGA * OMEGA + p.derivative(0));
            discrete[i] = -2 * Math.log(DiscreteLevel.contraction(ETA, KAPPA, wEff)) / dt;
            sme[i] = SmeLevel.decayPerUnitTime(ETA, KAPPA, wEff);
            int stride = ctx.config().pick(4, 2);
            fp[i] = i % stride == 0 || i == n - 1
                    ? 2 * FokkerPlanckLevel.spectralGap(ETA, KAPPA, OMEGA, SIGMA, p, ctx.config().pick(24, 40))
                    : Double.NaN;
            // the theorem is about the SME / Fokker-Planck level; the discrete rate is shown beside it
            double measured = Double.isNaN(fp[i]) ? sme[i] : Math.min(sme[i], fp[i]);
            if (boundSharp[i] > measured * (1 + 1e-9)) {
                sharpViolations++;
            }
            if (boundPrinted[i] > measured) {
                printedViolations++;
                printedViolatedUpTo = eps0[i];
            }
            ctx.progress().advance(i + 1);
        }
        double vacuousFrom = base.muSharp() / c1;
        double fpLast = fp[n - 1];
        double[] muLine = new double[n];
        java.util.Arrays.fill(muLine, 2 * base.muSharp());
        Path fig = Charts.line(ctx.figure(id() + "-rate"), "Decay exponent against the perturbation size eps0"
                + " (eps = eps0 sin theta, eta = 0.01, kappa = 0.9)", "eps0 = sup|eps| = sup|eps'|  [1]",
                "decay exponent  [1/SME time]", true, true, List.of(
                    new Charts.Series("theorem, sharp mu: 2(mu - eps0 C1)", eps0, boundSharp, Charts.Style.LINE),
                    new Charts.Series("theorem as printed: 2(mu - eps0 C1)", eps0, boundPrinted, Charts.Style.DASHED),
                    new Charts.Series("exact discrete, linearised", eps0, discrete, Charts.Style.POINTS),
                    new Charts.Series("SME, linearised", eps0, sme, Charts.Style.DOTTED),
                    new Charts.Series("Fokker-Planck gap (nonlinear)", eps0, fp, Charts.Style.POINTS),
                    new Charts.Series("unperturbed 2 mu (sharp)", eps0, muLine, Charts.Style.DOTTED)),
                List.of(new Charts.Marker("bound reaches 0: eps0 = mu/C1", vacuousFrom)));
        List<List<String>> rows = new ArrayList<>();
        for (double a : new double[] {1e-9, 1e-6, 1e-5, 1e-4, 1e-2, 0.5}) {
            int i = TheoremRateExperiment.nearest(eps0, a);
            rows.add(List.of(Fmt.num(eps0[i]), Fmt.num(eps0[i] * c1), Fmt.num(boundPrinted[i]), Fmt.num(boundSharp[i]),
                    Fmt.num(discrete[i]), Fmt.num(sme[i]), Fmt.level(Level.FOKKER_PLANCK.available(), fp[i])));
        }
        Table table = new Table(List.of("eps0", "epsilon = eps0 C1", "printed 2(mu - epsilon)", "sharp 2(mu - epsilon)",
                "exact discrete (linearised)", "SME (linearised)", "Fokker-Planck 2 x gap"), rows);
        boolean holdsSharp = sharpViolations == 0;
        Verdict verdict = holdsSharp ? Verdict.HOLDS_WITH_CORRECTION : Verdict.FAILS;
        String text = Fmt.f("with the sharp mu the bound 2(mu - eps0 C1) stays below the SME's rate (and the Fokker-Planck gap where available) at all %d points,"
                + " but C1 = %.4g makes it vacuous (negative) for eps0 > mu/C1 = %.2g, while the linearised rate moves by"
                + " %s at eps0 = 0.5; with the printed mu the bound exceeds the computed rate for %d points (eps0 up to"
                + " %.2g): it fails as printed%s", n, c1, vacuousFrom,
                Fmt.pct(discrete[n - 1] / discrete[0] - 1), printedViolations, printedViolatedUpTo,
                Level.FOKKER_PLANCK.available() ? Fmt.f("; the Fokker-Planck gap of the nonlinear problem moves by only"
                        + " %s at eps0 = 0.5 (the linearisation overstates it)", Fmt.pct(fpLast / fp[0] - 1)) : "");
        if (!holdsSharp) {
            text = Fmt.f("the sharp bound exceeds the computed rate at %d of %d points", sharpViolations, n);
        }
        Section section = new Section(id(), title(), "Theorem 3.2 under Assumption 3.1: with a perturbation of size"
                + " eps_0 the decay is exp(-2 (mu - epsilon) t), epsilon = eps_0 C1, C1 = (11 + 11C + 15 Chat) C2^2"
                + " max{1, C}/(C - Chat^2) (printed with an extra eps_0).", List.of(fig), List.of(table), verdict, text,
                List.of(Fmt.f("Method: eta = 0.01, kappa = 0.9 (gamma = %.4g, overdamped), omega0 = 1, sigma = %.4g (beta = 1, the smallest C2), so C1 ="
                        + " %.4g (following (4.8), without the printed extra eps_0, errata #8). The perturbed gradient"
                        + " omega0^2 theta + eps0 sin(theta) has curvature omega0^2 + eps0 at the minimum; its exact"
                        + " discrete and SME rates are those of that curvature.", base.sme().gamma(), SIGMA, c1),
                        "Assumption 3.1 as printed admits only eps = 0 (errata #11); eps0 here is the finite part,"
                                + " max(sup |eps|, d sup |eps'|)."));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("eta", ETA);
        numbers.put("kappa", KAPPA);
        numbers.put("sigma", SIGMA);
        numbers.put("C1", c1);
        numbers.put("eps0", eps0);
        numbers.put("boundSharp", boundSharp);
        numbers.put("boundPrinted", boundPrinted);
        numbers.put("exactDiscreteLinearised", discrete);
        numbers.put("smeLinearised", sme);
        numbers.put("fokkerPlanck", fp);
        numbers.put("vacuousFromEps0", vacuousFrom);
        numbers.put("sharpBoundViolations", sharpViolations);
        numbers.put("printedBoundViolations", printedViolations);
        return new ExperimentResult(section, numbers);
    }
}
