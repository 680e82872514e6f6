package dev.asgd.simulation.exact;

import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentPoint;
import dev.asgd.theory.moments.MomentProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The exact first and second moments of discrete ASGD, step by step with no sampling, and their
 * stationary level and asymptotic per-step rates.
 *
 * @param steps the steps run
 * @param series the records, as {@link SeriesPoint#exact} (no standard errors, no quantiles)
 * @param stationarySecondMoment the stationary E|theta - theta*|^2 (NaN when there is none or it was not computed)
 * @param stationarySecondMomentPerCoordinate per coordinate
 * @param meanContractionPerStep the mean's per-step contraction (NaN beyond {@link ExactMoments#MAX_DENSE_MEAN} lags)
 * @param secondMomentFactorPerStep rho_2, the second moment's per-step factor
 * @param secondMomentLogPerStep ln rho_2
 * @param secondMomentEtaMax the largest learning rate with a stable second moment
 * @param method the recursion used: the closed geometric one or the lag-augmented one with its support
 * @param notes what could not be computed, and why
 * @param seconds wall time of the recursion
 */
public record ExactMomentsStudy(long steps, List<SeriesPoint> series, double stationarySecondMoment,
        double[] stationarySecondMomentPerCoordinate, double meanContractionPerStep, double secondMomentFactorPerStep,
        double secondMomentLogPerStep, double secondMomentEtaMax, String method, List<String> notes, double seconds) {
    /** Copies the lists. */
    public ExactMomentsStudy {
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }

    /**
     * @param problem the quadratic, its noise and its i.i.d. staleness
     * @param steps K
     * @param every record every this many steps
     * @param progress receives the steps done
     * @return the study
     */
    public static ExactMomentsStudy run(MomentProblem problem, long steps, long every, LongConsumer progress) {
        long start = System.nanoTime();
        ExactMoments exact = ExactMoments.of(problem);
        List<MomentPoint> points = exact.series(steps, every, progress, true);
        double seconds = (System.nanoTime() - start) * 1e-9;
        List<SeriesPoint> series = new ArrayList<>(points.size());
        for (MomentPoint p : points) {
            series.add(SeriesPoint.exact(p.step(), p.mean(), p.secondMomentPerCoordinate(), p.secondMoment(),
                    p.excessLoss()));
        }
        double[] perCoord = exact.stationarySecondMomentPerCoordinate();
        double stationary = exact.stationarySecondMoment();
        double rho2 = exact.secondMomentRate();
        List<String> notes = new ArrayList<>();
        String dense = exact.denseLimitNote();
        if (dense != null) {
            notes.add("stationary second moment and second-moment rate " + dense);
        } else if (!(rho2 < 1)) {
            notes.add(String.format(Locale.ROOT, "no stationary second moment: the second moment grows (factor per"
                    + " step %.6g >= 1)", rho2));
        }
        if (Double.isNaN(exact.meanRate())) {
            notes.add("mean contraction not computed: more than " + ExactMoments.MAX_DENSE_MEAN + " lags");
        }
        double meanRate = exact.meanRate();
        double etaMax = exact.secondMomentEtaMax();
        String method = exact.supportLag() < 0 ? "closed geometric recursion"
                : "lag-augmented recursion, support 0.." + exact.supportLag();
        return new ExactMomentsStudy(steps, series, stationary, perCoord, meanRate, rho2, Math.log(rho2), etaMax, method,
                notes, seconds);
    }

    /** @return steps per second of wall time */
    public double stepsPerSecond() {
        return steps / seconds;
    }
}
