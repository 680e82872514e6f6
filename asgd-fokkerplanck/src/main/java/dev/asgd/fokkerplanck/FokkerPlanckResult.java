package dev.asgd.fokkerplanck;

import dev.asgd.theory.DampingRegime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a Fokker-Planck run produces.
 *
 * @param problem the problem solved
 * @param initial the initial condition's label
 * @param muSharp min Re eig(Q) of the slowest coordinate (the true gap)
 * @param muPaper the printed mu, 2 muSharp (the rate of the degree-2 modes)
 * @param epsilon0 the finite part of Assumption 3.1's bound
 * @param epsilon epsilon0 C1 of the slowest coordinate
 * @param spectrum the discrete spectrum and its gap
 * @param degree2Rate the slowest even mode's |Re| (the degree-2 rate, the printed mu, for eps = 0)
 * @param expectedRate the rate ||h||^2 should show for this initial condition: the gap, or the
 *     slowest even rate for centred data and an odd eps (only even modes are excited)
 * @param series the recorded points
 * @param measuredRate -ln(||h(tb)||^2 / ||h(ta)||^2) / (2 (tb - ta))
 * @param measuredRateH the same for the Lyapunov functional H
 * @param window {ta, tb}
 * @param timeStep the integrator's step
 * @param steps the integrator's steps
 * @param steadyResidual ||G f|| / ||f|| of the steady state
 * @param steadyMoments per coordinate {E x, E v, E x^2, E x v, E v^2} of F
 * @param maxMassDefect max over the run of |mass of g - 1|
 * @param initialTail relative Hermite tail of the initial density beyond the degree (NaN if unknown)
 * @param study the convergence study (degree, gap, measured rate), ascending degree
 * @param gapTruncationError |gap(N) - gap(previous study degree)|
 * @param rateTruncationError |measuredRate(N) - measuredRate(previous)|
 * @param snapshots density snapshots (coefficients of g / M) for plots
 */
public record FokkerPlanckResult(FokkerPlanckProblem problem, String initial, double muSharp, double muPaper,
        double epsilon0, double epsilon, SpectralGap spectrum, double degree2Rate, double expectedRate,
        List<Point> series, double measuredRate, double measuredRateH, double[] window, double timeStep, long steps,
        double steadyResidual, List<double[]> steadyMoments, double maxMassDefect, double initialTail,
        List<StudyRow> study, double gapTruncationError, double rateTruncationError, List<Snapshot> snapshots) {

    /**
     * One series point.
     *
     * @param time SME time t
     * @param step t / deltaT, in ASGD steps
     * @param hNormSq ||h(t)||_*^2
     * @param lyapunovH H(t) of (3.8)
     */
    public record Point(double time, double step, double hNormSq, double lyapunovH) {
    }

    /**
     * One row of the convergence study.
     *
     * @param degree the Hermite degree
     * @param gap the spectral gap at that degree
     * @param measuredRate the measured rate at that degree (NaN if not run)
     */
    public record StudyRow(int degree, double gap, double measuredRate) {
    }

    /**
     * The density at one time.
     *
     * @param time SME time
     * @param coefficients coefficients of g / M
     */
    public record Snapshot(double time, double[] coefficients) {
    }

    /**
     * The decay the theory predicts for the series: ||h(0)||_*^2 exp(-2 mu t) at each series point.
     *
     * @param mu a decay rate per unit SME time ({@link #muSharp()} or {@link #muPaper()})
     * @return one value per point of {@link #series()}
     */
    public double[] predictedDecay(double mu) {
        int n = series.size();
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        double h0 = series.get(0).hNormSq();
        for (int k = 0; k < n; k++) {
            out[k] = h0 * Math.exp(-2 * mu * series.get(k).time());
        }
        return out;
    }

    /** @return muSharp - epsilon, the corrected theorem's guaranteed rate */
    public double muSharpMinusEpsilon() {
        return muSharp - epsilon;
    }

    /** @return muPaper - epsilon, the printed theorem's rate */
    public double muPaperMinusEpsilon() {
        return muPaper - epsilon;
    }

    /** The slow modes a run reports: the first ten of the spectrum. */
    public static final int SLOW_MODES = 10;

    /**
     * The relative slack of {@link #correctedBoundHolds}: the measured rate carries the integrator's
     * relative error (about 1e-4 at the default step).
     */
    public static final double BOUND_SLACK = 1e-3;

    /** Which theoretical rate the measured one matches, to 1 % ({@link #attained}). */
    public enum Attained {
        /** The printed mu: the degree-2 modes, data whose mean is already at equilibrium. */
        PRINTED("printed mu (degree-2 modes: data whose mean is already at equilibrium)"),
        /** muSharp: the gap, degree-1 modes, any data with the mean off. */
        SHARP("muSharp (the gap: degree-1 modes, any data with the mean off)"),
        /** Neither: eps shifts the rate, or critical damping's (1 + t) factor biases the fit. */
        NEITHER("neither (eps shifts the rate, or the (1 + t) factor of critical damping biases the fit)");

        private final String description;

        Attained(String description) {
            this.description = description;
        }

        /** @return the sentence the outputs print */
        public String description() {
            return description;
        }
    }

    /**
     * The steady state's moments of one coordinate.
     *
     * @param meanX E x
     * @param meanV E v
     * @param varX Var x
     * @param covXV Cov(x, v)
     * @param varV Var v
     */
    public record SteadyState(double meanX, double meanV, double varX, double covXV, double varV) {
    }

    /** @return beta of each coordinate's SME */
    public double[] beta() {
        double[] beta = new double[problem.dimension()];
        for (int c = 0; c < beta.length; c++) {
            beta[c] = problem.sme(c).beta();
        }
        return beta;
    }

    /** @return the damping regime of gamma against 2 omega0 of the slowest coordinate */
    public DampingRegime regime() {
        double m = Double.POSITIVE_INFINITY;
        for (double x : problem.omega0()) {
            m = Math.min(m, x);
        }
        return DampingRegime.of(problem.gamma(), m);
    }

    /** @return muPaper / muSharp (2: the printed rate is the degree-2 modes') */
    public double printedOverSharp() {
        return muPaper / muSharp;
    }

    /** @return the spectral gap / muSharp (1 when the gap is the degree-1 modes') */
    public double gapOverMuSharp() {
        return spectrum.gap() / muSharp;
    }

    /** @return measuredRate / muSharp */
    public double measuredOverMuSharp() {
        return measuredRate / muSharp;
    }

    /** @return measuredRate / muPaper */
    public double measuredOverMuPaper() {
        return measuredRate / muPaper;
    }

    /** @return which theoretical rate the measured one matches to 1 % (the printed one checked first) */
    public Attained attained() {
        double m = measuredRate;
        if (Math.abs(m - muPaper) <= 0.01 * muPaper) {
            return Attained.PRINTED;
        }
        if (Math.abs(m - muSharp) <= 0.01 * muSharp) {
            return Attained.SHARP;
        }
        return Attained.NEITHER;
    }

    /**
     * @return whether the corrected theorem's bound holds: measuredRate &gt;= muSharp - epsilon, to
     *     {@link #BOUND_SLACK} |muSharp|
     */
    public boolean correctedBoundHolds() {
        return measuredRate >= muSharpMinusEpsilon() - BOUND_SLACK * Math.abs(muSharp);
    }

    /** @return the steady state's means and covariances per coordinate, from {@link #steadyMoments} */
    public List<SteadyState> steadyState() {
        List<SteadyState> out = new ArrayList<>(steadyMoments.size());
        for (double[] m : steadyMoments) {
            out.add(new SteadyState(m[0], m[1], m[2] - m[0] * m[0], m[3] - m[0] * m[1], m[4] - m[1] * m[1]));
        }
        return out;
    }

    /** @return the first {@link #SLOW_MODES} modes of the spectrum */
    public List<SpectralGap.Mode> slowModes() {
        return spectrum.modes().subList(0, Math.min(SLOW_MODES, spectrum.modes().size()));
    }
}
