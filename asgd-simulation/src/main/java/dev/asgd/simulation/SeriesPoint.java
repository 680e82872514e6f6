package dev.asgd.simulation;

/**
 * One record of a time series, the shape every command prints (DESIGN.md): exact moments leave
 * the standard errors NaN and the quantiles empty; SME and Fokker-Planck records set {@code time}.
 *
 * @param step k
 * @param time continuous time t (NaN for discrete ASGD)
 * @param mean E theta_k per coordinate
 * @param meanStdErr standard error of each mean (NaN when exact)
 * @param secondMomentPerCoordinate E (theta_{k,i} - theta*_i)^2
 * @param secondMoment E |theta_k - theta*|^2
 * @param secondMomentStdErr its standard error (NaN when exact)
 * @param excessLoss E f(theta_k) - f*
 * @param excessLossStdErr its standard error (NaN when exact)
 * @param quantiles quantiles of |theta_k - theta*| at the levels of the run (empty when exact)
 */
public record SeriesPoint(long step, double time, double[] mean, double[] meanStdErr,
        double[] secondMomentPerCoordinate, double secondMoment, double secondMomentStdErr, double excessLoss,
        double excessLossStdErr, double[] quantiles) {

    /**
     * @param step k
     * @param mean E theta_k
     * @param secondMomentPerCoordinate per coordinate
     * @param secondMoment total
     * @param excessLoss E f - f*
     * @return an exact record (no standard errors, no quantiles)
     */
    public static SeriesPoint exact(long step, double[] mean, double[] secondMomentPerCoordinate, double secondMoment,
            double excessLoss) {
        double[] nan = new double[mean.length];
        java.util.Arrays.fill(nan, Double.NaN);
        return new SeriesPoint(step, Double.NaN, mean, nan, secondMomentPerCoordinate, secondMoment, Double.NaN,
                excessLoss, Double.NaN, new double[0]);
    }
}
