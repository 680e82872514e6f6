package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.problem.VectorOps;
import dev.asgd.training.staleness.StalenessLog;
import java.util.Arrays;

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
 */
public final class ParameterServer {
    /** Called under the server's lock after every applied update. */
    public interface ApplyHook {
        /**
         * @param version the new version
         * @param gradient the gradient applied
         * @param staleness its staleness
         * @param params the new parameters (do not modify; never modified afterwards, so they may be kept)
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
        double[] scratch = new double[n];
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
        params = scratch;
        version++;
        current = new View(version, params);
        if (w >= 0) {
            applied[w]++;
        }
        log.record(w, staleness);
        if (hook != null) {
            hook.afterApply(version, g, staleness, params);
        }
        return staleness;
    }

    /** Four independent chains of x * 0 (NaN for an infinite or NaN x): no branch per entry. */
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
