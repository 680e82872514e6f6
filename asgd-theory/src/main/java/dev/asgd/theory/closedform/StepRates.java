package dev.asgd.theory.closedform;

import dev.asgd.core.ModelParameters;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.RateAnalysis;
import java.util.Arrays;
import java.util.Optional;

/**
 * The closed-form theory's per-step exponents for the deciding mode ({@link RateAnalysis} at the
 * staleness law's theory kappa).
 *
 * @param kappa the kappa the theory applies with
 * @param meanContractionPerStep the exact spectral radius of discrete ASGD's mean recursion, deciding mode
 * @param exactMeanSquaredDecayPerStep -2 ln(meanContractionPerStep), the squared mean error's exponent
 * @param smeDecayPerStepSharp 2 muSharp deltaT of the SME's slowest mode
 * @param smeDecayPerStepPaper 2 muPaper deltaT, as the paper prints it
 * @param etaMaxMean the mean's stability limit
 * @param verdict {@link RateAnalysis#verdict()}
 */
public record StepRates(double kappa, double meanContractionPerStep, double exactMeanSquaredDecayPerStep,
        double smeDecayPerStepSharp, double smeDecayPerStepPaper, double etaMaxMean, String verdict) {
    /**
     * @param eta learning rate
     * @param staleness the law (the theory needs its kappa)
     * @param omega0 the modes
     * @param sigma the noise
     * @return the rates, or empty when the law has no theory kappa
     */
    public static Optional<StepRates> of(double eta, StalenessDistribution staleness, double[] omega0, double sigma) {
        if (staleness.theoryKappa().isEmpty()) {
            return Optional.empty();
        }
        double kappa = staleness.theoryKappa().getAsDouble();
        RateAnalysis a = RateAnalysis.of(new ModelParameters(eta, kappa, omega0, sigma), Double.NaN, 0);
        ModeRate m = a.slowestDiscrete();
        return Optional.of(new StepRates(kappa, m.meanContractionPerStep(), m.exactDecayPerStep(),
                a.slowestSme().decayPerStepSharp(), a.slowestSme().decayPerStepPaper(), a.etaMax(), a.verdict()));
    }

    /**
     * With one noise level per coordinate: the theory takes the largest (the rates above do not
     * depend on sigma; it sets the SME's beta).
     *
     * @param eta learning rate
     * @param staleness the law (the theory needs its kappa)
     * @param omega0 the modes
     * @param sigma the noise per coordinate
     * @return the rates at the largest sigma, or empty when the law has no theory kappa
     */
    public static Optional<StepRates> of(double eta, StalenessDistribution staleness, double[] omega0, double[] sigma) {
        return of(eta, staleness, omega0, Arrays.stream(sigma).max().orElse(0));
    }
}
