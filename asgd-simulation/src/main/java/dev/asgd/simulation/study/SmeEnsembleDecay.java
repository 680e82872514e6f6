package dev.asgd.simulation.study;

import dev.asgd.core.fit.WindowDecay;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeEnsemble;
import dev.asgd.simulation.sde.SdeProblem;
import dev.asgd.simulation.sde.SdeResult;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.SmeDecay;
import java.util.List;

/**
 * Ensembles of the SME (2.2) of one quadratic mode, integrated path by path by the weak-order-2
 * splitting ({@link SchemeKind#SPLITTING}, kick / exact free Ornstein-Uhlenbeck / kick) of
 * asgd-simulation's {@code sde} package at h = deltaT (one SME step per ASGD step): a Monte Carlo
 * computation of the SME that shares no code with its exact Gaussian moments ({@link SmeDecay},
 * {@code LinearSme}'s matrix exponential and Lyapunov equation). Theta_0 = theta0,
 * Y_0 = -sqrt(eta/(1 - kappa)) omega0^2 theta0. Results do not depend on the thread count.
 */
public final class SmeEnsembleDecay {
    /** The integrator of every ensemble here: the weak-order-2 splitting. */
    public static final SchemeKind SCHEME = SchemeKind.SPLITTING;

    private static final double DIVERGENCE_BOUND = 1e6;
    /** e-folds of the exact squared mean over the horizon of {@link #meanDecayPerUnitTime}. */
    static final double E_FOLDS = 12;
    /** Gradient-noise level of {@link #meanDecayPerUnitTime} (the mean's ODE does not depend on it). */
    static final double RATE_SIGMA = 0.01;

    private SmeEnsembleDecay() {
    }

    /**
     * E Theta and E Theta^2 of the SME after K ASGD steps (SME time K deltaT), by an ensemble.
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue (minimizer 0)
     * @param sigma gradient-noise standard deviation
     * @param theta0 Theta_0
     * @param steps K
     * @param runs paths N
     * @param seed seed (path c uses stream c)
     * @param threads threads (the result does not depend on them)
     * @return the ensemble's moments at step K with their standard errors
     */
    public static Moments momentsAt(double eta, double kappa, double omega0, double sigma, double theta0, long steps,
            int runs, long seed, int threads) {
        SdeResult r = run(eta, kappa, omega0, sigma, theta0, steps, steps, runs, seed, threads);
        SeriesPoint p = r.last();
        return new Moments(p.step(), p.time(), p.mean()[0], p.meanStdErr()[0], p.secondMoment(),
                p.secondMomentStdErr(), runs);
    }

    /**
     * The decay exponent of the squared ensemble mean (E Theta(t))^2 per unit SME time (Theta_0 = 1,
     * sigma = 0.01: the mean's ODE does not depend on sigma, and the small noise lets the ensemble
     * mean stay far above its standard error while the exact squared mean falls by e^-12), read off
     * its root-mean-square over two windows ({@link WindowDecay#exponent}). Beside it: the same estimator
     * applied to the exact SME mean at the same record times (so that the window's bias near the
     * critical point, where the mean carries a factor 1 + t, cancels in the comparison), and the
     * asymptotic exponent of {@link SmeDecay#decayPerUnitTime}.
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param runs paths N
     * @param seed seed
     * @param threads threads (the result does not depend on them)
     * @return the ensemble's exponent, the exact windowed and asymptotic ones, and the end's relative standard error
     */
    public static Rate meanDecayPerUnitTime(double eta, double kappa, double omega0, int runs, long seed, int threads) {
        double exact = SmeDecay.decayPerUnitTime(eta, kappa, omega0);
        SmeParameters p = SmeParameters.of(eta, kappa, omega0, RATE_SIGMA);
        LinearSme sme = LinearSme.of(p, omega0);
        double deltaT = p.deltaT();
        double y0 = -Math.sqrt(eta / (1 - kappa)) * omega0 * omega0;
        long steps = (long) Math.ceil(E_FOLDS / (exact * deltaT));
        long every = Math.max(1, steps / 200);
        SdeResult r = run(eta, kappa, omega0, RATE_SIGMA, 1, steps, every, runs, seed, threads);
        List<SeriesPoint> s = r.series();
        double[] log = new double[s.size()];
        double[] logExact = new double[s.size()];
        for (int i = 0; i < log.length; i++) {
            double m = s.get(i).mean()[0];
            log[i] = Math.log(m * m);
            double e = sme.mean(s.get(i).step() * deltaT, 1, y0)[0];
            logExact[i] = Math.log(e * e);
        }
        int window = Math.max(2, log.length / 10);
        double value = WindowDecay.exponent(log, every * deltaT, window);
        double windowed = WindowDecay.exponent(logExact, every * deltaT, window);
        double relErr = s.get(s.size() - 1).meanStdErr()[0] / Math.exp(-0.5 * E_FOLDS);
        return new Rate(value, windowed, exact, relErr, steps, runs);
    }

    private static SdeResult run(double eta, double kappa, double omega0, double sigma, double theta0, long steps,
            long every, int runs, long seed, int threads) {
        SdeProblem problem = new SdeProblem(QuadraticLoss.of(omega0), eta, kappa, new double[] {sigma},
                new double[] {theta0});
        SdeConfig c = new SdeConfig(problem, SCHEME, 1, steps, every, runs, seed, threads,
                DIVERGENCE_BOUND, new double[0]);
        return SdeEnsemble.run(c, null);
    }

    /**
     * An ensemble's moments at one time.
     *
     * @param step K
     * @param time SME time K deltaT
     * @param mean E Theta
     * @param meanStdErr its standard error
     * @param secondMoment E Theta^2
     * @param secondMomentStdErr its standard error
     * @param runs paths
     */
    public record Moments(long step, double time, double mean, double meanStdErr, double secondMoment,
            double secondMomentStdErr, int runs) {
    }

    /**
     * An ensemble's decay exponent and the exact one it estimates.
     *
     * @param value the ensemble's exponent of (E Theta)^2 per unit SME time
     * @param exactWindowed the same estimator on the exact SME mean at the same times
     * @param exact the exact asymptotic exponent, -2 ln rho(exp(A deltaT)) / deltaT
     * @param endRelStdErr the ensemble mean's standard error at the end over the exact mean's envelope there
     * @param steps ASGD steps integrated
     * @param runs paths
     */
    public record Rate(double value, double exactWindowed, double exact, double endRelStdErr, long steps, int runs) {
    }
}
