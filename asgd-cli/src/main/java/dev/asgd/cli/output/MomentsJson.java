package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.asgd.simulation.exact.ExactMomentsStudy;
import dev.asgd.theory.closedform.StepRates;
import java.util.List;

/**
 * The JSON of {@code asgd moments}: the exact moments' records, their stationary level and rates.
 *
 * @param params the model and the run
 * @param series the exact records
 * @param stationarySecondMoment the stationary E|theta - theta*|^2
 * @param stationarySecondMomentPerCoordinate per coordinate
 * @param rate the exact per-step rates and the closed-form theory's
 * @param notes what could not be computed, and why
 * @param performance timing
 */
public record MomentsJson(Params params, List<SeriesRecord> series, double stationarySecondMoment,
        double[] stationarySecondMomentPerCoordinate, Rate rate, List<String> notes, Performance performance) {

    /**
     * @param model the model's parameters
     * @param every the record interval
     * @param study the exact moments
     * @param theory the closed-form theory's rates, or null without a theory kappa
     * @return the view
     */
    public static MomentsJson of(ModelParams model, long every, ExactMomentsStudy study, StepRates theory) {
        return new MomentsJson(new Params(model, study.steps(), every, study.method()),
                SeriesRecord.of(study.series(), new double[0]), study.stationarySecondMoment(),
                study.stationarySecondMomentPerCoordinate(),
                new Rate(study.meanContractionPerStep(), study.secondMomentFactorPerStep(),
                        study.secondMomentLogPerStep(), study.secondMomentEtaMax(), theory),
                study.notes(), new Performance(study.seconds(), study.stepsPerSecond()));
    }

    /**
     * The model's keys, then the run's.
     *
     * @param model the model (unwrapped)
     * @param steps K
     * @param every record interval
     * @param method the recursion used
     */
    public record Params(@JsonUnwrapped ModelParams model, long steps, long every, String method) {
    }

    /**
     * The exact per-step rates ({@link ExactMomentsStudy}) and the closed-form theory's.
     *
     * @param meanContractionPerStep the mean's per-step contraction
     * @param secondMomentFactorPerStep rho_2
     * @param secondMomentLogPerStep ln rho_2
     * @param secondMomentEtaMax the largest learning rate with a stable second moment
     * @param theory the closed-form theory's rates (null without a theory kappa)
     */
    public record Rate(double meanContractionPerStep, double secondMomentFactorPerStep, double secondMomentLogPerStep,
            double secondMomentEtaMax, StepRates theory) {
    }

    /**
     * Timing.
     *
     * @param seconds wall time of the recursion
     * @param stepsPerSecond its rate
     */
    public record Performance(double seconds, double stepsPerSecond) {
    }
}
