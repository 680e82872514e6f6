package dev.asgd.report.reproduce;

import dev.asgd.fokkerplanck.study.InitialDecayStudy;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.theory.study.InitialDataStudy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which initial data attain the printed mu. ||h||_*^2 of the SME's Gaussian density against the
 * stationary one (exact, {@link dev.asgd.theory.sme.SmeDecay#chiSquare}) for an off-centre start (mean displaced,
 * stationary covariance: a degree-1 mode) and a centred start (mean at equilibrium, covariance
 * half the stationary one: degree-2 modes only); the same two starts in discrete ASGD through its
 * exact moments (||h||^2 ~ mean^2, resp. ~ (second moment deviation)^2); and the Fokker-Planck
 * solver's measured decay: computed by {@link InitialDataStudy} and asgd-fokkerplanck's
 * {@link InitialDecayStudy}; this class renders their results.
 */
public final class InitialDataExperiment implements Experiment {
    private static final double[] GAMMAS = {1, 2, 4};
    private static final double KAPPA = 0.99;
    private static final double OMEGA = 1;
    private static final int POINTS = 3000;
    /** The learning rate of the plotted curves (gamma = 1). */
    private static final double PLOT_ETA = 1 - KAPPA;
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

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        InitialDataStudy.Result theory = InitialDataStudy.run(new InitialDataStudy.Parameters(KAPPA, OMEGA, GAMMAS,
                POINTS, PLOT_ETA));
        InitialDecayStudy.Result fp = InitialDecayStudy.run(new InitialDecayStudy.Parameters(KAPPA, OMEGA, 1, GAMMAS),
                done -> ctx.progress().advance(done));
        List<List<String>> rows = new ArrayList<>();
        List<PerGamma> json = new ArrayList<>();
        for (int i = 0; i < GAMMAS.length; i++) {
            InitialDataStudy.PerGamma x = theory.perGamma().get(i);
            InitialDecayStudy.PerGamma f = fp.perGamma().get(i);
            rows.add(List.of(Fmt.num(x.gamma()), x.regime(), Fmt.num(x.printed2Mu()), Fmt.num(x.smeCentred()),
                    Fmt.num(x.discreteCentred()), Fmt.num(f.centred()), Fmt.num(x.smeOffCentre()),
                    Fmt.num(x.discreteOffCentre()), Fmt.num(f.offCentre())));
            json.add(new PerGamma(x.gamma(), x.printed2Mu(), x.smeCentred(), x.discreteCentred(), f.centred(),
                    x.smeOffCentre(), x.discreteOffCentre(), f.offCentre()));
        }
        double worstCentred = theory.centredMaxRelDevFromPrinted();
        double worstOff = theory.offCentreMaxDevFromHalfPrinted();
        double worstDiscrete = theory.discreteMaxRelDev();
        double worstFp = fp.maxRelDev();
        InitialDataStudy.Curves c = theory.curves();
        double[] t = c.time();
        double[] off = c.offCentre();
        double[] cen = c.centred();
        double[] printedRef = c.printedReference();
        double[] sharpRef = c.sharpReference();
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
                        ", the Fokker-Planck solver's measured decay within "
                                + Fmt.pct(worstFp) + " (worst at the critical point, where (1 + t) factors slow the"
                                + " approach to the exponential)")
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
        Numbers numbers = new Numbers(KAPPA, json, worstCentred, worstOff, worstDiscrete, worstFp);
        return new ExperimentResult(section, numbers);
    }

    /**
     * One gamma's exponents in results.json.
     *
     * @param gamma the friction
     * @param printed2Mu printed 2 mu
     * @param smeCentred SME, centred start
     * @param discreteCentred exact discrete, centred start
     * @param fokkerPlanckCentred Fokker-Planck, centred start
     * @param smeOffCentre SME, off-centre start
     * @param discreteOffCentre exact discrete, off-centre start
     * @param fokkerPlanckOffCentre Fokker-Planck, off-centre start
     */
    public record PerGamma(double gamma, double printed2Mu, double smeCentred, double discreteCentred,
            double fokkerPlanckCentred, double smeOffCentre, double discreteOffCentre, double fokkerPlanckOffCentre) {
    }

    /**
     * The experiment's numbers in results.json (keys are the component names).
     *
     * @param kappa staleness rate
     * @param perGamma the exponents per gamma
     * @param centredMaxRelDevFromPrinted SME centred against printed
     * @param offCentreMaxDevFromHalfPrinted SME off-centre against half the printed value
     * @param discreteMaxRelDev exact discrete against the same
     * @param fokkerPlanckMaxRelDev Fokker-Planck against the same
     */
    public record Numbers(double kappa, List<PerGamma> perGamma, double centredMaxRelDevFromPrinted,
            double offCentreMaxDevFromHalfPrinted, double discreteMaxRelDev, double fokkerPlanckMaxRelDev) {
    }
}
