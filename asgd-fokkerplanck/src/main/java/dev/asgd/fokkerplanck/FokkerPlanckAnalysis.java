package dev.asgd.fokkerplanck;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.fokkerplanck.hermite.CrankNicolsonIntegrator;
import dev.asgd.fokkerplanck.hermite.Functionals;
import dev.asgd.fokkerplanck.hermite.GaussianCoefficients;
import dev.asgd.fokkerplanck.hermite.HermiteBasis;
import dev.asgd.fokkerplanck.hermite.HermiteGalerkinOperator;
import dev.asgd.fokkerplanck.hermite.SteadyState;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.TheoremConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Solves (2.4) for one problem and initial condition: the discrete spectrum and its gap, the
 * steady state F, the fluctuation h = (g - F) / M integrated in time (h itself is evolved, so
 * ||h||_*^2 keeps its relative accuracy down to any level), the series of ||h||_*^2 and H, the
 * measured decay rates and a convergence study over the truncation degree.
 */
public final class FokkerPlanckAnalysis {
    /** Relative Hermite tail of the initial density above which the degree is refused. */
    public static final double MAX_INITIAL_TAIL = 1e-4;

    /** Modes whose real parts lie within this relative distance of the rate's beat in ||h||^2. */
    static final double BEAT_GROUP = 0.1;

    private FokkerPlanckAnalysis() {
    }

    /**
     * @param problem the problem
     * @param initial the initial condition
     * @param settings how to run
     * @param progress receives the fraction done, in [0, 1] (may be null)
     * @return the result
     */
    public static FokkerPlanckResult run(FokkerPlanckProblem problem, InitialCondition initial, RunSettings settings,
            DoubleConsumer progress) {
        DoubleConsumer report = progress == null ? f -> { } : progress;
        int d = problem.dimension();
        double gamma = problem.gamma();
        int slowest = 0;
        for (int c = 1; c < d; c++) {
            if (DecayRates.muSharp(gamma, problem.omega0()[c]) < DecayRates.muSharp(gamma, problem.omega0()[slowest])) {
                slowest = c;
            }
        }
        double muSharp = DecayRates.muSharp(gamma, problem.omega0()[slowest]);
        double muPaper = DecayRates.muPaper(gamma, problem.omega0()[slowest]);
        double eps0 = problem.perturbation().epsilon0(d);
        double epsilon = TheoremConstants.of(problem.sme(slowest), problem.omega0()[slowest]).epsilon(eps0);

        HermiteGalerkinOperator op = problem.operator();
        SpectralGap spectrum = SpectralGap.of(op);
        report.accept(0.05);
        double[] f = SteadyState.coefficients(op);
        double steadyResidual = SteadyState.residual(op, f);
        List<double[]> steadyMoments = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            steadyMoments.add(Functionals.moments(op, f, c));
        }
        double[] u0 = new double[op.size()];
        double tail = initialCoefficients(problem, op, initial, steadyMoments, u0);

        double degree2 = spectrum.slowestEvenRate();
        boolean centred = initial instanceof InitialCondition.Centred && problem.perturbation() != null
                && isOdd(problem.perturbation());
        SpectralGap.Mode even = spectrum.slowestEven();
        double expected = centred && even != null ? degree2 : spectrum.gap();
        double[] lambda = centred && even != null ? new double[] {even.re(), even.im()} : spectrum.gapEigenvalue();
        lambda = new double[] {lambda[0], beatFrequency(spectrum, lambda[0])};

        Trajectory fine = integrate(problem, op, f, u0, settings, spectrum.gap(), lambda, report, 0.1, 0.85);
        List<FokkerPlanckResult.StudyRow> study = new ArrayList<>();
        double gapError = Double.NaN;
        double rateError = Double.NaN;
        if (settings.convergenceStudy()) {
            int n = problem.degree();
            int[] degrees = {Math.max(2, n / 4), Math.max(2, n / 2), Math.max(2, 3 * n / 4)};
            int previous = -1;
            for (int k : degrees) {
                if (k == previous || k >= n) {
                    continue;
                }
                previous = k;
                HermiteGalerkinOperator low = problem.withDegree(k).operator();
                double rate = Double.NaN;
                if (k == degrees[2]) {
                    double[] fl = SteadyState.coefficients(low);
                    double[] ul = new double[low.size()];
                    initialCoefficients(problem.withDegree(k), low, initial, steadyMoments, ul);
                    RunSettings fixed = new RunSettings(fine.horizon, fine.dt, settings.points(), false, 0);
                    rate = integrate(problem, low, fl, ul, fixed, spectrum.gap(), lambda, report, 0.85, 1.0).rate;
                    rateError = Math.abs(rate - fine.rate);
                }
                double g = SpectralGap.of(low).gap();
                study.add(new FokkerPlanckResult.StudyRow(k, g, rate));
                gapError = Math.abs(g - spectrum.gap());
            }
        }
        study.add(new FokkerPlanckResult.StudyRow(problem.degree(), spectrum.gap(), fine.rate));
        report.accept(1);
        return new FokkerPlanckResult(problem, initial.label(), muSharp, muPaper, eps0, epsilon, spectrum, degree2,
                expected, fine.series, fine.rate, fine.rateH, fine.window, fine.dt, fine.steps, steadyResidual,
                steadyMoments, fine.massDefect, tail, study, gapError, rateError, fine.snapshots);
    }

    /**
     * ||h||^2 of the modes sharing the slowest real part oscillates at the differences of their
     * imaginary parts (for the OU spectrum an arithmetic progression of step 2 omega_d): returns
     * half the smallest positive difference, so that pi / it is the period of ||h||^2 (0 if none).
     */
    static double beatFrequency(SpectralGap spectrum, double re) {
        List<Double> ims = new ArrayList<>();
        for (SpectralGap.Mode m : spectrum.modes()) {
            if (Math.abs(m.re() - re) <= BEAT_GROUP * Math.abs(re)) {
                ims.add(m.im());
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (double a : ims) {
            for (double b : ims) {
                double d = Math.abs(a - b);
                if (d > 1e-9 * Math.abs(re) && d < best) {
                    best = d;
                }
            }
        }
        return Double.isInfinite(best) ? 0 : best / 2;
    }

    /** Whether eps is odd (checked at a few points), so that parity is a symmetry of (2.4). */
    static boolean isOdd(dev.asgd.core.perturbation.Perturbation eps) {
        for (double t : new double[] {0.3, 1.1, 2.7, 5.3}) {
            if (Math.abs(eps.value(t) + eps.value(-t)) > 1e-14 * (1 + Math.abs(eps.value(t)))) {
                return false;
            }
        }
        return true;
    }

    /** Fills u0 with g0 / M; returns the relative tail beyond the degree (NaN if not computable). */
    static double initialCoefficients(FokkerPlanckProblem problem, HermiteGalerkinOperator op, InitialCondition initial,
            List<double[]> steadyMoments, double[] u0) {
        int d = problem.dimension();
        int n = problem.degree();
        double[][] pair = new double[d][];
        double logExact = 0;
        for (int c = 0; c < d; c++) {
            double[] sm = steadyMoments.get(c);
            InitialCondition.PhaseGaussian g = initial.state(problem, c, new double[] {sm[0], sm[1]});
            double w = problem.omega0()[c];
            double beta = problem.sme(c).beta();
            double[] mu = g.scaledMean(w, beta);
            double[][] s = g.scaledCovariance(w, beta);
            double logNorm = GaussianCoefficients.logSquaredNorm(mu, s);
            if (Double.isInfinite(logNorm)) {
                throw new InvalidParameterException("initial", initial.label(),
                        "an initial covariance below twice the equilibrium's (else g0/M is not in L^2(M))");
            }
            logExact += logNorm;
            pair[c] = GaussianCoefficients.coefficients(mu, s, n);
        }
        HermiteBasis basis = op.basis();
        double resolved = 0;
        for (int i = 0; i < basis.size(); i++) {
            double v = 1;
            for (int c = 0; c < d; c++) {
                v *= pair[c][basis.pair(c, i)];
            }
            u0[i] = v;
            resolved += v * v;
        }
        // tail / ||g0/M - 1||^2 = (exact - resolved) / (exact - 1), in logs (exact may overflow).
        double tail = Math.max(0, -Math.expm1(Math.log(resolved) - logExact)) / -Math.expm1(-logExact);
        if (tail > MAX_INITIAL_TAIL) {
            throw new InvalidParameterException("degree", n, "a degree that resolves the initial density: its Hermite"
                    + " tail beyond degree " + n + " is " + String.format(java.util.Locale.ROOT, "%.3g", tail)
                    + " of ||g0/M - 1||^2 (raise --degree, or start nearer the equilibrium: smaller |theta0|,"
                    + " larger sigma, or a covariance nearer M's)");
        }
        return tail;
    }

    /** The outcome of one time integration. */
    private static final class Trajectory {
        List<FokkerPlanckResult.Point> series = new ArrayList<>();
        List<FokkerPlanckResult.Snapshot> snapshots = new ArrayList<>();
        double rate;
        double rateH;
        double[] window;
        double dt;
        double horizon;
        long steps;
        double massDefect;
    }

    private static Trajectory integrate(FokkerPlanckProblem problem, HermiteGalerkinOperator op, double[] f,
            double[] u0, RunSettings settings, double gap, double[] lambda, DoubleConsumer report, double from,
            double to) {
        int d = problem.dimension();
        double[] c = new double[d];
        double[] cHat = new double[d];
        for (int i = 0; i < d; i++) {
            TheoremConstants tc = TheoremConstants.of(problem.sme(i), problem.omega0()[i]);
            c[i] = tc.c();
            cHat[i] = tc.cHat();
        }
        Trajectory tr = new Trajectory();
        double horizon = settings.horizon() == null ? 12 / gap : settings.horizon();
        double modulus = Math.hypot(lambda[0], lambda[1]);
        double dt = settings.timeStep() == null ? 0.02 / modulus : settings.timeStep();
        double period = lambda[1] == 0 ? Double.NaN : Math.PI / Math.abs(lambda[1]);
        double windowLength = horizon / 2;
        if (!Double.isNaN(period) && period <= horizon / 2) {
            windowLength = period * Math.floor((horizon / 2) / period);
            if (settings.timeStep() == null) {
                dt = period / Math.ceil(period / dt);
            }
        }
        long steps = Math.max(1, Math.round(horizon / dt));
        if (steps > 2_000_000) {
            if (settings.timeStep() == null && settings.horizon() != null) {
                throw new InvalidParameterException("time", settings.horizon(), String.format(java.util.Locale.ROOT,
                        "time <= %.6g (at most 2e6 steps of the automatic time-step %.6g; or give --time-step)",
                        2e6 * dt, dt));
            }
            throw new InvalidParameterException("time-step", dt, "a step giving at most 2e6 steps over time " + horizon);
        }
        horizon = steps * dt;
        long windowSteps = Math.max(1, Math.min(steps, Math.round(windowLength / dt)));
        long windowStart = steps - windowSteps;
        tr.dt = dt;
        tr.horizon = horizon;
        tr.steps = steps;
        tr.window = new double[] {windowStart * dt, steps * dt};

        double[] h = new double[u0.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = u0[i] - f[i];
        }
        CrankNicolsonIntegrator cn = new CrankNicolsonIntegrator(op, dt);
        int points = settings.points();
        long[] recordAt = new long[points];
        for (int i = 0; i < points; i++) {
            recordAt[i] = Math.round((double) i * steps / (points - 1));
        }
        long[] snapAt = snapshotSteps(settings.snapshots(), steps, gap, dt);
        int nextRecord = 0;
        int nextSnap = 0;
        double deltaT = problem.deltaT();
        double startH = 0;
        double startL = 0;
        for (long k = 0; k <= steps; k++) {
            if (k > 0) {
                cn.step(h);
            }
            double norm = Functionals.normSquared(h);
            if (!Double.isFinite(norm)) {
                throw new NumericalDivergenceException(k, "Hermite coefficients (degree " + problem.degree() + ")", norm,
                        "||h||_*^2 not finite");
            }
            tr.massDefect = Math.max(tr.massDefect, Math.abs(h[0]));
            boolean record = nextRecord < points && recordAt[nextRecord] == k;
            if (record || k == windowStart || k == steps) {
                double lyap = Functionals.lyapunov(op, h, c, cHat);
                if (k == windowStart) {
                    startH = norm;
                    startL = lyap;
                }
                if (k == steps) {
                    double len = 2 * (tr.window[1] - tr.window[0]);
                    tr.rate = -Math.log(norm / startH) / len;
                    tr.rateH = -Math.log(lyap / startL) / len;
                }
                while (nextRecord < points && recordAt[nextRecord] == k) {
                    double t = k * dt;
                    tr.series.add(new FokkerPlanckResult.Point(t, t / deltaT, norm, lyap));
                    nextRecord++;
                }
            }
            while (nextSnap < snapAt.length && snapAt[nextSnap] == k) {
                double[] u = new double[h.length];
                for (int i = 0; i < u.length; i++) {
                    u[i] = f[i] + h[i];
                }
                tr.snapshots.add(new FokkerPlanckResult.Snapshot(k * dt, u));
                nextSnap++;
            }
            if ((k & 63) == 0) {
                report.accept(from + (to - from) * k / (double) steps);
            }
        }
        return tr;
    }

    private static long[] snapshotSteps(int count, long steps, double gap, double dt) {
        if (count == 0) {
            return new long[0];
        }
        long[] s = new long[count];
        for (int i = 0; i < count; i++) {
            // 0, then geometric towards the horizon: the early transport is where the density moves.
            double frac = count == 1 ? 0 : Math.pow((double) i / (count - 1), 2);
            s[i] = Math.round(frac * steps);
        }
        java.util.Arrays.sort(s);
        return s;
    }

    /**
     * @param problem a problem
     * @return the number of unknowns its Hermite basis has
     */
    public static long unknowns(FokkerPlanckProblem problem) {
        return HermiteBasis.count(problem.dimension(), problem.degree());
    }
}
