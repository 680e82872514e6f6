package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.reproduce.level.DiscreteMoments;
import dev.asgd.report.reproduce.level.SmeEnsembleLevel;
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
 * The SME's accuracy (section 2, after An, Lu and Ying): the weak error between discrete ASGD and
 * the SME (2.2) at a fixed SME time T, against eta, for two test functions (theta and theta^2),
 * with the fitted order. Both sides are exact: the discrete moments from their closed recursion,
 * the SME's from its Gaussian solution. At the largest few eta an SME ensemble (asgd-simulation's
 * weak-order-2 splitting at h = deltaT, {@link SmeEnsembleLevel}) measures the same weak errors
 * against the exact discrete moments a second, independent way, with standard errors.
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
        double[] eta = Fmt.logspace(1e-4, 0.05, n);
        double[] errMean = new double[n];
        double[] errSecond = new double[n];
        double[] logEta = new double[n];
        double[] logMean = new double[n];
        double[] logSecond = new double[n];
        int stride = ctx.config().pick(1, 2);
        int runs = ctx.config().pick(200_000, 1_000_000);
        double[] ensMean = nan(n);
        double[] ensMeanSe = nan(n);
        double[] ensSecond = nan(n);
        double[] ensSecondSe = nan(n);
        double[] zMean = nan(n);
        double[] zSecond = nan(n);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SmeParameters p = SmeParameters.of(eta[i], KAPPA, OMEGA, SIGMA);
            long steps = Math.round(HORIZON / p.deltaT());
            DiscreteMoments d = DiscreteMoments.deterministic(eta[i], KAPPA, OMEGA, SIGMA, THETA0);
            for (long k = 0; k < steps; k++) {
                d.step();
            }
            double t = steps * p.deltaT();
            LinearSme sde = LinearSme.of(p, OMEGA);
            double y0 = -Math.sqrt(eta[i] / (1 - KAPPA)) * OMEGA * OMEGA * THETA0;
            double mean = sde.mean(t, THETA0, y0)[0];
            double second = sde.covariance(t, new Matrix2(0, 0, 0, 0)).a() + mean * mean;
            errMean[i] = Math.abs(d.mean() - mean);
            errSecond[i] = Math.abs(d.secondMoment() - second);
            logEta[i] = Math.log(eta[i]);
            logMean[i] = Math.log(errMean[i]);
            logSecond[i] = Math.log(errSecond[i]);
            String ens = "-";
            if ((n - 1 - i) % stride == 0 && (n - 1 - i) / stride < ensembleEtas(ctx.config())) {
                SmeEnsembleLevel.Moments e = SmeEnsembleLevel.momentsAt(eta[i], KAPPA, OMEGA, SIGMA, THETA0, steps, runs,
                        ctx.config().seed() + 300 + i, ctx.config().threads());
                ensMean[i] = Math.abs(d.mean() - e.mean());
                ensMeanSe[i] = e.meanStdErr();
                ensSecond[i] = Math.abs(d.secondMoment() - e.secondMoment());
                ensSecondSe[i] = e.secondMomentStdErr();
                zMean[i] = (e.mean() - mean) / e.meanStdErr();
                zSecond[i] = (e.secondMoment() - second) / e.secondMomentStdErr();
                ens = Fmt.num(ensMean[i]) + " +- " + Fmt.num(ensMeanSe[i]) + "; " + Fmt.num(ensSecond[i]) + " +- "
                        + Fmt.num(ensSecondSe[i]);
            }
            rows.add(List.of(Fmt.num(eta[i]), Long.toString(steps), Fmt.num(d.mean()), Fmt.num(mean),
                    Fmt.num(errMean[i]), Fmt.num(d.secondMoment()), Fmt.num(second), Fmt.num(errSecond[i]), ens));
            ctx.progress().advance(i + 1);
        }
        double ensOrderMean = Decay.slope(logEta, log(ensMean));
        double ensOrderSecond = Decay.slope(logEta, log(ensSecond));
        double exactOrderMeanThere = Decay.slope(logEta, log(where(errMean, ensMean)));
        double exactOrderSecondThere = Decay.slope(logEta, log(where(errSecond, ensSecond)));
        double maxZ = Math.max(maxAbs(zMean), maxAbs(zSecond));
        int ensCount = (int) java.util.Arrays.stream(ensMean).filter(Double::isFinite).count();
        double orderMean = Decay.slope(logEta, logMean);
        double orderSecond = Decay.slope(logEta, logSecond);
        double[] fitMean = new double[n];
        double[] fitSecond = new double[n];
        double cm = Math.exp(mean(logMean) - orderMean * mean(logEta));
        double cs = Math.exp(mean(logSecond) - orderSecond * mean(logEta));
        for (int i = 0; i < n; i++) {
            fitMean[i] = cm * Math.pow(eta[i], orderMean);
            fitSecond[i] = cs * Math.pow(eta[i], orderSecond);
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
                + Fmt.f("; an SME ensemble (splitting scheme, N = %d paths) measures the same errors at the %d largest"
                        + " eta within %.1f standard errors of the exact SME (local order %.2f and %.2f over those eta;"
                        + " the exact errors give %.2f and %.2f there)", runs, ensCount, maxZ, ensOrderMean, ensOrderSecond,
                        exactOrderMeanThere, exactOrderSecondThere);
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
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("kappa", KAPPA);
        numbers.put("horizon", HORIZON);
        numbers.put("eta", eta);
        numbers.put("weakErrorMean", errMean);
        numbers.put("weakErrorSecondMoment", errSecond);
        numbers.put("orderMean", orderMean);
        numbers.put("orderSecondMoment", orderSecond);
        numbers.put("ensembleRuns", runs);
        numbers.put("ensembleScheme", "splitting");
        numbers.put("ensembleWeakErrorMean", ensMean);
        numbers.put("ensembleWeakErrorMeanStdErr", ensMeanSe);
        numbers.put("ensembleWeakErrorSecondMoment", ensSecond);
        numbers.put("ensembleWeakErrorSecondMomentStdErr", ensSecondSe);
        numbers.put("ensembleZMeanAgainstExactSme", zMean);
        numbers.put("ensembleZSecondMomentAgainstExactSme", zSecond);
        numbers.put("ensembleMaxAbsZ", maxZ);
        numbers.put("ensembleOrderMean", ensOrderMean);
        numbers.put("ensembleOrderSecondMoment", ensOrderSecond);
        numbers.put("exactOrderMeanAtEnsembleEta", exactOrderMeanThere);
        numbers.put("exactOrderSecondMomentAtEnsembleEta", exactOrderSecondThere);
        return new ExperimentResult(section, numbers);
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** @return v where mask is finite, NaN elsewhere */
    private static double[] where(double[] v, double[] mask) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Double.isFinite(mask[i]) ? v[i] : Double.NaN;
        }
        return r;
    }

    private static double[] log(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.log(v[i]);
        }
        return r;
    }

    private static double maxAbs(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Double.isNaN(m) ? Math.abs(x) : Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
