package dev.asgd.training.staleness;

import dev.asgd.core.Require;
import java.util.Arrays;

/**
 * Staleness tau = (version at apply) - (version read) of every update: a histogram per worker and,
 * optionally, the sequence in apply order. Not thread-safe across workers except as used: the
 * parameter server records under its lock; hogwild workers each touch only their own histogram
 * and keep no sequence.
 */
public final class StalenessLog {
    private final long[][] perWorker;
    private final boolean keepSequence;
    private int[] sequence = new int[1024];
    private int length;

    /**
     * @param workers M
     * @param keepSequence whether to keep the per-update sequence
     */
    public StalenessLog(int workers, boolean keepSequence) {
        Require.atLeast(workers, 1, "workers");
        this.perWorker = new long[workers][8];
        this.keepSequence = keepSequence;
    }

    /**
     * @param worker the worker (-1, a sync round's average, counts as worker 0)
     * @param staleness tau >= 0
     */
    public void record(int worker, long staleness) {
        if (staleness < 0) {
            throw new IllegalStateException("negative staleness " + staleness + " of worker " + worker);
        }
        int w = Math.max(worker, 0);
        int s = (int) Math.min(staleness, Integer.MAX_VALUE - 8);
        long[] h = perWorker[w];
        if (s >= h.length) {
            h = Arrays.copyOf(h, Math.max(2 * h.length, s + 1));
            perWorker[w] = h;
        }
        h[s]++;
        if (keepSequence) {
            if (length == sequence.length) {
                sequence = Arrays.copyOf(sequence, 2 * length);
            }
            sequence[length++] = s;
        }
    }

    /**
     * Restores histograms (from a checkpoint).
     *
     * @param histograms one histogram per worker
     */
    public void restore(long[][] histograms) {
        for (int w = 0; w < perWorker.length && w < histograms.length; w++) {
            perWorker[w] = histograms[w].length == 0 ? new long[8] : histograms[w].clone();
        }
    }

    /** @return the number of workers */
    public int workers() {
        return perWorker.length;
    }

    /**
     * @param worker the worker
     * @return its histogram, trimmed after the last non-zero bin
     */
    public long[] histogram(int worker) {
        return trim(perWorker[worker]);
    }

    /** @return the histograms of all workers (copies) */
    public long[][] histograms() {
        long[][] h = new long[perWorker.length][];
        for (int w = 0; w < h.length; w++) {
            h[w] = histogram(w);
        }
        return h;
    }

    /** @return the histogram over all workers */
    public long[] total() {
        int max = 0;
        for (long[] h : perWorker) {
            max = Math.max(max, trim(h).length);
        }
        long[] t = new long[max];
        for (long[] h : perWorker) {
            for (int i = 0; i < Math.min(h.length, max); i++) {
                t[i] += h[i];
            }
        }
        return t;
    }

    /** @return the staleness of each update since the start (or resume), in apply order */
    public int[] sequence() {
        return Arrays.copyOf(sequence, length);
    }

    /** @return the number of updates recorded in the histograms */
    public long count() {
        return Arrays.stream(total()).sum();
    }

    /** @return the mean staleness, NaN before any update */
    public double mean() {
        long[] t = total();
        long n = 0;
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            n += t[i];
            s += (double) i * t[i];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static long[] trim(long[] h) {
        int end = h.length;
        while (end > 0 && h[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(h, end);
    }
}
