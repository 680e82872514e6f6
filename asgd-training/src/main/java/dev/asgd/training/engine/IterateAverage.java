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
 * mean of every version, bit for bit. Why parts: a worker's own version is in its own core's
 * cache, while one shared mean of 8 x dimension bytes would be read and written by the cores in
 * turn at every update (measured on Fashion-MNIST softmax, two workers on two cores, in one JVM:
 * 2-3 % more updates per second with the parts).
 *
 * <p>Who adds: the server's hook, under the server's lock, on the thread that applied the version;
 * or, when every worker has a part of its own ({@link #partPerWorker()}), each worker adds the
 * versions its own pushes created, outside the lock and concurrently with the other workers (the
 * threads engine's async workers, {@link LocalParameterChannel#pullingCreatedVersions}). A part is
 * then only ever touched by its worker's thread, and {@link #mean} and {@link #count} are read after
 * those threads ended. Either way a part sees the same versions in the same order: the same bits.
 */
public final class IterateAverage {
    /** Most parts (the memory is parts x dimension doubles). */
    static final int MAX_PARTS = 8;

    private final long from;
    private final int dimension;
    private final int workers;
    private final Part[] parts;

    /**
     * @param from the first version averaged
     * @param dimension the number of parameters
     * @param workers the workers whose versions are added (at least 1)
     */
    public IterateAverage(long from, int dimension, int workers) {
        this.from = from;
        this.dimension = dimension;
        int n = Math.max(1, Math.min(workers, MAX_PARTS));
        this.parts = new Part[n];
        this.workers = Math.max(1, workers);
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
        Part part = parts[k];
        if (part == null) {
            // made by the thread that adds to it: in its own allocation buffer, apart from the others
            part = new Part(dimension);
            parts[k] = part;
        }
        double[] mean = part.mean;
        double inv = 1.0 / ++part.count;
        for (int i = 0; i < dimension; i++) {
            mean[i] += (params[i] - mean[i]) * inv;
        }
    }

    /**
     * @return whether every worker has a part of its own (at most {@link #MAX_PARTS} workers): then
     *     the workers may add their own versions concurrently (see the class comment)
     */
    public boolean partPerWorker() {
        return workers <= parts.length;
    }

    /** @return the first version averaged */
    public long from() {
        return from;
    }

    /** @return the number of iterates averaged */
    public long count() {
        long count = 0;
        for (Part part : parts) {
            count += part == null ? 0 : part.count;
        }
        return count;
    }

    /** @return the average (a new array; zeros before the first version averaged) */
    public double[] mean() {
        long count = count();
        double[] out = new double[dimension];
        for (Part part : parts) {
            if (part != null && part.count == count && count > 0) {
                return part.mean.clone();
            }
        }
        for (Part part : parts) {
            if (part != null && part.count > 0) {
                double weight = (double) part.count / count;
                double[] mean = part.mean;
                for (int i = 0; i < dimension; i++) {
                    out[i] += weight * mean[i];
                }
            }
        }
        return out;
    }

    /** One part: a running mean and the number of versions in it. */
    private static final class Part {
        final double[] mean;
        long count;

        Part(int dimension) {
            this.mean = new double[dimension];
        }
    }
}
