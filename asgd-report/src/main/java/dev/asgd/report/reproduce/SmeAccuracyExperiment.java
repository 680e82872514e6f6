package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.simulation.study.SmeAccuracyStudy;
import dev.asgd.theory.meanmap.Grid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SME's accuracy (section 2, after An, Lu and Ying): the weak error between discrete ASGD and
 * the SME (2.2) at a fixed SME time T, against eta, for two test functions (theta and theta^2),
 * with the fitted order. Both sides are exact: the discrete moments from their closed recursion,
 * the SME's from its Gaussian solution. At the largest few eta an SME ensemble (asgd-simulation's
 * weak-order-2 splitting at h = deltaT) ({@link SmeAccuracyStudy}) measures the same weak errors
 * against the exact discrete moments a second, independent way, with standard errors. The study's
 * result is the experiment's numbers in results.json; this class renders it.
 */
public final class SmeAccuracyExperiment implements Experiment {
    private static final double KAPPA = 0.9;
    private static final double OMEGA = 1;
    private static final double SIGMA = 1;
    private static final double THETA0 = 1;
    private static final double HORIZON = 2;

    @Override
    public String id() {
        return "sme-accuracy";
    }

    @Override
    public String title() {
        return "The SME's accuracy: weak error against eta";
    }

    @Override
    public long work(ReproduceConfig config) {
        return config.pick(8, 16);
    }

    /** @return at how many of the largest eta of the grid the SME ensemble runs (every other one in the full suite) */
    static int ensembleEtas(ReproduceConfig config) {
        return config.pick(3, 4);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        int n = ctx.config().pick(8, 16);
        double[] eta = Grid.logspace(1e-4, 0.05, n);
        int runs = ctx.config().pick(200_000, 1_000_000);
        SmeAccuracyStudy.Result r = SmeAccuracyStudy.run(new SmeAccuracyStudy.Parameters(KAPPA, OMEGA, SIGMA, THETA0,
                HORIZON, eta, ensembleEtas(ctx.config()), ctx.config().pick(1, 2), runs, ctx.config().seed() + 300,
                ctx.config().threads()), done -> ctx.progress().advance(done));
        double[] errMean = r.weakErrorMean();
        double[] errSecond = r.weakErrorSecondMoment();
        double[] ensMean = r.ensembleWeakErrorMean();
        double[] ensMeanSe = r.ensembleWeakErrorMeanStdErr();
        double[] ensSecond = r.ensembleWeakErrorSecondMoment();
        double[] ensSecondSe = r.ensembleWeakErrorSecondMomentStdErr();
        double orderMean = r.orderMean();
        double orderSecond = r.orderSecondMoment();
        double[] fitMean = r.fitMean();
        double[] fitSecond = r.fitSecondMoment();
        double maxZ = r.ensembleMaxAbsZ();
        int ensCount = r.ensembleCount();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ens = Double.isNaN(ensMean[i]) ? "-" : Fmt.num(ensMean[i]) + " +- " + Fmt.num(ensMeanSe[i]) + "; "
                    + Fmt.num(ensSecond[i]) + " +- " + Fmt.num(ensSecondSe[i]);
            rows.add(List.of(Fmt.num(eta[i]), Long.toString(r.steps()[i]), Fmt.num(r.discreteMean()[i]),
                    Fmt.num(r.smeMean()[i]), Fmt.num(errMean[i]), Fmt.num(r.discreteSecondMoment()[i]),
                    Fmt.num(r.smeSecondMoment()[i]), Fmt.num(errSecond[i]), ens));
        }
        Path fig = Charts.line(ctx.figure(id() + "-weak-error"), "Weak error of the SME at SME time T = 2 (kappa = 0.9,"
                + " omega0 = 1, theta0 = 1)", "learning rate eta  [1]", "|E phi(theta_K) - E phi(Theta(T))|  [1]", true,
                true, List.of(
                    new Charts.Series("phi = theta", eta, errMean, Charts.Style.POINTS),
                    new Charts.Series(Fmt.f("fit eta^%.2f", orderMean), eta, fitMean, Charts.Style.LINE),
                    new Charts.Series("phi = theta^2", eta, errSecond, Charts.Style.POINTS),
                    new Charts.Series(Fmt.f("fit eta^%.2f", orderSecond), eta, fitSecond, Charts.Style.DASHED),
                    new Charts.Series(Fmt.f("SME ensemble (N = %d), phi = theta", runs), eta, ensMean,
                            Charts.Style.POINTS),
                    new Charts.Series(Fmt.f("SME ensemble (N = %d), phi = theta^2", runs), eta, ensSecond,
                            Charts.Style.POINTS)),
                List.of());
        Table table = new Table(List.of("eta", "steps K = T/deltaT", "E theta_K (exact discrete)", "E Theta(T) (SME)",
                "weak error, theta", "E theta_K^2", "E Theta(T)^2", "weak error, theta^2",
                "SME ensemble: weak error, theta; theta^2 (+- standard error)"), rows);
        boolean ok = orderMean > 0.3 && orderSecond > 0.3 && !(maxZ > 5);
        Verdict verdict = ok ? Verdict.HOLDS : Verdict.FAILS;
        String text = Fmt.f("the weak error at fixed SME time T = 2 falls like eta^%.2f for theta and eta^%.2f for theta^2"
                + " (i.e. like deltaT^%.2f); at eta = %.1g it is %.2g and %.2g", orderMean, orderSecond, 2 * orderMean,
                eta[0], errMean[0], errSecond[0])
                + Fmt.f("; an SME ensemble (%s scheme, N = %d paths) measures the same errors at the %d largest"
                        + " eta within %.1f standard errors of the exact SME (local order %.2f and %.2f over those eta;"
                        + " the exact errors give %.2f and %.2f there)", r.ensembleScheme(), runs, ensCount, maxZ, r.ensembleOrderMean(),
                        r.ensembleOrderSecondMoment(), r.exactOrderMeanAtEnsembleEta(),
                        r.exactOrderSecondMomentAtEnsembleEta());
        Section section = new Section(id(), title(), "Section 2 (after An, Lu and Ying): for small eta discrete ASGD is"
                + " approximated by the SME (2.2), dTheta = Y dt + tau dB, dY = -grad f dt - gamma Y dt, with one step"
                + " taking deltaT = sqrt(eta (1 - kappa)) of SME time; the analysis assumes eta small enough for this"
                + " to hold.", List.of(fig), List.of(table), verdict, text, List.of(
                    "Method: both sides are exact, so the error is the SME's alone: the discrete mean and second moment"
                            + " from their closed recursion (docs/theory.md) after K = T/deltaT steps, the SME's"
                            + " from its Gaussian solution (matrix exponential and Lyapunov equation) at t = K deltaT, with"
                            + " Y0 = -sqrt(eta/(1 - kappa)) grad f(theta0). The order is the least-squares slope of"
                            + " ln(error) against ln(eta).",
                    "Order p in eta is order 2p in deltaT = sqrt(eta (1 - kappa)), the SME's time step.",
                    Fmt.f("Second computation: at %d of the largest eta an ensemble of N = %d paths of the SME (2.2),"
                            + " integrated by the weak-order-2 splitting (kick / exact free Ornstein-Uhlenbeck / kick,"
                            + " asgd-simulation) at h = deltaT, gives E Theta(T) and E Theta(T)^2 with standard errors;"
                            + " its weak error against the exact discrete moments is shown with its standard error. It"
                            + " shares no code with the Gaussian solution; its largest |z| against it is %.2f. Smaller eta"
                            + " are left to the exact computation: there the weak error falls below what N paths can"
                            + " resolve.", ensCount, runs, maxZ)));
        return new ExperimentResult(section, r);
    }
}
