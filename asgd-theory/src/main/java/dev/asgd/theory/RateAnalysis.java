package dev.asgd.theory;

import dev.asgd.core.ModelParameters;
import dev.asgd.core.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The closed-form theory of Zhu and Ying for one parameter set, computed right: the SME map,
 * Theorem 3.2's rate as printed and as it is, the exact discrete rate, the thresholds of
 * Remark 3.3, the theorem's constants and certificate, and optionally Remark 3.4's comparison
 * with m workers. In d dimensions every mode is analysed; the slowest one decides.
 *
 * @param params the model
 * @param modes one entry per omega0, in input order
 * @param smeMode index of the mode with the smallest muSharp (the smallest omega0)
 * @param discreteMode index of the mode with the largest exact mean contraction
 * @param etaThreshold the paper's (1 - kappa) / (4 omega0^2), for the smallest omega0
 * @param etaThresholdExact (1 - sqrt kappa) / ((1 + sqrt kappa) omega0^2), smallest omega0
 * @param etaWindowUpper (1 + sqrt kappa) / ((1 - sqrt kappa) omega0^2), largest omega0
 * @param etaMax 2 (1 + kappa) / ((1 - kappa) omega0^2), largest omega0: the mean's stability limit
 * @param expectedStaleness E[tau] = kappa / (1 - kappa)
 * @param expectedStalenessPaper the paper's 1 / (1 - kappa), which is E[tau] + 1
 * @param epsilon0 Assumption 3.1's bound, NaN when not given
 * @param epsilon epsilon0 C1 of the deciding mode, NaN when epsilon0 is not given
 * @param efficiency Remark 3.4 with m workers, null when not asked for
 */
public record RateAnalysis(ModelParameters params, List<ModeRate> modes, int smeMode, int discreteMode,
        double etaThreshold, double etaThresholdExact, double etaWindowUpper, double etaMax,
        double expectedStaleness, double expectedStalenessPaper, double epsilon0, double epsilon,
        WorkerEfficiency efficiency) {

    /** Copies the mode list. */
    public RateAnalysis {
        modes = Collections.unmodifiableList(new ArrayList<>(modes));
    }

    /**
     * @param params the model
     * @param epsilon0 Assumption 3.1's bound, or NaN for none
     * @param workers m for Remark 3.4, or 0 for none
     * @return the analysis
     */
    public static RateAnalysis of(ModelParameters params, double epsilon0, int workers) {
        if (!Double.isNaN(epsilon0)) {
            Require.nonNegativeFinite(epsilon0, "epsilon0");
        }
        if (workers != 0) {
            Require.atLeast(workers, 1, "workers");
        }
        double eta = params.eta();
        double kappa = params.kappa();
        double[] omega = params.omega0();
        List<ModeRate> modes = new ArrayList<>(omega.length);
        int sme = 0;
        int discrete = 0;
        for (int i = 0; i < omega.length; i++) {
            ModeRate m = ModeRate.of(eta, kappa, omega[i], params.sigma());
            modes.add(m);
            if (m.muSharp() < modes.get(sme).muSharp()) {
                sme = i;
            }
            if (m.meanContractionPerStep() > modes.get(discrete).meanContractionPerStep()) {
                discrete = i;
            }
        }
        double wMin = params.omegaMin();
        double wMax = params.omegaMax();
        double epsilon = Double.isNaN(epsilon0) ? Double.NaN : modes.get(sme).constants().epsilon(epsilon0);
        WorkerEfficiency eff = workers == 0 ? null : WorkerEfficiency.of(eta, kappa, omega, workers);
        return new RateAnalysis(params, modes, sme, discrete,
                DiscreteMeanRate.etaThresholdPaper(kappa, wMin), DiscreteMeanRate.etaThresholdExact(kappa, wMin),
                DiscreteMeanRate.etaWindowUpper(kappa, wMax), DiscreteMeanRate.etaMax(kappa, wMax),
                kappa / (1 - kappa), 1 / (1 - kappa), epsilon0, epsilon, eff);
    }

    /** @return the mode that decides the SME (continuous) rates */
    public ModeRate slowestSme() {
        return modes.get(smeMode);
    }

    /** @return the mode that decides the exact discrete rate */
    public ModeRate slowestDiscrete() {
        return modes.get(discreteMode);
    }

    /** @return the sharp rate minus epsilon (the corrected theorem's exponent), NaN without epsilon0 */
    public double muSharpMinusEpsilon() {
        return slowestSme().muSharp() - epsilon;
    }

    /**
     * @return sqrt(kappa), the mean's contraction per step on the plateau between
     *     {@link #etaThresholdExact()} and {@link #etaWindowUpper()}
     */
    public double plateauContraction() {
        return Math.sqrt(params.kappa());
    }

    /** @return one sentence saying where eta lies and what that means for the rate */
    public String verdict() {
        double eta = params.eta();
        ModeRate d = slowestDiscrete();
        String per = String.format(Locale.ROOT, "%.6g", d.meanContractionPerStep());
        if (!(eta < etaMax)) {
            return String.format(Locale.ROOT,
                    "unstable: eta >= etaMax = %.6g, the mean does not contract (%s per step)", etaMax, per);
        }
        if (eta > etaWindowUpper) {
            return String.format(Locale.ROOT,
                    "beyond the plateau (eta > %.6g): oscillating real roots, the mean contracts by %s per step"
                            + " and approaches 1 as eta nears etaMax", etaWindowUpper, per);
        }
        if (eta >= etaThresholdExact) {
            return String.format(Locale.ROOT,
                    "above the threshold: the rate depends on kappa only, the mean contracts by sqrt(kappa) = %.6g"
                            + " per step", plateauContraction());
        }
        return String.format(Locale.ROOT,
                "below the threshold (eta < %s): the rate slows as eta decreases, the mean contracts by %s per step",
                String.format(Locale.ROOT, "%.6g", etaThresholdExact).replaceFirst("0+$", ""), per);
    }
}
