package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asgd.fokkerplanck.FokkerPlanckAnalysis;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.FokkerPlanckResult;
import dev.asgd.fokkerplanck.SpectralGap;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code asgd fokker-planck}: a {@link FokkerPlanckResult} (its series points and
 * steady-state moments as the library's records).
 *
 * @param params the problem
 * @param dimension d
 * @param unknowns the Hermite basis's size
 * @param deltaT SME time per ASGD step
 * @param gamma friction
 * @param beta inverse temperature per coordinate
 * @param regime the damping regime's label
 * @param spectralGap the gap of the discrete spectrum
 * @param gapEigenvalue the eigenvalue at the gap
 * @param gapDegree its Hermite degree
 * @param gapMethod how the spectrum was computed
 * @param degree2Rate the slowest even mode's rate
 * @param muSharp min Re eig(Q)
 * @param muPaper the printed mu
 * @param printedOverSharp muPaper / muSharp
 * @param gapOverMuSharp spectralGap / muSharp
 * @param epsilon0 the finite part of Assumption 3.1's bound
 * @param epsilon eps_0 C1
 * @param muSharpMinusEpsilon the corrected theorem's rate
 * @param muPaperMinusEpsilon the printed theorem's rate
 * @param epsilonCaveat what eps_0 means here
 * @param expectedRate the rate this initial data should show
 * @param measuredRate the rate of ||h||_*^2
 * @param measuredRateH the rate of H
 * @param measuredOverMuSharp measuredRate / muSharp
 * @param measuredOverMuPaper measuredRate / muPaper
 * @param printedRateAttained which rate the measured one matches
 * @param window the fit's time window
 * @param timeStep the integrator's step
 * @param integratorSteps its steps
 * @param steadyStateResidual ||G f|| / ||f|| of the steady state
 * @param steadyState its moments per coordinate
 * @param maxMassDefect max |mass - 1|
 * @param initialTruncationError the initial density's Hermite tail
 * @param convergence the convergence study in the degree
 * @param gapTruncationError the gap's change from the previous degree
 * @param rateTruncationError the measured rate's change
 * @param slowModes the slowest modes of the spectrum
 * @param series the recorded points
 * @param plots the PNGs written, absent without --plot
 */
public record FokkerPlanckJson(Params params, int dimension, long unknowns, double deltaT, double gamma,
        double[] beta, String regime, double spectralGap, Eigenvalue gapEigenvalue, int gapDegree, String gapMethod,
        double degree2Rate, double muSharp, double muPaper, double printedOverSharp, double gapOverMuSharp,
        double epsilon0, double epsilon, double muSharpMinusEpsilon, double muPaperMinusEpsilon,
        String epsilonCaveat, double expectedRate, double measuredRate, double measuredRateH,
        double measuredOverMuSharp, double measuredOverMuPaper, String printedRateAttained, double[] window,
        double timeStep, long integratorSteps, double steadyStateResidual,
        List<FokkerPlanckResult.SteadyState> steadyState, double maxMassDefect, double initialTruncationError,
        List<Degree> convergence, double gapTruncationError, double rateTruncationError, List<Mode> slowModes,
        List<FokkerPlanckResult.Point> series, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> plots) {

    /**
     * @param r the result
     * @param epsilonCaveat what eps_0 means here
     * @param plots the PNGs written (empty: none)
     * @return the view
     */
    public static FokkerPlanckJson of(FokkerPlanckResult r, String epsilonCaveat, List<String> plots) {
        FokkerPlanckProblem p = r.problem();
        Params params = new Params(p.eta(), p.kappa(), p.omega0(), p.sigma(), p.perturbation().spec(), p.degree(),
                r.initial());
        List<Degree> study = new ArrayList<>();
        for (FokkerPlanckResult.StudyRow row : r.study()) {
            study.add(new Degree(row.degree(), row.gap(), row.measuredRate()));
        }
        List<Mode> modes = new ArrayList<>();
        for (SpectralGap.Mode m : r.slowModes()) {
            modes.add(new Mode(m.re(), m.im(), m.degree(), m.parityLabel()));
        }
        SpectralGap s = r.spectrum();
        return new FokkerPlanckJson(params, p.dimension(), FokkerPlanckAnalysis.unknowns(p), p.deltaT(), p.gamma(),
                r.beta(), r.regime().label(), s.gap(), new Eigenvalue(s.gapEigenvalue()[0], s.gapEigenvalue()[1]),
                s.gapDegree(), s.method(), r.degree2Rate(), r.muSharp(), r.muPaper(), r.printedOverSharp(),
                r.gapOverMuSharp(), r.epsilon0(), r.epsilon(), r.muSharpMinusEpsilon(), r.muPaperMinusEpsilon(),
                epsilonCaveat, r.expectedRate(), r.measuredRate(), r.measuredRateH(), r.measuredOverMuSharp(),
                r.measuredOverMuPaper(), r.attained().description(), r.window(), r.timeStep(), r.steps(),
                r.steadyResidual(), r.steadyState(), r.maxMassDefect(), r.initialTail(), study,
                r.gapTruncationError(), r.rateTruncationError(), modes, r.series(),
                plots.isEmpty() ? null : List.copyOf(plots));
    }

    /**
     * The problem.
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 the modes
     * @param sigma noise per coordinate
     * @param perturbation the perturbation's spec
     * @param degree the Hermite degree
     * @param initial the initial data's label
     */
    public record Params(double eta, double kappa, double[] omega0, double[] sigma, String perturbation, int degree,
            String initial) {
    }

    /**
     * A complex eigenvalue.
     *
     * @param re real part
     * @param im imaginary part
     */
    public record Eigenvalue(double re, double im) {
    }

    /**
     * One degree of the convergence study.
     *
     * @param degree the Hermite degree
     * @param spectralGap the gap there
     * @param measuredRate the measured rate there (null if not run)
     */
    public record Degree(int degree, double spectralGap, double measuredRate) {
    }

    /**
     * One slow mode.
     *
     * @param re real part
     * @param im imaginary part
     * @param degree its Hermite degree
     * @param parity {@code even} or {@code odd}
     */
    public record Mode(double re, double im, int degree, String parity) {
    }
}
