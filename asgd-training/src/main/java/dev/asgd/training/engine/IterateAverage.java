package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;

/**
 * The tail average of the iterates (Polyak and Juditsky 1992; here over the last share of the
 * run): the mean of the parameters after every update from a start version on. At a constant
 * learning rate the last iterate keeps the noise of its stationary distribution; the average over
 * many updates has far less of it.
 *
 * <p>Each worker's versions go into a running mean of their own, mean_n = mean_{n-1} + (theta_n -
 * mean_{n-1}) / n, one part per worker (workers beyond {@link #MAX_PARTS} share parts); {@link #mean}
 * weighs the parts by their counts. With one part (one worker, sync rounds) that is the running
 * mean of every version, bit for bit. Why parts: the server's hook adds a version on the thread that
 * applied it, under the server's lock, and a worker's own version is in its own cache; one shared
 * mean of 8 x dimension bytes would be read and written by the two cores in turn at every update
 * (measured on Fashion-MNIST softmax, two workers on two cores, in one JVM: 2-3 % more updates per
 * second with the parts).
 */
public final class IterateAverage {
    /** Most parts (the memory is parts x dimension doubles). */
    static final int MAX_PARTS = 8;

    private final long from;
    private final int dimension;
    private final double[][] parts;
    private final long[] counts;
    private long count;

    /**
     * @param from the first version averaged
     * @param dimension the number of parameters
     * @param workers the workers whose versions are added (at least 1)
     */
    public IterateAverage(long from, int dimension, int workers) {
        this.from = from;
        this.dimension = dimension;
        int n = Math.max(1, Math.min(workers, MAX_PARTS));
        this.parts = new double[n][];
        this.counts = new long[n];
    }

    /**
     * @param tail the share of the run averaged, 0 &lt; tail &lt;= 1 ({@code --average tail:F})
     * @param updates the run's updates
     * @param dimension the number of parameters
     * @param workers the workers whose versions are added
     * @return the average over the last {@code tail} of the updates
     */
    public static IterateAverage tail(double tail, long updates, int dimension, int workers) {
        if (!(tail > 0 && tail <= 1)) {
            throw new InvalidParameterException("average", "tail:" + tail, "tail:F with 0 < F <= 1");
        }
        return new IterateAverage(Math.max(1, updates - Math.round(tail * updates) + 1), dimension, workers);
    }

    /**
     * @param version the version of {@code params}
     * @param worker the worker whose update created it (-1, a sync round, counts as worker 0)
     * @param params the parameters after that update
     */
    public void add(long version, int worker, double[] params) {
        if (version < from) {
            return;
        }
        int k = Math.floorMod(Math.max(worker, 0), parts.length);
        double[] mean = parts[k];
        if (mean == null) {
            mean = new double[dimension];
            parts[k] = mean;
        }
        count++;
        double inv = 1.0 / ++counts[k];
        for (int i = 0; i < dimension; i++) {
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

    /** @return the average (a new array; zeros before the first version averaged) */
    public double[] mean() {
        double[] out = new double[dimension];
        for (int k = 0; k < parts.length; k++) {
            if (counts[k] == count && count > 0) {
                return parts[k].clone();
            }
        }
        for (int k = 0; k < parts.length; k++) {
            if (counts[k] > 0) {
                double weight = (double) counts[k] / count;
                double[] mean = parts[k];
                for (int i = 0; i < dimension; i++) {
                    out[i] += weight * mean[i];
                }
            }
        }
        return out;
    }
}
