package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.core.staleness.StalenessDistributions;
import dev.asgd.theory.closedform.StepRates;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the shared model flags into library objects, and the pieces both series commands print. */
final class ModelBuilder {
    final ModelOptions options;
    final int d;
    final double[] omega0;
    final double[] sigma;
    final double[] theta0;
    final StalenessDistribution staleness;
    final Perturbation perturbation;

    ModelBuilder(ModelOptions options) {
        this.options = options;
        this.omega0 = dev.asgd.core.Require.positiveFiniteAll(options.requireOmega0(), "omega0");
        this.d = omega0.length;
        this.sigma = ModelOptions.perCoordinate(options.sigma, d, "sigma");
        this.theta0 = ModelOptions.perCoordinate(options.theta0, d, "theta0");
        this.staleness = staleness(options);
        this.perturbation = Perturbations.parse(options.perturbation);
    }

    AdditiveGaussianNoise oracle() {
        return new AdditiveGaussianNoise(new QuadraticLoss(omega0, new double[d], perturbation), sigma);
    }

    /** @return the kappa the paper's theory applies with: geometric's, the queue's (M - 1) / M, else NaN */
    double theoryKappa() {
        return staleness.theoryKappa().orElse(Double.NaN);
    }

    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eta", options.eta);
        p.put("kappa", options.kappa);
        p.put("omega0", omega0);
        p.put("sigma", sigma);
        p.put("theta0", theta0);
        p.put("thetaStar", new double[d]);
        p.put("staleness", staleness.spec());
        p.put("stalenessMean", staleness.mean());
        p.put("perturbation", perturbation.spec());
        p.put("epsilon0", perturbation.epsilon0(d));
        return p;
    }

    /** @return the closed-form theory's per-step exponents for the deciding mode, or null without a kappa */
    Map<String, Object> theory() {
        return theory(options.eta, staleness, omega0, Arrays.stream(sigma).max().orElse(0));
    }

    /**
     * Checks --eta and --kappa and parses --staleness (shared with {@link FiniteSumSetup}).
     *
     * @param options the model flags
     * @return the staleness law
     */
    static StalenessDistribution staleness(ModelOptions options) {
        dev.asgd.core.Require.positiveFinite(options.eta, "eta");
        dev.asgd.core.Require.inHalfOpen(options.kappa, 0, 1, "kappa");
        return StalenessDistributions.parse(options.staleness, options.kappa);
    }

    /**
     * @param eta learning rate
     * @param staleness the law (the theory needs its kappa)
     * @param omega0 the modes
     * @param sigma the noise
     * @return the closed-form theory's per-step exponents for the deciding mode, or null without a kappa
     */
    static Map<String, Object> theory(double eta, StalenessDistribution staleness, double[] omega0, double sigma) {
        StepRates r = StepRates.of(eta, staleness, omega0, sigma).orElse(null);
        if (r == null) {
            return null;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kappa", r.kappa());
        t.put("meanContractionPerStep", r.meanContractionPerStep());
        t.put("exactMeanSquaredDecayPerStep", r.exactMeanSquaredDecayPerStep());
        t.put("smeDecayPerStepSharp", r.smeDecayPerStepSharp());
        t.put("smeDecayPerStepPaper", r.smeDecayPerStepPaper());
        t.put("etaMaxMean", r.etaMaxMean());
        t.put("verdict", r.verdict());
        return t;
    }

    void requireUnperturbed(String why) {
        if (!perturbation.isZero()) {
            throw new InvalidParameterException("perturbation", perturbation.spec(), "none " + why);
        }
    }
}
