package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.problem.VectorOps;
import dev.asgd.training.staleness.StalenessLog;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The parameter server: holds the parameters and their version, applies one gradient at a time
 * (under its lock), and records each update's staleness
 * tau = (version at apply) - (version read), exactly. An update whose result is not finite is not
 * applied: the server throws {@link NumericalDivergenceException} naming the update and the worker
 * and keeps the last good parameters. Once the target version is reached, further gradients are
 * discarded, so a run ends with exactly the target number of updates.
 *
 * <p>Reads take no lock: every apply writes a new parameter array and publishes it with its
 * version as one immutable {@link View} (copy-on-write), so workers read while another worker
 * applies, and a read's version is exactly the version of the parameters it returns.
 *
 * <p>With {@link #recycleVersions()} (the threads engine's workers) the arrays of old versions are
 * reused instead of a fresh 8 x dimension bytes per update: every reader then reads through
 * {@link #view(int)}, which publishes the version it holds until its next read (or
 * {@link #release}); a replaced version's array is recycled once no reader's published version is
 * its version. A reader publishes, then checks that the version it publishes is still the current one
 * (volatile accesses are sequentially consistent), so a version is never recycled under a reader; a
 * worker that computes at the version its own update created ({@link #applyAndView}) has it published
 * for it under the lock, while that version is still the current one.
 */
public final class ParameterServer {
    /** Called under the server's lock after every applied update. */
    public interface ApplyHook {
        /**
         * @param version the new version
         * @param gradient the gradient applied
         * @param staleness its staleness
         * @param params the new parameters (do not modify; never modified afterwards, so they may be kept,
         *     unless the server {@linkplain ParameterServer#recycles() recycles} its versions: then copy them to keep them)
         */
        void afterApply(long version, Gradient gradient, long staleness, double[] params);
    }

    /**
     * A published version of the parameters.
     *
     * @param version the version
     * @param params its parameters (never modified: do not modify them)
     */
    public record View(long version, double[] params) {
    }

    private double[] params;
    private long version;
    private volatile View current;
    private final long target;
    private final LearningRatePolicy policy;
    private final double eta;
    private final int workers;
    private final StalenessLog log;
    private final long[] applied;
    private final long[] clock;
    private long discarded;
    private ApplyHook hook;
    private double lossLimit = Double.POSITIVE_INFINITY;
    private volatile boolean stopped;
    private final java.util.List<Runnable> stopListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String lossLimitReason = "";
    /** Per reader: the version it holds ({@link #IDLE}: none); null while versions are not recycled. */
    private volatile AtomicLongArray reading;
    /** Replaced versions, oldest first, until no reader can hold them. */
    private final ArrayDeque<View> retired = new ArrayDeque<>();
    /** Arrays of versions no reader holds, reused by {@link #apply}. */
    private final ArrayDeque<double[]> free = new ArrayDeque<>();

    /** A reader that holds no version. */
    static final long IDLE = Long.MAX_VALUE;
    /** Entries of {@link #reading} per reader: 128 bytes, so that readers publish on cache lines of their own. */
    static final int PAD = 16;
    /** Free arrays made when recycling starts. */
    static final int PREFILLED = 2;
    /** Most free arrays kept for reuse (the rest are left to the garbage collector). */
    static final int MAX_FREE = 4;
    /** Most readers for which versions are recycled (each update checks every reader's version). */
    static final int MAX_RECYCLING_READERS = 64;

    /**
     * @param initial the parameters at {@code version} (copied)
     * @param version the starting version (0, or a checkpoint's)
     * @param target the version at which the run ends
     * @param policy the learning-rate policy
     * @param eta the base learning rate
     * @param workers M
     * @param log where staleness goes
     * @param applied gradients applied per worker so far (copied)
     */
    public ParameterServer(double[] initial, long version, long target, LearningRatePolicy policy, double eta,
            int workers, StalenessLog log, long[] applied) {
        this.params = initial.clone();
        this.version = version;
        this.current = new View(version, params);
        this.target = target;
        this.policy = policy;
        this.eta = eta;
        this.workers = workers;
        this.log = log;
        this.applied = Arrays.copyOf(applied, workers);
        this.clock = Arrays.copyOf(applied, workers);
    }

    /** @param hook called after every update (evaluation, checkpoints, the schedule) */
    public synchronized void setHook(ApplyHook hook) {
        this.hook = hook;
    }

    /**
     * Sets the divergence bound: a gradient whose minibatch loss exceeds {@code limit} is not
     * applied, and the server throws {@link NumericalDivergenceException} naming the update and
     * the worker.
     *
     * @param limit the largest minibatch loss accepted (positive infinity: no bound)
     * @param reason what the bound is, for the message, e.g. "1e6 x the initial training loss 0.52"
     */
    public synchronized void setLossLimit(double limit, String reason) {
        this.lossLimit = limit;
        this.lossLimitReason = reason;
    }

    /** @return what the divergence bound is, for messages */
    public synchronized String lossLimitReason() {
        return lossLimitReason;
    }

    /** @return the divergence bound on the minibatch loss */
    public synchronized double lossLimit() {
        return lossLimit;
    }

    /**
     * Copies the current parameters.
     *
     * @param into output of {@code dimension} entries
     * @return the version copied, or -1 when the run is done
     */
    public long read(double[] into) {
        View v = view();
        if (v == null) {
            return -1;
        }
        System.arraycopy(v.params(), 0, into, 0, v.params().length);
        return v.version();
    }

    /**
     * The current version without a copy and without the lock.
     *
     * @return the latest published parameters and their version, or null when the run is done
     */
    public View view() {
        View v = current;
        if (v.version() >= target || stopped) {
            return null;
        }
        return v;
    }

    /**
     * Recycles the arrays of replaced versions from now on (see the class comment). From then on
     * every reader must read through {@link #view(int)}, and {@link #view()} and the parameters of
     * an {@link ApplyHook} are valid only until their version is replaced: copy them to keep them.
     * Not done for a learning-rate policy that keeps the parameters a gradient was computed at
     * (delay compensation), nor for more than {@link #MAX_RECYCLING_READERS} readers.
     */
    public synchronized void recycleVersions() {
        if (policy.needsReadParameters() || reading != null || workers > MAX_RECYCLING_READERS) {
            return;
        }
        AtomicLongArray r = new AtomicLongArray(workers * PAD);
        for (int w = 0; w < workers; w++) {
            r.set(w * PAD, IDLE);
        }
        reading = r;
        // the first updates take a free array like the later ones (the compiled apply of an earlier run in
        // this JVM, the rehearsal's, had no branch for an empty list and would be deoptimised here)
        for (int i = 0; i < PREFILLED; i++) {
            free.add(new double[params.length]);
        }
    }

    /** @return whether the arrays of replaced versions are recycled ({@link #recycleVersions()}) */
    public boolean recycles() {
        return reading != null;
    }

    /**
     * A reader's read: the current version without a copy and without the lock, which stays valid
     * (its array is not recycled) until this reader's next read or {@link #release}.
     *
     * @param reader the reader (a worker)
     * @return the latest published parameters and their version, or null when the run is done
     */
    public View view(int reader) {
        AtomicLongArray r = reading;
        if (r == null) {
            return view();
        }
        while (true) {
            View v = current;
            if (v.version() >= target || stopped) {
                return null;
            }
            r.set(reader * PAD, v.version());
            if (current == v) {
                return v;
            }
        }
    }

    /** @param reader a reader that holds no version from now on (it left the run) */
    public void release(int reader) {
        AtomicLongArray r = reading;
        if (r != null) {
            r.set(reader * PAD, IDLE);
        }
    }

    /** @return a copy of the current version (parameters copied under the lock) */
    public synchronized View copy() {
        return new View(version, params.clone());
    }

    /** @return a copy of the current parameters */
    public synchronized double[] snapshot() {
        return params.clone();
    }

    /** @return the current version */
    public synchronized long version() {
        return version;
    }

    /** @return the target version */
    public long target() {
        return target;
    }

    /** @return whether the target version has been reached, or the run was stopped */
    public synchronized boolean done() {
        return version >= target || stopped;
    }

    /**
     * Stops the run after a worker or a background evaluation failed (a divergence): reads return
     * null / -1, gradients are discarded, workers waiting for their clock see it within 50 ms, and
     * the stop listeners run (e.g. the sync barrier is broken). Takes no lock, so that a thread
     * waiting on one held by an applier (the background evaluator) can always stop the run.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (Runnable r : stopListeners) {
            r.run();
        }
    }

    /**
     * @param listener run once when the run is stopped (by {@link #stop}), on the stopping thread
     */
    public void onStop(Runnable listener) {
        stopListeners.add(listener);
        if (stopped) {
            listener.run();
        }
    }

    /** @return whether {@link #stop} was called */
    public boolean stopped() {
        return stopped;
    }

    /** @return gradients applied per worker (each worker's next minibatch step after a resume) */
    public synchronized long[] appliedPerWorker() {
        return applied.clone();
    }

    /** @return gradients discarded because they arrived after the target */
    public synchronized long discarded() {
        return discarded;
    }

    /**
     * Applies one gradient with the policy:
     * theta &lt;- theta - rate(eta, M, tau) (g + lambda g^2 (theta - theta_read)).
     *
     * @param g the gradient
     * @return its staleness, or -1 when it was discarded (the run is done)
     * @throws NumericalDivergenceException if the gradient or the result is not finite, or the
     *     minibatch loss exceeds the divergence bound
     */
    public synchronized long apply(Gradient g) {
        int w = g.worker();
        if (w >= 0) {
            clock[w]++;
            notifyAll();
        }
        if (version >= target || stopped) {
            discarded++;
            return -1;
        }
        long staleness = version - g.readVersion();
        double rate = policy.rate(eta, workers, staleness) * policy.factor(version);
        double lambda = policy.compensation();
        double[] gv = g.values();
        double[] read = g.readParameters();
        boolean compensate = lambda != 0 && read != null;
        int n = params.length;
        AtomicLongArray r = reading;
        double[] scratch = r == null || free.isEmpty() ? new double[n] : free.poll();
        boolean finite;
        if (compensate) {
            for (int i = 0; i < n; i++) {
                double gi = gv[i];
                gi += lambda * gi * gi * (params[i] - read[i]);
                scratch[i] = params[i] - rate * gi;
            }
            finite = VectorOps.allFinite(scratch);
        } else {
            // the dense kernels' step (vectorised when the Vector API is there), the same bits
            finite = VectorOps.step(params, rate, gv, scratch);
        }
        if (!finite) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(scratch[i])) {
                    throw new NumericalDivergenceException(version + 1, where(w), scratch[i],
                            "non-finite parameter " + i + " after the update; gradient entry " + gv[i]);
                }
            }
        }
        if (!Double.isFinite(g.batchLoss())) {
            throw new NumericalDivergenceException(version + 1, where(w), g.batchLoss(), "non-finite minibatch loss");
        }
        if (g.batchLoss() > lossLimit) {
            throw new NumericalDivergenceException(version + 1, where(w), g.batchLoss(),
                    "minibatch loss above " + lossLimitReason);
        }
        View replaced = current;
        params = scratch;
        version++;
        current = new View(version, params);
        if (r != null) {
            recycle(r, replaced);
        }
        if (w >= 0) {
            applied[w]++;
        }
        log.record(w, staleness);
        if (hook != null) {
            hook.afterApply(version, g, staleness, params);
        }
        return staleness;
    }

    /**
     * Applies a worker's gradient as {@link #apply} does and gives the worker the version its update
     * created, to compute its next gradient at: when versions are recycled it is held for the
     * worker, as {@link #view(int)} holds a read, until the worker's next {@link #view(int)},
     * {@code applyAndView} or {@link #release}.
     *
     * @param g a worker's gradient ({@code worker() >= 0})
     * @return the version created (possibly the target version: then the run is over), or null when
     *     the gradient was discarded (the run was over)
     * @throws NumericalDivergenceException as {@link #apply}
     */
    public synchronized View applyAndView(Gradient g) {
        if (apply(g) < 0) {
            return null;
        }
        View v = current;
        AtomicLongArray r = reading;
        if (r != null) {
            r.set(g.worker() * PAD, v.version());
        }
        return v;
    }

    /**
     * Retires a replaced version and frees the arrays of the retired versions no reader holds (a
     * slow reader keeps only its own version, not the ones after it).
     */
    private void recycle(AtomicLongArray r, View replaced) {
        retired.add(replaced);
        for (java.util.Iterator<View> it = retired.iterator(); it.hasNext();) {
            View v = it.next();
            if (!held(r, v.version())) {
                it.remove();
                if (free.size() < MAX_FREE) {
                    free.add(v.params());
                }
            }
        }
    }

    private boolean held(AtomicLongArray r, long version) {
        for (int w = 0; w < workers; w++) {
            if (r.get(w * PAD) == version) {
                return true;
            }
        }
        return false;
    }

    private static String where(int w) {
        return w < 0 ? "the sync round's average gradient" : "worker " + w;
    }

    /**
     * Stale synchronous parallel: blocks worker w while it is more than {@code bound} clocks
     * (submitted gradients) ahead of the slowest worker.
     *
     * @param w the worker
     * @param bound S
     * @return false when the run is done
     * @throws InterruptedException when interrupted
     */
    public synchronized boolean awaitClock(int w, int bound) throws InterruptedException {
        while (version < target && !stopped) {
            long min = Long.MAX_VALUE;
            for (long c : clock) {
                min = Math.min(min, c);
            }
            if (clock[w] - min <= bound) {
                return true;
            }
            wait(50);
        }
        return false;
    }

    /** Wakes workers waiting in {@link #awaitClock} (at the end of a run). */
    public synchronized void wakeAll() {
        notifyAll();
    }
}
