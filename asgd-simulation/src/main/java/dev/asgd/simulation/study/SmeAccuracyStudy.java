package dev.asgd.simulation.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.compare.CompareConfig;
import dev.asgd.simulation.compare.Comparison;
import dev.asgd.simulation.compare.EtaSweep;
import dev.asgd.simulation.compare.OrderFit;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The SME's accuracy (section 2, after An, Lu and Ying): the weak error between discrete ASGD and
 * the SME (2.2) of one quadratic mode at a fixed SME time T, against eta, for the test functions
 * theta and theta^2, with the fitted orders ({@link OrderFit}): an {@link EtaSweep} of exact
 * comparisons ({@link dev.asgd.simulation.compare.SmeComparison}: the discrete moments from their
 * closed recursion, the SME's from its Gaussian solution) with one record at K = round(T / deltaT)
 * steps, Y0 = -sqrt(eta / (1 - kappa)) grad f(theta0). At a few of the
 * largest eta an SME ensemble ({@link SmeEnsembleDecay#momentsAt}) measures the same weak errors
 * against the exact discrete moments a second, independent way, with standard errors and its
 * z-scores against the exact SME.
 */
public final class SmeAccuracyStudy {
    /** Level of the order fits' intervals (the orders themselves do not depend on it). */
    static final double CONFIDENCE = 0.95;
    /** Unused by exact comparisons; required by {@link CompareConfig}. */
    private static final double DIVERGENCE_BOUND = 1e6;
    /** The comparisons' verdict tolerance (the study reports errors, not verdicts). */
    private static final double VERDICT_TOLERANCE = 0.1;

    private SmeAccuracyStudy() {
    }

    /**
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma gradient-noise standard deviation
     * @param theta0 the deterministic start
     * @param horizon the SME time T
     * @param eta the learning rates, increasing
     * @param ensembleEtas at how many of the largest eta the ensemble runs
     * @param ensembleStride every how many of them (1: each, 2: every other one)
     * @param runs paths per ensemble
     * @param seed the ensemble at index i uses seed + i
     * @param threads threads (the result does not depend on them)
     */
    public record Parameters(double kappa, double omega0, double sigma, double theta0, double horizon, double[] eta,
            int ensembleEtas, int ensembleStride, int runs, long seed, int threads) {
        /** Validates and copies. */
        public Parameters {
            if (eta == null || eta.length < 2) {
                throw new InvalidParameterException("eta", eta == null ? "(none)" : eta.length, "two or more eta");
            }
            if (ensembleStride < 1) {
                throw new InvalidParameterException("ensembleStride", ensembleStride, "ensembleStride >= 1");
            }
            eta = eta.clone();
        }

        /**
         * @param i an index of {@link #eta()}
         * @return whether the ensemble runs there
         */
        public boolean ensembleAt(int i) {
            int n = eta.length;
            return (n - 1 - i) % ensembleStride == 0 && (n - 1 - i) / ensembleStride < ensembleEtas;
        }
    }

    /**
     * Per eta (arrays) and fitted over eta (scalars); ensemble entries are NaN where it did not run.
     *
     * @param kappa staleness rate
     * @param horizon the SME time T
     * @param eta the learning rates
     * @param steps K = round(T / deltaT)
     * @param discreteMean E theta_K
     * @param smeMean E Theta(K deltaT)
     * @param weakErrorMean |E theta_K - E Theta|
     * @param discreteSecondMoment E theta_K^2
     * @param smeSecondMoment E Theta^2
     * @param weakErrorSecondMoment |E theta_K^2 - E Theta^2|
     * @param orderMean the fitted order of weakErrorMean in eta
     * @param orderMeanLow the lower end of its confidence interval
     * @param orderMeanHigh the upper end
     * @param orderSecondMoment the fitted order of weakErrorSecondMoment
     * @param orderSecondMomentLow the lower end of its confidence interval
     * @param orderSecondMomentHigh the upper end
     * @param fitMean C eta^orderMean, the fitted line through the centroid of the log-log points used
     * @param fitSecondMoment C eta^orderSecondMoment likewise
     * @param ensembleRuns paths per ensemble
     * @param ensembleScheme the ensemble's integrator
     * @param ensembleCount at how many eta the ensemble ran
     * @param ensembleWeakErrorMean |E theta_K - ensemble mean|
     * @param ensembleWeakErrorMeanStdErr its standard error
     * @param ensembleWeakErrorSecondMoment |E theta_K^2 - ensemble second moment|
     * @param ensembleWeakErrorSecondMomentStdErr its standard error
     * @param ensembleZMeanAgainstExactSme (ensemble mean - exact SME mean) / standard error
     * @param ensembleZSecondMomentAgainstExactSme likewise for the second moment
     * @param ensembleMaxAbsZ the largest |z| (NaN when the ensemble did not run)
     * @param ensembleOrderMean the fitted order of ensembleWeakErrorMean
     * @param ensembleOrderSecondMoment the fitted order of ensembleWeakErrorSecondMoment
     * @param exactOrderMeanAtEnsembleEta the order of weakErrorMean over the ensemble's eta
     * @param exactOrderSecondMomentAtEnsembleEta the order of weakErrorSecondMoment there
     */
    public record Result(double kappa, double horizon, double[] eta, long[] steps, double[] discreteMean,
            double[] smeMean, double[] weakErrorMean, double[] discreteSecondMoment, double[] smeSecondMoment,
            double[] weakErrorSecondMoment, double orderMean, double orderMeanLow, double orderMeanHigh,
            double orderSecondMoment, double orderSecondMomentLow, double orderSecondMomentHigh, double[] fitMean,
            double[] fitSecondMoment, int ensembleRuns, String ensembleScheme, int ensembleCount, double[] ensembleWeakErrorMean,
            double[] ensembleWeakErrorMeanStdErr, double[] ensembleWeakErrorSecondMoment,
            double[] ensembleWeakErrorSecondMomentStdErr, double[] ensembleZMeanAgainstExactSme,
            double[] ensembleZSecondMomentAgainstExactSme, double ensembleMaxAbsZ, double ensembleOrderMean,
            double ensembleOrderSecondMoment, double exactOrderMeanAtEnsembleEta,
            double exactOrderSecondMomentAtEnsembleEta) {
    }

    /**
     * @param p the parameters
     * @param progress told the number of eta done (may be null)
     * @return the weak errors and their orders
     */
    public static Result run(Parameters p, IntConsumer progress) {
        double[] eta = p.eta();
        int n = eta.length;
        long[] stepsAt = new long[n];
        double[] dMean = new double[n];
        double[] sMean = new double[n];
        double[] dSecond = new double[n];
        double[] sSecond = new double[n];
        double[] errMean = new double[n];
        double[] errSecond = new double[n];
        double[] ensMean = nan(n);
        double[] ensMeanSe = nan(n);
        double[] ensSecond = nan(n);
        double[] ensSecondSe = nan(n);
        double[] zMean = nan(n);
        double[] zSecond = nan(n);
        double kappa = p.kappa();
        double omega = p.omega0();
        List<CompareConfig> configs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SdeProblem problem = new SdeProblem(QuadraticLoss.of(omega), eta[i], kappa, new double[] {p.sigma()},
                    new double[] {p.theta0()});
            stepsAt[i] = Math.round(p.horizon() / problem.deltaT());
            // exact on both sides, one record at the end: the weak error at SME time K deltaT
            configs.add(new CompareConfig(problem, new GeometricStaleness(kappa), stepsAt[i], stepsAt[i], 1, p.seed(),
                    1, SchemeKind.SPLITTING, 1, DIVERGENCE_BOUND, VERDICT_TOLERANCE));
        }
        EtaSweep sweep = EtaSweep.run(configs, CONFIDENCE, null);
        for (int i = 0; i < n; i++) {
            Comparison c = sweep.rows().get(i);
            SeriesPoint d = c.exactAsgd().get(c.exactAsgd().size() - 1);
            SeriesPoint s = c.sme().get(c.sme().size() - 1);
            dMean[i] = d.mean()[0];
            dSecond[i] = d.secondMoment();
            sMean[i] = s.mean()[0];
            sSecond[i] = s.secondMoment();
            errMean[i] = c.weakError().meanMax();
            errSecond[i] = c.weakError().secondMomentMax();
            if (p.ensembleAt(i)) {
                SmeEnsembleDecay.Moments e = SmeEnsembleDecay.momentsAt(eta[i], kappa, omega, p.sigma(), p.theta0(),
                        stepsAt[i], p.runs(), p.seed() + i, p.threads());
                ensMean[i] = Math.abs(dMean[i] - e.mean());
                ensMeanSe[i] = e.meanStdErr();
                ensSecond[i] = Math.abs(dSecond[i] - e.secondMoment());
                ensSecondSe[i] = e.secondMomentStdErr();
                zMean[i] = (e.mean() - sMean[i]) / e.meanStdErr();
                zSecond[i] = (e.secondMoment() - sSecond[i]) / e.secondMomentStdErr();
            }
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        OrderFit meanFit = sweep.meanOrder();
        OrderFit secondFit = sweep.secondMomentOrder();
        int ensCount = (int) Arrays.stream(ensMean).filter(Double::isFinite).count();
        return new Result(kappa, p.horizon(), eta.clone(), stepsAt, dMean, sMean, errMean, dSecond, sSecond, errSecond,
                order(meanFit), low(meanFit), high(meanFit), order(secondFit), low(secondFit), high(secondFit),
                fitted(meanFit, eta), fitted(secondFit, eta), p.runs(), SmeEnsembleDecay.SCHEME.label(), ensCount,
                ensMean, ensMeanSe, ensSecond,
                ensSecondSe, zMean, zSecond, Math.max(maxAbs(zMean), maxAbs(zSecond)),
                order(OrderFit.fit(eta, ensMean, CONFIDENCE)), order(OrderFit.fit(eta, ensSecond, CONFIDENCE)),
                order(OrderFit.fit(eta, where(errMean, ensMean), CONFIDENCE)),
                order(OrderFit.fit(eta, where(errSecond, ensSecond), CONFIDENCE)));
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
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

    /** @return the lower end of the order's interval, NaN without a fit */
    private static double low(OrderFit fit) {
        return fit == null ? Double.NaN : fit.low();
    }

    /** @return the upper end of the order's interval, NaN without a fit */
    private static double high(OrderFit fit) {
        return fit == null ? Double.NaN : fit.high();
    }

    /** @return the fitted errors C eta^p at each eta, NaN without a fit */
    private static double[] fitted(OrderFit fit, double[] eta) {
        double[] v = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            v[i] = fit == null ? Double.NaN : fit.at(eta[i]);
        }
        return v;
    }

    /** @return the fitted order, NaN without a fit (fewer than two usable points) */
    private static double order(OrderFit fit) {
        return fit == null ? Double.NaN : fit.order();
    }

    /** @return the largest |x| over the finite entries, NaN when there are none */
    private static double maxAbs(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Double.isNaN(m) ? Math.abs(x) : Math.max(m, Math.abs(x));
            }
        }
        return m;
    }
}
