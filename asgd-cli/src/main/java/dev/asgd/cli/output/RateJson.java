package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.asgd.core.ModelParameters;
import dev.asgd.theory.DampingRegime;
import dev.asgd.theory.LyapunovCertificate;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.RateAnalysis;
import dev.asgd.theory.TheoremConstants;
import dev.asgd.theory.WorkerEfficiency;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code asgd rate}: a {@link RateAnalysis}, with the SME quantities of the slowest
 * SME mode at the top level and every mode in {@code modes}.
 *
 * @param params the model
 * @param deltaT SME time per ASGD step (slowest SME mode)
 * @param gamma friction
 * @param tau noise amplitude
 * @param beta inverse temperature
 * @param regime the damping regime's label
 * @param criticalRelativeTolerance the relative tolerance of "critical"
 * @param muPaper mu as printed (3.6)
 * @param muSharp min Re eig(Q)
 * @param decayPerStepPaper 2 muPaper deltaT
 * @param decayPerStepSharp 2 muSharp deltaT
 * @param meanContractionPerStep exact contraction of the mean (slowest discrete mode)
 * @param exactDecayPerStep -2 ln of it
 * @param etaThreshold Remark 3.3 as printed
 * @param etaThresholdExact the exact threshold
 * @param etaWindowUpper end of the sqrt(kappa) plateau
 * @param etaMax stability limit of the mean
 * @param expectedStaleness E[tau]
 * @param expectedStalenessPaper the paper's 1 / (1 - kappa)
 * @param constants the theorem's constants
 * @param lyapunov the Lyapunov certificate
 * @param efficiency Remark 3.4, absent without --workers
 * @param smeMode index of the slowest SME mode
 * @param discreteMode index of the slowest discrete mode
 * @param modes every mode
 * @param verdict one sentence
 */
public record RateJson(Params params, double deltaT, double gamma, double tau, double beta, String regime,
        double criticalRelativeTolerance, double muPaper, double muSharp, double decayPerStepPaper,
        double decayPerStepSharp, double meanContractionPerStep, double exactDecayPerStep, double etaThreshold,
        double etaThresholdExact, double etaWindowUpper, double etaMax, double expectedStaleness,
        double expectedStalenessPaper, Constants constants, Lyapunov lyapunov,
        @JsonInclude(JsonInclude.Include.NON_NULL) Efficiency efficiency, int smeMode, int discreteMode,
        List<Mode> modes, String verdict) {

    /**
     * @param a the analysis
     * @return its JSON view
     */
    public static RateJson of(RateAnalysis a) {
        ModelParameters p = a.params();
        ModeRate s = a.slowestSme();
        ModeRate d = a.slowestDiscrete();
        WorkerEfficiency e = a.efficiency();
        boolean eps = !Double.isNaN(a.epsilon0());
        Params params = new Params(p.eta(), p.kappa(), p.omega0(), p.sigma(), e == null ? null : e.workers(),
                eps ? a.epsilon0() : null);
        TheoremConstants c = s.constants();
        Constants constants = new Constants(c.c(), c.cHat(), c.c1(), c.c2(),
                Double.isNaN(c.criticalDelta()) ? null : c.criticalDelta(), eps ? a.epsilon() : null,
                eps ? a.muSharpMinusEpsilon() : null);
        List<Mode> modes = new ArrayList<>();
        for (ModeRate m : a.modes()) {
            modes.add(Mode.of(m));
        }
        return new RateJson(params, s.sme().deltaT(), s.sme().gamma(), s.sme().tau(), s.sme().beta(),
                s.regime().label(), DampingRegime.RELATIVE_TOLERANCE, s.muPaper(), s.muSharp(), s.decayPerStepPaper(),
                s.decayPerStepSharp(), d.meanContractionPerStep(), d.exactDecayPerStep(), a.etaThreshold(),
                a.etaThresholdExact(), a.etaWindowUpper(), a.etaMax(), a.expectedStaleness(),
                a.expectedStalenessPaper(), constants, Lyapunov.of(s.lyapunov()), e == null ? null : Efficiency.of(e),
                a.smeMode(), a.discreteMode(), modes, a.verdict());
    }

    /**
     * The model.
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 the modes
     * @param sigma noise
     * @param workers m, absent without --workers
     * @param epsilon0 Assumption 3.1's bound, absent without --epsilon0
     */
    public record Params(double eta, double kappa, double[] omega0, double sigma,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer workers,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double epsilon0) {
    }

    /**
     * The theorem's constants (keys as in the paper: {@code C}, {@code Chat}, {@code C1}, {@code C2}).
     *
     * @param c C
     * @param cHat Chat
     * @param c1 C1
     * @param c2 C2
     * @param criticalDelta delta of the critical case, absent otherwise
     * @param epsilon eps_0 C1, absent without --epsilon0
     * @param muSharpMinusEpsilon the corrected theorem's exponent, absent without --epsilon0
     */
    public record Constants(@JsonProperty("C") double c, @JsonProperty("Chat") double cHat,
            @JsonProperty("C1") double c1, @JsonProperty("C2") double c2,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double criticalDelta,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double epsilon,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double muSharpMinusEpsilon) {
    }

    /**
     * The Lyapunov certificate (keys {@code P}, {@code K} as in the paper).
     *
     * @param p P
     * @param k K
     * @param largestC the largest c with K &gt;= c P
     * @param certifiedMu the mu it certifies
     */
    public record Lyapunov(@JsonProperty("P") double[][] p, @JsonProperty("K") double[][] k, double largestC,
            double certifiedMu) {
        static Lyapunov of(LyapunovCertificate l) {
            return new Lyapunov(l.p(), l.k(), l.largestC(), l.certifiedMu());
        }
    }

    /**
     * Remark 3.4: {@link WorkerEfficiency} with its verdicts.
     *
     * @param workers m
     * @param efficiencyPaper m (1 - kappa)
     * @param asgdWinsPaper whether it is &gt; 1
     * @param asgdContractionPerGradient rho(eta, kappa)
     * @param sgdContractionPerGradient rho(eta, 0)
     * @param asgdDecayPerUnitTime -m ln rho(eta, kappa)
     * @param sgdDecayPerUnitTime -ln rho(eta, 0)
     * @param speedupPerUnitTime their ratio
     * @param asgdWinsExact whether it is &gt; 1
     * @param queueModelKappa (m - 1) / m
     * @param queueModelEfficiencyPaper m (1 - kappa) under the queue model: 1
     */
    public record Efficiency(int workers, double efficiencyPaper, boolean asgdWinsPaper,
            double asgdContractionPerGradient, double sgdContractionPerGradient, double asgdDecayPerUnitTime,
            double sgdDecayPerUnitTime, double speedupPerUnitTime, boolean asgdWinsExact, double queueModelKappa,
            double queueModelEfficiencyPaper) {
        static Efficiency of(WorkerEfficiency e) {
            return new Efficiency(e.workers(), e.efficiencyPaper(), e.asgdWinsPaper(),
                    e.asgdContractionPerGradient(), e.sgdContractionPerGradient(), e.asgdDecayPerUnitTime(),
                    e.sgdDecayPerUnitTime(), e.speedupPerUnitTime(), e.asgdWinsExact(), e.queueModelKappa(),
                    WorkerEfficiency.QUEUE_MODEL_EFFICIENCY_PAPER);
        }
    }

    /**
     * One mode's rates.
     *
     * @param omega0 the mode
     * @param beta inverse temperature
     * @param regime damping regime
     * @param muPaper mu as printed
     * @param muSharp min Re eig(Q)
     * @param decayPerStepPaper 2 muPaper deltaT
     * @param decayPerStepSharp 2 muSharp deltaT
     * @param meanContractionPerStep exact contraction of the mean
     * @param exactDecayPerStep -2 ln of it
     * @param largestC the certificate's largest c
     */
    public record Mode(double omega0, double beta, String regime, double muPaper, double muSharp,
            double decayPerStepPaper, double decayPerStepSharp, double meanContractionPerStep,
            double exactDecayPerStep, double largestC) {
        static Mode of(ModeRate m) {
            return new Mode(m.omega0(), m.sme().beta(), m.regime().label(), m.muPaper(), m.muSharp(),
                    m.decayPerStepPaper(), m.decayPerStepSharp(), m.meanContractionPerStep(), m.exactDecayPerStep(),
                    m.lyapunov().largestC());
        }
    }
}
