package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.asgd.simulation.Performance;
import dev.asgd.simulation.RateFit;
import dev.asgd.simulation.stationary.ExactRates;
import dev.asgd.theory.closedform.StepRates;
import java.util.List;

/**
 * The JSON of {@code asgd simulate}: the ensemble's records, its stationary level and its rates.
 *
 * @param params the model (quadratic or finite-sum) and the run
 * @param series the ensemble's records
 * @param stationarySecondMoment the stationary E|theta - theta*|^2 the fit approaches
 * @param rate the fitted, exact and theoretical rates
 * @param performance timing ({@link Performance})
 */
public record SimulateJson(Params params, List<SeriesRecord> series, double stationarySecondMoment, Rate rate,
        Performance performance) {

    /**
     * The model's keys (exactly one of the two models), then the run's.
     *
     * @param model the quadratic (unwrapped; null with --data)
     * @param data the finite-sum model (unwrapped; null without --data)
     * @param steps K
     * @param every record interval
     * @param runs chains
     * @param seed the seed
     * @param divergenceBound where a chain counts as diverged
     * @param quantiles the quantile levels
     */
    public record Params(@JsonUnwrapped ModelParams model, @JsonUnwrapped FiniteSumParams data, long steps, long every,
            int runs, long seed, double divergenceBound, double[] quantiles) {
        /** Exactly one model. */
        public Params {
            if ((model == null) == (data == null)) {
                throw new IllegalArgumentException("exactly one of model and data");
            }
        }
    }

    /**
     * The rates beside each other.
     *
     * @param stationarySource how the stationary level was obtained
     * @param fit the fitted rate, null when fewer than 3 records carry signal
     * @param exact the exact rates, null beyond the unperturbed quadratic
     * @param theory the closed-form theory's rates, null without a theory kappa (or a singular Hessian)
     */
    public record Rate(String stationarySource, Fit fit, ExactRates exact, Theory theory) {
    }

    /**
     * A {@link RateFit} under the names of its JSON keys.
     *
     * @param from first step used
     * @param to last step used
     * @param points records used
     * @param logPerStep the fitted per-step log factor
     * @param logPerStepStdErr its standard error
     * @param confidence the interval's level
     * @param logPerStepLow lower end of the interval
     * @param logPerStepHigh upper end
     * @param factorPerStep exp(logPerStep)
     */
    public record Fit(long from, long to, int points, double logPerStep, double logPerStepStdErr, double confidence,
            double logPerStepLow, double logPerStepHigh, double factorPerStep) {
        /**
         * @param f the fit, or null
         * @return its view, or null
         */
        public static Fit of(RateFit f) {
            return f == null ? null : new Fit(f.from(), f.to(), f.points(), f.slope(), f.slopeStdErr(),
                    f.confidence(), f.slopeLow(), f.slopeHigh(), f.factorPerStep());
        }
    }

    /**
     * The closed-form theory's rates and, for a finite sum, where its omega0 come from.
     *
     * @param rates the rates (unwrapped)
     * @param omega0 what the theory's omega0 are (absent for the quadratic, whose omega0 are given)
     */
    public record Theory(@JsonUnwrapped StepRates rates, @JsonInclude(JsonInclude.Include.NON_NULL) String omega0) {
        /**
         * @param rates the rates, or null
         * @param omega0 what the theory's omega0 are, or null
         * @return the view, or null without rates
         */
        public static Theory of(StepRates rates, String omega0) {
            return rates == null ? null : new Theory(rates, omega0);
        }
    }
}
