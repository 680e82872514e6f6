package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;

/**
 * The tail average of the iterates (Polyak and Juditsky 1992; here over the last share of the
 * run): the mean of the parameters after every update from a start version on, updated as a
 * running mean, mean_n = mean_{n-1} + (theta_n - mean_{n-1}) / n. At a constant learning rate the
 * last iterate keeps the noise of its stationary distribution; the average over many updates has
 * far less of it.
 */
public final class IterateAverage {
    private final long from;
    private final double[] mean;
    private long count;

    /**
     * @param from the first version averaged
     * @param dimension the number of parameters
     */
    public IterateAverage(long from, int dimension) {
        this.from = from;
        this.mean = new double[dimension];
    }

    /**
     * @param tail the share of the run averaged, 0 &lt; tail &lt;= 1 ({@code --average tail:F})
     * @param updates the run's updates
     * @param dimension the number of parameters
     * @return the average over the last {@code tail} of the updates
     */
    public static IterateAverage tail(double tail, long updates, int dimension) {
        if (!(tail > 0 && tail <= 1)) {
            throw new InvalidParameterException("average", "tail:" + tail, "tail:F with 0 < F <= 1");
        }
        return new IterateAverage(Math.max(1, updates - Math.round(tail * updates) + 1), dimension);
    }

    /**
     * @param version the version of {@code params}
     * @param params the parameters after that update
     */
    public void add(long version, double[] params) {
        if (version < from) {
            return;
        }
        count++;
        double inv = 1.0 / count;
        for (int i = 0; i < mean.length; i++) {
            mean[i] += (params[i] - mean[i]) * inv;
        }
    }

    /** @return the first version averaged */
    public long from() {
        return from;
    }

    /** @return the number of iterates averaged */
    public long count() {
        return count;
    }

    /** @return the average (a copy) */
    public double[] mean() {
        return mean.clone();
    }
}
