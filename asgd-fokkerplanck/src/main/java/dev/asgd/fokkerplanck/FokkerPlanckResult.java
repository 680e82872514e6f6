package dev.asgd.fokkerplanck;

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

    /** @return muSharp - epsilon, the corrected theorem's guaranteed rate */
    public double muSharpMinusEpsilon() {
        return muSharp - epsilon;
    }

    /** @return muPaper - epsilon, the printed theorem's rate */
    public double muPaperMinusEpsilon() {
        return muPaper - epsilon;
    }
}
