package dev.asgd.simulation.stationary;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;
import java.util.List;
import java.util.Objects;

/**
 * The stationary E|theta - theta*|^2 an ensemble's second moment is fitted against: the exact
 * stationary second moment when exact moments exist and it is finite, else the average of the
 * ensemble's last 20 % of records.
 *
 * @param secondMoment the stationary second moment
 * @param source where it comes from
 */
public record StationaryLevel(double secondMoment, Source source) {
    /** Where a stationary level comes from. */
    public enum Source {
        /** The exact moments' fixed point. */
        EXACT("exact"),
        /** The ensemble's own records. */
        TAIL_AVERAGE("average of the last 20% of records");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** @return how the commands name it */
        public String description() {
            return description;
        }
    }

    /** Validates. */
    public StationaryLevel {
        Objects.requireNonNull(source, "source");
    }

    /**
     * The exact moments of the quadratic with additive noise, when they apply: an unperturbed
     * loss, staleness independent across steps, and a law whose lag-augmented recursion fits.
     *
     * @param eta the learning rate
     * @param omega0 the modes
     * @param sigma the noise per coordinate
     * @param theta0 the start (theta* = 0)
     * @param staleness the staleness law
     * @param perturbation the loss's perturbation
     * @return the exact moments, or null when they do not apply
     */
    public static ExactMoments exactMoments(double eta, double[] omega0, double[] sigma, double[] theta0,
            StalenessDistribution staleness, Perturbation perturbation) {
        if (!ExactMoments.applies(perturbation.isZero(), staleness, omega0.length)) {
            return null;
        }
        return ExactMoments.of(new MomentProblem(eta, omega0, sigma, theta0, null, staleness));
    }

    /**
     * @param exact the exact moments, or null when they do not apply
     * @param series the ensemble's records (at least one)
     * @return the exact stationary second moment when finite, else the tail average of the series
     */
    public static StationaryLevel of(ExactMoments exact, List<SeriesPoint> series) {
        double exactStationary = exact == null ? Double.NaN : exact.stationarySecondMoment();
        return Double.isFinite(exactStationary) ? new StationaryLevel(exactStationary, Source.EXACT)
                : new StationaryLevel(tailAverage(series), Source.TAIL_AVERAGE);
    }

    /**
     * @param series records (at least one)
     * @return the mean second moment of the last 20 % of the records (at least the last one)
     */
    public static double tailAverage(List<SeriesPoint> series) {
        int n = series.size();
        int from = Math.max(0, n - Math.max(1, n / 5));
        double s = 0;
        for (int i = from; i < n; i++) {
            s += series.get(i).secondMoment();
        }
        return s / (n - from);
    }
}
