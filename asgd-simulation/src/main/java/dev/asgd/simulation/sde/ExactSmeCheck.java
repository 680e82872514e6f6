package dev.asgd.simulation.sde;

import dev.asgd.simulation.SeriesPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact SME moments of the unperturbed quadratic beside an SME ensemble: the exact series, the
 * stationary law, and how far the ensemble's records lie from the exact ones in standard errors.
 *
 * @param series the exact records (time set, no standard errors)
 * @param stationarySecondMoment lim E |Theta - theta*|^2
 * @param stationarySecondMomentPerCoordinate lim E (Theta_i - theta*_i)^2
 * @param stationaryCovariance per coordinate, the stationary covariance of (Theta_i, dTheta_i) as a
 *     2 x 2 array
 * @param ensembleMaxAbsZ {@link #maxAbsZ} of the ensemble against {@code series}
 */
public record ExactSmeCheck(List<SeriesPoint> series, double stationarySecondMoment,
        double[] stationarySecondMomentPerCoordinate, List<double[][]> stationaryCovariance, double ensembleMaxAbsZ) {

    /** Copies the lists. */
    public ExactSmeCheck {
        series = List.copyOf(series);
        stationaryCovariance = List.copyOf(stationaryCovariance);
    }

    /**
     * @param problem the SME (unperturbed)
     * @param exact its exact records ({@link SmeMoments#series})
     * @param ensemble an ensemble's records at the same steps
     * @return the exact moments and the ensemble's largest deviation from them
     */
    public static ExactSmeCheck of(SdeProblem problem, List<SeriesPoint> exact, List<SeriesPoint> ensemble) {
        List<double[][]> cov = new ArrayList<>();
        for (int i = 0; i < problem.dimension(); i++) {
            cov.add(problem.linearSme(i).stationaryCovariance().toArray());
        }
        return new ExactSmeCheck(exact, SmeMoments.stationarySecondMoment(problem),
                SmeMoments.stationarySecondMomentPerCoordinate(problem), cov, maxAbsZ(ensemble, exact));
    }

    /**
     * @param ensemble an ensemble's records, with standard errors
     * @param exact the exact records at the same steps
     * @return the largest |ensemble - exact| / standard error over the means and second moments of
     *     the records after the first (record 0 is the deterministic start)
     */
    public static double maxAbsZ(List<SeriesPoint> ensemble, List<SeriesPoint> exact) {
        double z = 0;
        for (int r = 1; r < exact.size(); r++) {
            SeriesPoint e = exact.get(r);
            SeriesPoint p = ensemble.get(r);
            z = Math.max(z, Math.abs(p.secondMoment() - e.secondMoment()) / p.secondMomentStdErr());
            for (int i = 0; i < e.mean().length; i++) {
                z = Math.max(z, Math.abs(p.mean()[i] - e.mean()[i]) / p.meanStdErr()[i]);
            }
        }
        return z;
    }
}
