package dev.asgd.training.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The schedule of an asynchronous run kept in memory (worker, minibatch step and staleness of
 * every update, 12 bytes an update), so that the run can be replayed at other learning rates
 * ({@link CounterfactualReplay}) without a file. Runs longer than {@link #MAX_UPDATES} updates keep
 * none. Written under the parameter server's lock, in apply order.
 */
public final class ScheduleLog {
    /** Longest run whose schedule is kept in memory (48 MB). */
    public static final int MAX_UPDATES = 4_000_000;

    private final long firstVersion;
    private int[] worker;
    private int[] step;
    private int[] staleness;
    private int length;
    private boolean overflow;

    /**
     * @param firstVersion the version before the first update logged (0, or a checkpoint's)
     * @param expected the number of updates expected (the initial capacity, at most 65536)
     */
    public ScheduleLog(long firstVersion, int expected) {
        this.firstVersion = firstVersion;
        int cap = Math.max(16, Math.min(expected, 1 << 16));
        this.worker = new int[cap];
        this.step = new int[cap];
        this.staleness = new int[cap];
    }

    /**
     * @param w the worker (-1: a sync round)
     * @param workerStep its minibatch step
     * @param readVersion the version it read
     */
    public void add(int w, long workerStep, long readVersion) {
        if (length == MAX_UPDATES) {
            overflow = true;
            return;
        }
        if (length == worker.length) {
            int cap = (int) Math.min((long) length * 2, MAX_UPDATES);
            worker = Arrays.copyOf(worker, cap);
            step = Arrays.copyOf(step, cap);
            staleness = Arrays.copyOf(staleness, cap);
        }
        long version = firstVersion + length;
        worker[length] = w;
        step[length] = (int) Math.min(workerStep, Integer.MAX_VALUE);
        staleness[length] = (int) Math.min(version - readVersion, Integer.MAX_VALUE);
        length++;
    }

    /** @return the number of updates logged */
    public int size() {
        return length;
    }

    /** @return whether the log holds a whole run from version 0 (so that it can be replayed) */
    public boolean replayable() {
        return firstVersion == 0 && length > 0 && !overflow;
    }

    /** @return the staleness of each update, in apply order */
    public int[] staleness() {
        return Arrays.copyOf(staleness, length);
    }

    /**
     * @param fingerprint the run's fingerprint
     * @return the schedule, as {@link Schedule#read} would return it from a recorded file
     */
    public Schedule toSchedule(String fingerprint) {
        List<Schedule.Entry> e = new ArrayList<>(length);
        for (int k = 0; k < length; k++) {
            long version = firstVersion + k;
            e.add(new Schedule.Entry(worker[k], step[k], version - staleness[k]));
        }
        return new Schedule(fingerprint, e);
    }
}
