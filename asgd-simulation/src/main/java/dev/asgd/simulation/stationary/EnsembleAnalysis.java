package dev.asgd.simulation.stationary;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.simulation.RateFit;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.moments.ExactMoments;
import java.util.List;
import java.util.Objects;

/**
 * What {@code asgd simulate} reports beside an ensemble's series: the stationary level the second
 * moment is fitted against ({@link StationaryLevel}), the fitted rate ({@link RateFit}), and the
 * exact rates when exact moments apply ({@link ExactRates}).
 *
 * @param level the stationary second moment and where it comes from
 * @param fit the fitted second-moment rate, or null when fewer than 3 records carry signal
 * @param exactRates the exact moments' rates, or null when exact moments do not apply
 */
public record EnsembleAnalysis(StationaryLevel level, RateFit fit, ExactRates exactRates) {
    /** Validates. */
    public EnsembleAnalysis {
        Objects.requireNonNull(level, "level");
    }

    /**
     * @param series the ensemble's records (at least one)
     * @param exact the exact moments, or null when they do not apply
     * @param from first step of the rate-fit window
     * @param to last step of the rate-fit window
     * @param confidence level of the rate's interval, in (0, 1)
     * @return the analysis
     */
    public static EnsembleAnalysis of(List<SeriesPoint> series, ExactMoments exact, long from, long to,
            double confidence) {
        StationaryLevel level = StationaryLevel.of(exact, series);
        RateFit fit = RateFit.fit(series, level.secondMoment(), from, to, confidence);
        return new EnsembleAnalysis(level, fit, exact == null ? null : ExactRates.of(exact));
    }

    /**
     * The analysis of an ensemble on the quadratic with additive noise: with exact moments where
     * they apply ({@link StationaryLevel#exactMoments}).
     *
     * @param series the ensemble's records (at least one)
     * @param eta the learning rate
     * @param omega0 the modes
     * @param sigma the noise per coordinate
     * @param theta0 the start (theta* = 0)
     * @param staleness the staleness law
     * @param perturbation the loss's perturbation
     * @param from first step of the rate-fit window
     * @param to last step of the rate-fit window
     * @param confidence level of the rate's interval, in (0, 1)
     * @return the analysis
     */
    public static EnsembleAnalysis ofQuadratic(List<SeriesPoint> series, double eta, double[] omega0, double[] sigma,
            double[] theta0, StalenessDistribution staleness, Perturbation perturbation, long from, long to,
            double confidence) {
        return of(series, StationaryLevel.exactMoments(eta, omega0, sigma, theta0, staleness, perturbation), from, to,
                confidence);
    }

    /** @return the stationary second moment */
    public double stationary() {
        return level.secondMoment();
    }
}
