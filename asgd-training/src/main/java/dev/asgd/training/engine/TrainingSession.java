package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.staleness.GeometricFit;
import dev.asgd.training.staleness.StalenessLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The driver-side state of one run, shared by every engine: the parameter server, the worker
 * computation, the staleness log, the metric series, the schedule recorder and the checkpoints.
 * It is the server's {@link ParameterServer.ApplyHook}: after each update (under the server's
 * lock, hence in apply order) it records the schedule, evaluates the metrics when due and writes
 * a checkpoint when due (after the metrics, so that a divergent loss is never checkpointed).
 *
 * <p>With {@link #evaluateInBackground()} (the threads engine) a due metric point is computed on
 * a separate thread from the parameters of its version (published parameters are immutable, so
 * no copy is needed), its wall time and mean staleness taken at the update: the series is the
 * same point for point, and the appliers do not hold the server's lock during an evaluation. A
 * divergent evaluation stops the server and is rethrown by {@link #stopEvaluations()}; points
 * after it are dropped. At a checkpoint the pending evaluations are awaited and the version's
 * own metrics computed in line, so checkpoints stay consistent.
 */
public final class TrainingSession implements ParameterServer.ApplyHook {
    /** Largest number of training rows of the training loss. */
    public static final int EVAL_ROWS = 10_000;

    /** Receives progress (from the applying thread; keep it cheap). */
    public interface Listener {
        /**
         * @param version updates so far
         * @param target the run's updates
         * @param trainLoss the last training loss
         * @param updatesPerSecond since the start of this process's part
         * @param meanStaleness mean staleness so far
         */
        void progress(long version, long target, double trainLoss, double updatesPerSecond, double meanStaleness);
    }

    /** Default divergence factor: a run stops once its loss exceeds 1e6 times the initial training loss. */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 1e6;

    /** Smallest divergence factor: a single minibatch's loss may exceed the training loss several times over. */
    public static final double MIN_DIVERGENCE_FACTOR = 10;

    /**
     * @param checkpointDir where checkpoints go, or null
     * @param resume continue from the checkpoint in checkpointDir when there is one
     * @param recordSchedule where the schedule goes, or null
     * @param listener progress, or null
     * @param averageTail the share of the run whose iterates are averaged ({@link IterateAverage};
     *     0: none)
     * @param divergenceFactor the run stops with {@link NumericalDivergenceException} once a minibatch
     *     or evaluated training loss exceeds this factor times the initial training loss (at least
     *     {@link #MIN_DIVERGENCE_FACTOR}; positive infinity: only non-finite values stop it)
     */
    public record Options(Path checkpointDir, boolean resume, Path recordSchedule, Listener listener,
            double divergenceFactor, double averageTail) {
        /** Validates. */
        public Options {
            if (!(divergenceFactor >= MIN_DIVERGENCE_FACTOR)) {
                throw new InvalidParameterException("divergence-factor", divergenceFactor, "a factor >= "
                        + MIN_DIVERGENCE_FACTOR + " (one minibatch's loss is a noisy sample of the training loss) or Infinity");
            }
            if (!(averageTail >= 0 && averageTail <= 1)) {
                throw new InvalidParameterException("average", "tail:" + averageTail, "tail:F with 0 < F <= 1");
            }
            if (averageTail > 0 && checkpointDir != null) {
                throw new InvalidParameterException("average", "tail:" + averageTail,
                        "no --average with --checkpoint (the average is not part of a checkpoint)");
            }
        }

        /**
         * With the default divergence factor.
         *
         * @param checkpointDir where checkpoints go, or null
         * @param resume continue from the checkpoint in checkpointDir when there is one
         * @param recordSchedule where the schedule goes, or null
         * @param listener progress, or null
         */
        public Options(Path checkpointDir, boolean resume, Path recordSchedule, Listener listener) {
            this(checkpointDir, resume, recordSchedule, listener, DEFAULT_DIVERGENCE_FACTOR);
        }

        /**
         * Without averaging.
         *
         * @param checkpointDir where checkpoints go, or null
         * @param resume continue from the checkpoint in checkpointDir when there is one
         * @param recordSchedule where the schedule goes, or null
         * @param listener progress, or null
         * @param divergenceFactor the divergence factor
         */
        public Options(Path checkpointDir, boolean resume, Path recordSchedule, Listener listener,
                double divergenceFactor) {
            this(checkpointDir, resume, recordSchedule, listener, divergenceFactor, 0);
        }

        /**
         * @param tail the share of the run whose iterates are averaged (0: none)
         * @return a copy that averages the last {@code tail} of the iterates
         */
        public Options withAverageTail(double tail) {
            return new Options(checkpointDir, resume, recordSchedule, listener, divergenceFactor, tail);
        }

        /** @return no checkpoints, no schedule, no progress, the default divergence factor */
        public static Options none() {
            return new Options(null, false, null, null);
        }

        /**
         * @param factor the divergence factor
         * @return a copy with another divergence factor
         */
        public Options withDivergenceFactor(double factor) {
            return new Options(checkpointDir, resume, recordSchedule, listener, factor, averageTail);
        }
    }

    private final TrainingConfig config;
    private final Problem problem;
    private final SessionData data;
    private final LocalGradientComputer computer;
    private final ParameterServer server;
    private final StalenessLog log;
    private final Evaluator evaluator;
    private final CheckpointStore store;
    private CheckpointStore.Lock lock;
    private final Schedule.Recorder recorder;
    private final Listener listener;
    private final List<MetricPoint> series = new ArrayList<>();
    private final long resumedFrom;
    private final double secondsBefore;
    private final long progressEvery;
    private long startNanos;
    /** When the last update was applied (0: not yet): the end of the run's clock. */
    private volatile long endNanos;
    private double windowSum;
    private long windowCount;
    private volatile double lastLoss = Double.NaN;
    /** Largest number of metric points waiting for the background evaluator (back-pressure). */
    static final int MAX_PENDING_EVALUATIONS = 16;
    private ExecutorService evalThread;
    private final Semaphore evalSlots = new Semaphore(MAX_PENDING_EVALUATIONS);
    private volatile RuntimeException evalFailure;
    private final double divergenceFactor;
    private double lossLimit = Double.POSITIVE_INFINITY;
    private final ScheduleLog scheduleLog;
    private final IterateAverage average;
    /** Whether {@link #afterApply} adds the versions to the average (not once the workers do: {@link #averageByWorkers}). */
    private boolean averageInApply = true;

    private TrainingSession(TrainingConfig config, Problem problem, SessionData data, Options options) {
        this.config = config;
        this.problem = problem;
        this.data = data;
        boolean hogwild = config.mode().kind() == Mode.Kind.HOGWILD;
        if (hogwild && options.checkpointDir() != null) {
            throw new InvalidParameterException("checkpoint", options.checkpointDir(),
                    "checkpoints with the async, ssp or sync modes (hogwild has no consistent version to save)");
        }
        boolean replayable = config.mode().kind() == Mode.Kind.ASYNC || config.mode().kind() == Mode.Kind.SSP;
        if (!replayable && options.recordSchedule() != null) {
            throw new InvalidParameterException("record-schedule", options.recordSchedule(),
                    "a schedule with the async or ssp modes (sync is deterministic without one; hogwild cannot be replayed)");
        }
        this.computer = data.inMemory() == null ? null
                : new LocalGradientComputer(problem, data.inMemory().train(), config.batchSize(), config.seed());
        this.log = new StalenessLog(config.workers(), !hogwild);
        this.evaluator = new Evaluator(problem, data, EVAL_ROWS);
        this.store = options.checkpointDir() == null ? null : new CheckpointStore(options.checkpointDir());
        this.listener = options.listener();
        this.divergenceFactor = options.divergenceFactor();
        if (options.averageTail() > 0 && hogwild) {
            throw new InvalidParameterException("average", "tail:" + options.averageTail(),
                    "the async, ssp or sync modes (hogwild has no sequence of versions to average)");
        }
        this.average = options.averageTail() > 0
                ? IterateAverage.tail(options.averageTail(), config.updates(), problem.dimension(),
                        config.workers()) : null;
        // Held until finish() or abort(): a second run on the same directory is refused before it reads anything.
        this.lock = store == null ? null : store.lock();
        try {
            Optional<Checkpoint> cp = options.resume() && store != null ? store.read() : Optional.empty();
            double[] initial = new double[problem.dimension()];
            long version = 0;
            long[] steps = new long[config.workers()];
            double before = 0;
            if (cp.isPresent()) {
                Checkpoint c = cp.get();
                store.validate(c, config, initial.length);
                initial = c.params();
                version = c.version();
                steps = c.workerSteps();
                log.restore(c.histograms());
                series.addAll(c.series());
                before = c.seconds();
            }
            this.resumedFrom = version;
            this.secondsBefore = before;
            this.server = new ParameterServer(initial, version, config.updates(), config.policy(), config.eta(),
                    config.workers(), log, steps);
            this.recorder = options.recordSchedule() == null ? null
                    : new Schedule.Recorder(options.recordSchedule(), config.fingerprint(), version);
            this.progressEvery = Math.max(1, config.updates() / 200);
            this.scheduleLog = replayable && config.updates() - version <= ScheduleLog.MAX_UPDATES
                    ? new ScheduleLog(version, (int) (config.updates() - version)) : null;
        } catch (RuntimeException e) {
            unlock();
            throw e;
        }
        server.setHook(this);
    }

    /**
     * Prepares a run (or its continuation from a checkpoint) and starts its clock.
     *
     * @param config the settings
     * @param problem the loss
     * @param data the data
     * @param options checkpoints, schedule and progress
     * @return the session
     */
    public static TrainingSession start(TrainingConfig config, Problem problem, TrainTest data, Options options) {
        return start(config, problem, SessionData.of(data), options);
    }

    /**
     * Prepares a run on data in this JVM or where it lives (a cluster's partitions: then only
     * engines that compute gradients there can run it, see {@link #computer()}) and starts its clock.
     *
     * @param config the settings
     * @param problem the loss
     * @param data the data
     * @param options checkpoints, schedule and progress
     * @return the session
     */
    public static TrainingSession start(TrainingConfig config, Problem problem, SessionData data, Options options) {
        TrainingSession s = new TrainingSession(config, problem, data, options);
        try {
            s.begin();
        } catch (RuntimeException e) {
            s.abort();
            throw e;
        }
        return s;
    }

    private void begin() {
        TrainingSession s = this;
        if (s.series.isEmpty()) {
            s.series.add(s.evaluator.evaluate(s.server.snapshot(), s.resumedFrom, 0, Double.NaN));
            s.lastLoss = s.series.get(0).trainLoss();
        }
        // the clock runs from the first update to the last: the metrics before and after are reporting
        s.startNanos = System.nanoTime();
        double initial = s.series.get(0).trainLoss();
        if (initial > 0 && Double.isFinite(s.divergenceFactor)) {
            s.lossLimit = s.divergenceFactor * initial;
            s.server.setLossLimit(s.lossLimit, String.format(java.util.Locale.ROOT,
                    "%.3g x the initial training loss %.4g (--divergence-factor)", s.divergenceFactor, initial));
        }
    }

    /** @return whether the workers add the versions to the average ({@link #averageByWorkers} was granted) */
    boolean averageAddedByWorkers() {
        return average != null && !averageInApply;
    }

    /**
     * Hands the iterate average ({@code --average}) to the workers: from now on each worker adds the
     * versions its own pushes create, outside the server's lock, and {@link #afterApply} no longer
     * adds them (see {@link IterateAverage}). Call before the workers start, and only when every
     * applied version is created by a worker's push that adds it (async workers over a
     * {@linkplain LocalParameterChannel#pullingCreatedVersions pulling channel}).
     *
     * @return the average the workers add to, or null (nothing changed) when the run has none or its
     *     workers share parts (more than {@link IterateAverage#MAX_PARTS} workers)
     */
    public IterateAverage averageByWorkers() {
        if (average == null || !average.partPerWorker()) {
            return null;
        }
        averageInApply = false;
        return average;
    }

    /** @return the settings */
    public TrainingConfig config() {
        return config;
    }

    /** @return the loss */
    public Problem problem() {
        return problem;
    }

    /**
     * @return the rows in this JVM
     * @throws IllegalStateException when the run's rows are not held here ({@link #sessionData()})
     */
    public TrainTest data() {
        TrainTest t = data.inMemory();
        if (t == null) {
            throw new IllegalStateException("the run's rows are not in this JVM (read where they live): only an engine"
                    + " that computes there can run it");
        }
        return t;
    }

    /** @return the run's data: its shape and evaluation, the rows in this JVM or where they live */
    public SessionData sessionData() {
        return data;
    }

    /**
     * @return the worker-side computation in this JVM
     * @throws IllegalStateException when the run's rows are not held here
     */
    public LocalGradientComputer computer() {
        if (computer == null) {
            data();
        }
        return computer;
    }

    /** @return the parameter server */
    public ParameterServer server() {
        return server;
    }

    /** @return the staleness log */
    public StalenessLog stalenessLog() {
        return log;
    }

    /**
     * @param worker the worker
     * @return its first minibatch step (its applied gradients before a resume)
     */
    public long firstStep(int worker) {
        return server.appliedPerWorker()[worker];
    }

    /** @return the version this process started from */
    public long resumedFrom() {
        return resumedFrom;
    }

    /** @return seconds since the start of the run, including the time before a resume */
    public double seconds() {
        return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Stops the run's clock at its last update (the final metrics, computed after it, are not
     * training time); engines call it for every applied update.
     *
     * @param version the version an update produced
     */
    public void updateDone(long version) {
        if (version == config.updates()) {
            endNanos = System.nanoTime();
        }
    }

    @Override
    public void afterApply(long version, Gradient g, long staleness, double[] params) {
        updateDone(version);
        if (recorder != null) {
            recorder.write(version, g.worker(), g.workerStep(), g.readVersion());
        }
        if (scheduleLog != null) {
            scheduleLog.add(g.worker(), g.workerStep(), g.readVersion());
        }
        if (average != null && averageInApply) {
            average.add(version, g.worker(), params);
        }
        windowSum += staleness;
        windowCount++;
        boolean checkpointDue = store != null && config.checkpointEvery() > 0
                && (version % config.checkpointEvery() == 0 || version == config.updates());
        if (evalThread != null && checkpointDue) {
            awaitEvaluations();
        }
        if (version % config.evalEvery() == 0 || version == config.updates()) {
            double mean = windowCount == 0 ? Double.NaN : windowSum / windowCount;
            if (evalThread != null && !checkpointDue) {
                // kept past this call: a copy when the server reuses its versions' arrays
                submitEvaluation(version, server.recycles() ? params.clone() : params, g.worker(), mean, seconds());
            } else {
                evaluate(version, params, g.worker(), mean);
            }
            windowSum = 0;
            windowCount = 0;
        }
        if (checkpointDue) {
            if (!(version % config.evalEvery() == 0 || version == config.updates())) {
                // not evaluated at this version: check the loss before it becomes the checkpoint
                double loss = evaluator.trainLoss(params);
                if (!(loss <= lossLimit)) {
                    throw new NumericalDivergenceException(version, "worker " + g.worker(), loss,
                            Double.isFinite(loss) ? String.format(java.util.Locale.ROOT,
                                    "training loss above %.3g x the initial training loss (--divergence-factor)",
                                    divergenceFactor) : "non-finite training loss");
                }
            }
            if (recorder != null) {
                recorder.flush();
            }
            List<MetricPoint> points;
            synchronized (this) {
                points = new ArrayList<>(series);
            }
            store.write(new Checkpoint(config.fingerprint(), version, params, new double[0], server.appliedPerWorker(),
                    log.histograms(), points, seconds()));
        }
        progress(version);
    }

    /**
     * Evaluates the metrics at a version (engines without a server lock, e.g. hogwild, call this
     * directly; it is synchronized on the session).
     *
     * @param version the version
     * @param params the parameters
     * @param worker the worker whose update produced them
     * @param meanStaleness mean staleness since the last point
     */
    public void evaluate(long version, double[] params, int worker, double meanStaleness) {
        evaluate(version, params, worker, meanStaleness, seconds());
    }

    /**
     * Evaluates the metrics at a version on the background evaluator when there is one
     * ({@link #evaluateInBackground()}), else in line (engines without a server lock, e.g. hogwild).
     *
     * @param version the version
     * @param params the parameters, owned by the evaluation from now on (not modified by anyone)
     * @param worker the worker whose update produced them
     * @param meanStaleness mean staleness since the last point
     */
    public void evaluateSoon(long version, double[] params, int worker, double meanStaleness) {
        if (evalThread != null) {
            submitEvaluation(version, params, worker, meanStaleness, seconds());
        } else {
            evaluate(version, params, worker, meanStaleness);
        }
    }

    private synchronized void evaluate(long version, double[] params, int worker, double meanStaleness,
            double seconds) {
        MetricPoint p;
        try {
            p = evaluator.evaluate(params, version, seconds, meanStaleness);
        } catch (NumericalDivergenceException e) {
            throw new NumericalDivergenceException(version, "worker " + worker, e.value(), "non-finite training loss");
        }
        if (p.trainLoss() > lossLimit) {
            throw new NumericalDivergenceException(version, "worker " + worker, p.trainLoss(),
                    String.format(java.util.Locale.ROOT,
                            "training loss above %.3g x the initial training loss %.4g (--divergence-factor)",
                            divergenceFactor, series.get(0).trainLoss()));
        }
        series.add(p);
        lastLoss = p.trainLoss();
    }

    /**
     * Moves metric evaluation to a background thread (see the class comment); call before the
     * run's first update and end with {@link #stopEvaluations()}.
     */
    public void evaluateInBackground() {
        evalThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "asgd-evaluator");
            t.setDaemon(true);
            return t;
        });
    }

    private void submitEvaluation(long version, double[] params, int worker, double mean, double secs) {
        if (evalFailure != null) {
            return;
        }
        evalSlots.acquireUninterruptibly();
        evalThread.execute(() -> {
            try {
                if (evalFailure == null) {
                    evaluate(version, params, worker, mean, secs);
                }
            } catch (RuntimeException e) {
                evalFailure = e;
                server.stop();
            } finally {
                evalSlots.release();
            }
        });
    }

    /** Waits for the pending background evaluations; rethrows a divergence found by one. */
    private void awaitEvaluations() {
        try {
            evalThread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        RuntimeException f = evalFailure;
        if (f != null) {
            throw f;
        }
    }

    /**
     * Ends background evaluation: waits for the pending points and stops the thread.
     *
     * @return the failure of a background evaluation (a divergence), or null
     */
    public RuntimeException stopEvaluations() {
        if (evalThread == null) {
            return null;
        }
        try {
            evalThread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            evalFailure = new IllegalStateException(e.getCause());
        } finally {
            evalThread.shutdownNow();
            evalThread = null;
        }
        return evalFailure;
    }

    /** @param version reports progress when due */
    public void progress(long version) {
        if (listener != null && (version % progressEvery == 0 || version == config.updates())) {
            double s = (System.nanoTime() - startNanos) / 1e9;
            listener.progress(version, config.updates(), lastLoss, (version - resumedFrom) / Math.max(s, 1e-9),
                    log.mean());
        }
    }

    /**
     * Ends the run: closes the schedule and gathers the result.
     *
     * @param engine the engine's name
     * @param params the final parameters
     * @param version the final version
     * @return the result
     */
    public synchronized RunResult finish(String engine, double[] params, long version) {
        try {
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            unlock();
        }
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        double s = (end - startNanos) / 1e9;
        List<MetricPoint> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingLong(MetricPoint::update));
        long[] total = log.total();
        MetricPoint averaged = average == null || average.count() == 0 ? null
                : evaluator.evaluate(average.mean(), version, seconds(), Double.NaN);
        return new RunResult(config, engine, version, resumedFrom, params, secondsBefore + s,
                (version - resumedFrom) / Math.max(s, 1e-9),
                sorted, log.histograms(), total, GeometricFit.of(total), log.sequence(), server.appliedPerWorker(),
                server.discarded(), scheduleLog, averaged, average == null ? 0 : average.count());
    }

    /** @return the metric points so far (a copy, in update order) */
    public synchronized List<MetricPoint> seriesSoFar() {
        List<MetricPoint> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingLong(MetricPoint::update));
        return sorted;
    }

    /** @return the schedule kept in memory (async and ssp runs up to {@link ScheduleLog#MAX_UPDATES}), or null */
    public ScheduleLog scheduleLog() {
        return scheduleLog;
    }

    /** Closes the schedule file after a failure (the last checkpoint stays as it was). */
    public void abort() {
        try {
            if (recorder != null) {
                recorder.abandon();
            }
        } finally {
            unlock();
        }
    }

    private synchronized void unlock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
