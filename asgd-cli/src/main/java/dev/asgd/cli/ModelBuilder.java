package dev.asgd.cli;

import dev.asgd.cli.output.ModelParams;
import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.core.staleness.StalenessDistributions;
import dev.asgd.theory.closedform.StepRates;

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

    /**
     * @param why what needs the kappa, for the message
     * @return the kappa the paper's theory applies with: geometric's, the queue's (M - 1) / M
     * @throws InvalidParameterException when the staleness law has none
     */
    double theoryKappa(String why) {
        return staleness.theoryKappa().orElseThrow(() -> new InvalidParameterException("staleness", staleness.spec(),
                "geometric or queue:M (" + why + ")"));
    }

    /** @return the model's JSON keys, the first of {@code params} */
    ModelParams params() {
        return ModelParams.of(options.eta, options.kappa, omega0, sigma, theta0, staleness, perturbation);
    }

    /** @return the closed-form theory's per-step exponents for the deciding mode, or null without a kappa */
    StepRates theory() {
        return StepRates.of(options.eta, staleness, omega0, sigma).orElse(null);
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

    void requireUnperturbed(String why) {
        if (!perturbation.isZero()) {
            throw new InvalidParameterException("perturbation", perturbation.spec(), "none " + why);
        }
    }
}
