package dev.asgd.simulation.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.fit.Line;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentPoint;
import dev.asgd.theory.moments.MomentProblem;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The SME's accuracy (section 2, after An, Lu and Ying): the weak error between discrete ASGD and
 * the SME (2.2) of one quadratic mode at a fixed SME time T, against eta, for the test functions
 * theta and theta^2, with the fitted orders ({@link Line}: least-squares slope of ln error on
 * ln eta). Both sides are exact: the discrete moments from their closed recursion
 * ({@link ExactMoments}), the SME's from its Gaussian solution ({@link LinearSme}) at t = K deltaT,
 * K = round(T / deltaT), with Y0 = -sqrt(eta / (1 - kappa)) omega0^2 theta0. At a few of the
 * largest eta an SME ensemble ({@link SmeEnsembleDecay#momentsAt}) measures the same weak errors
 * against the exact discrete moments a second, independent way, with standard errors and its
 * z-scores against the exact SME.
 */
public final class SmeAccuracyStudy {
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
     * @param orderSecondMoment the fitted order of weakErrorSecondMoment
     * @param fitMean C eta^orderMean through the centroid of the log-log points
     * @param fitSecondMoment C eta^orderSecondMoment likewise
     * @param ensembleRuns paths per ensemble
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
            double[] weakErrorSecondMoment, double orderMean, double orderSecondMoment, double[] fitMean,
            double[] fitSecondMoment, int ensembleRuns, int ensembleCount, double[] ensembleWeakErrorMean,
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
        double[] logEta = new double[n];
        double[] logMean = new double[n];
        double[] logSecond = new double[n];
        double[] ensMean = nan(n);
        double[] ensMeanSe = nan(n);
        double[] ensSecond = nan(n);
        double[] ensSecondSe = nan(n);
        double[] zMean = nan(n);
        double[] zSecond = nan(n);
        double kappa = p.kappa();
        double omega = p.omega0();
        for (int i = 0; i < n; i++) {
            SmeParameters sp = SmeParameters.of(eta[i], kappa, omega, p.sigma());
            long steps = Math.round(p.horizon() / sp.deltaT());
            ExactMoments d = ExactMoments.of(new MomentProblem(eta[i], new double[] {omega}, new double[] {p.sigma()},
                    new double[] {p.theta0()}, new double[] {0}, new GeometricStaleness(kappa)));
            for (long k = 0; k < steps; k++) {
                d.step();
            }
            MomentPoint dm = d.current();
            double t = steps * sp.deltaT();
            LinearSme sde = LinearSme.of(sp, omega);
            double y0 = -Math.sqrt(eta[i] / (1 - kappa)) * omega * omega * p.theta0();
            double mean = sde.mean(t, p.theta0(), y0)[0];
            double second = sde.covariance(t, new Matrix2(0, 0, 0, 0)).a() + mean * mean;
            stepsAt[i] = steps;
            dMean[i] = dm.mean()[0];
            dSecond[i] = dm.secondMoment();
            sMean[i] = mean;
            sSecond[i] = second;
            errMean[i] = Math.abs(dMean[i] - mean);
            errSecond[i] = Math.abs(dSecond[i] - second);
            logEta[i] = Math.log(eta[i]);
            logMean[i] = Math.log(errMean[i]);
            logSecond[i] = Math.log(errSecond[i]);
            if (p.ensembleAt(i)) {
                SmeEnsembleDecay.Moments e = SmeEnsembleDecay.momentsAt(eta[i], kappa, omega, p.sigma(), p.theta0(),
                        steps, p.runs(), p.seed() + i, p.threads());
                ensMean[i] = Math.abs(dMean[i] - e.mean());
                ensMeanSe[i] = e.meanStdErr();
                ensSecond[i] = Math.abs(dSecond[i] - e.secondMoment());
                ensSecondSe[i] = e.secondMomentStdErr();
                zMean[i] = (e.mean() - mean) / e.meanStdErr();
                zSecond[i] = (e.secondMoment() - second) / e.secondMomentStdErr();
            }
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        double orderMean = Line.fitFinite(logEta, logMean).slope();
        double orderSecond = Line.fitFinite(logEta, logSecond).slope();
        double[] fitMean = new double[n];
        double[] fitSecond = new double[n];
        double cm = Math.exp(mean(logMean) - orderMean * mean(logEta));
        double cs = Math.exp(mean(logSecond) - orderSecond * mean(logEta));
        for (int i = 0; i < n; i++) {
            fitMean[i] = cm * Math.pow(eta[i], orderMean);
            fitSecond[i] = cs * Math.pow(eta[i], orderSecond);
        }
        int ensCount = (int) Arrays.stream(ensMean).filter(Double::isFinite).count();
        return new Result(kappa, p.horizon(), eta.clone(), stepsAt, dMean, sMean, errMean, dSecond, sSecond, errSecond,
                orderMean, orderSecond, fitMean, fitSecond, p.runs(), ensCount, ensMean, ensMeanSe, ensSecond,
                ensSecondSe, zMean, zSecond, Math.max(maxAbs(zMean), maxAbs(zSecond)),
                Line.fitFinite(logEta, log(ensMean)).slope(), Line.fitFinite(logEta, log(ensSecond)).slope(),
                Line.fitFinite(logEta, log(where(errMean, ensMean))).slope(),
                Line.fitFinite(logEta, log(where(errSecond, ensSecond))).slope());
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

    private static double[] log(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.log(v[i]);
        }
        return r;
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

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
