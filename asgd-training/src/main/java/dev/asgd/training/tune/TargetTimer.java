package dev.asgd.training.tune;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ParameterServer;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Times real asynchronous runs (threads engine, constant eta) to a {@link Target}. While the workers
 * run, a sampler thread keeps the server's published parameter versions (immutable views: no copy)
 * every millisecond, thinning them when it holds {@link #MAX_SAMPLES}; the run evaluates no metric on
 * the way (one point at its start and end), so the workers get the machine. After the run the samples
 * are evaluated in order, every {@link #STRIDE}th first and then by bisection in the block before the first
 * hit, and the first one that meets the target gives the time and the update count to target. The clock starts
 * when the workers start (after the session's initial evaluation).
 */
public final class TargetTimer {
    /** Largest number of samples kept (thinned by halves beyond). */
    static final int MAX_SAMPLES = 1024;
    /** Coarse step of the post-run scan. */
    static final int STRIDE = 32;
    private static final long SAMPLE_NANOS = 1_000_000;
    /** Every this many test rows make the screening subset of an accuracy target. */
    static final int SCREEN_EVERY = 5;
    /**
     * A sample whose accuracy on the screening subset (n_s of the n test rows, without replacement) is
     * below the target by more than 4 standard deviations of the subset's accuracy around the full one,
     * 4 sqrt(0.25 (1 - n_s / n) / n_s), and at least this much, is not evaluated on the whole test
     * set: a sample that meets the target is screened out with probability below 1e-4 (0.036 for
     * 2000 of 10000 rows).
     */
    static final double SCREEN_MARGIN = 0.03;

    private final String data;
    private final String problemName;
    private final Problem problem;
    private final TrainTest tt;
    private final Dataset evalRows;
    private final int batch;
    private final Target target;
    private final Dataset screen;
    private final double screenMargin;

    /**
     * @param data the data spec (for the run's settings)
     * @param problemName the problem's name
     * @param problem the problem
     * @param tt the data
     * @param evalRows the rows of the evaluated training loss
     * @param batch the minibatch size
     * @param target the target
     */
    public TargetTimer(String data, String problemName, Problem problem, TrainTest tt, Dataset evalRows, int batch,
            Target target) {
        this.data = data;
        this.problemName = problemName;
        this.problem = problem;
        this.tt = tt;
        this.evalRows = evalRows;
        this.batch = batch;
        this.target = target;
        Dataset test = tt.test();
        if (target.accuracy() && test != null && test.size() >= 10 * SCREEN_EVERY) {
            int[] rows = new int[test.size() / SCREEN_EVERY];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i * SCREEN_EVERY;
            }
            this.screen = test.select(rows);
            this.screenMargin = Math.max(SCREEN_MARGIN,
                    4 * Math.sqrt(0.25 * (1 - rows.length / (double) test.size()) / rows.length));
        } else {
            this.screen = null;
            this.screenMargin = Double.NaN;
        }
    }

    /**
     * @param train the training rows
     * @return the rows of a run's evaluated training loss: the first {@link TrainingSession#EVAL_ROWS}
     */
    public static Dataset evalRows(Dataset train) {
        if (train.size() <= TrainingSession.EVAL_ROWS) {
            return train;
        }
        int[] rows = new int[TrainingSession.EVAL_ROWS];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return train.select(rows);
    }

    /** @return the problem */
    public Problem problem() {
        return problem;
    }

    /** @return the data */
    public TrainTest data() {
        return tt;
    }

    /** @return the rows of the evaluated training loss */
    public Dataset evalRows() {
        return evalRows;
    }

    /** @return the minibatch size */
    public int batch() {
        return batch;
    }

    /** @return the target */
    public Target target() {
        return target;
    }

    /**
     * @param workers M
     * @param eta the learning rate
     * @param updates the run's updates
     * @param seed the seed of the minibatches
     * @return the timed run
     * @throws InterruptedException when interrupted
     */
    public TimedRun run(int workers, double eta, long updates, long seed) throws InterruptedException {
        return run(workers, eta, updates, seed, null);
    }

    /**
     * @param workers M
     * @param eta the learning rate
     * @param updates the run's updates
     * @param seed the seed of the minibatches
     * @param last receives the final parameters (length = the problem's dimension), or null
     * @return the timed run
     * @throws InterruptedException when interrupted
     */
    public TimedRun run(int workers, double eta, long updates, long seed, double[] last) throws InterruptedException {
        return run(workers, eta, updates, seed, last, true);
    }

    /**
     * @param workers M
     * @param eta the learning rate
     * @param updates the run's updates
     * @param seed the seed of the minibatches
     * @param last receives the final parameters (length = the problem's dimension), or null
     * @param timed false: no search for the target (a run for the staleness law and the throughput only)
     * @return the run (not timed to the target when {@code timed} is false)
     * @throws InterruptedException when interrupted
     */
    public TimedRun run(int workers, double eta, long updates, long seed, double[] last, boolean timed)
            throws InterruptedException {
        TrainingConfig config = TrainingConfig.builder(data, problemName).l2(problem.l2()).mode(Mode.parse("async"))
                .workers(workers).policy(LearningRatePolicy.parse("constant")).eta(eta).batchSize(batch)
                .updates(updates).seed(seed).evalEvery(updates).delay(WorkerDelay.none()).build();
        TrainingSession session = TrainingSession.start(config, problem, tt, TrainingSession.Options.none());
        double initialLoss = session.seriesSoFar().get(0).trainLoss();
        Sampler sampler = new Sampler(session);
        double t0 = session.seconds();
        sampler.start();
        RunResult result = null;
        boolean diverged = false;
        try {
            result = new ThreadsEngine().run(session);
        } catch (NumericalDivergenceException e) {
            diverged = true;
        } finally {
            sampler.halt();
        }
        double end = result != null ? session.seconds() : sampler.lastSeconds();
        List<Sample> samples = sampler.samples();
        if (result != null) {
            samples.add(new Sample(result.updates(), end, result.params()));
            if (last != null) {
                System.arraycopy(result.params(), 0, last, 0, last.length);
            }
        }
        int hit = timed ? firstHit(samples) : -1;
        double secs = Math.max(end - t0, 1e-9);
        long done = result != null ? result.updates() : samples.isEmpty() ? 0 : samples.get(samples.size() - 1).version;
        long[] hist = result != null ? result.total() : new long[] {1};
        double startSeconds = samples.stream().filter(x -> x.version > 0).mapToDouble(x -> x.seconds - t0).findFirst()
                .orElse(0);
        double ups = done / Math.max(secs - startSeconds, 1e-9);
        double meanTau = mean(hist);
        if (hit < 0) {
            return new TimedRun(workers, eta, seed, updates, secs, startSeconds, ups, meanTau, hist, diverged, -1,
                    Double.NaN, initialLoss, Double.NaN);
        }
        Sample s = samples.get(hit);
        return new TimedRun(workers, eta, seed, updates, secs, startSeconds, ups, meanTau, hist, diverged, s.version,
                Math.max(s.seconds - t0, 0), initialLoss, problem.loss(s.params, evalRows));
    }

    private static double mean(long[] hist) {
        double n = 0;
        double s = 0;
        for (int l = 0; l < hist.length; l++) {
            n += hist[l];
            s += (double) l * hist[l];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private boolean meets(Sample s) {
        if (screen != null && problem.accuracy(s.params, screen) < target.value() - screenMargin) {
            return false;
        }
        double m = target.measure(problem, s.params, evalRows, tt.test());
        return Double.isFinite(m) && target.reached(m);
    }

    /**
     * @return the index of the first sample that meets the target, -1 if none: the first of every
     *     {@link #STRIDE}th sample that meets it, then a bisection over the block before it (the
     *     metric taken as monotone within a block; the result is at most one block late)
     */
    private int firstHit(List<Sample> samples) {
        int n = samples.size();
        int prev = -1;
        for (int i = STRIDE - 1; i < n + STRIDE - 1; i += STRIDE) {
            int at = Math.min(i, n - 1);
            if (meets(samples.get(at))) {
                int lo = prev;
                int hi = at;
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (meets(samples.get(mid))) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return hi;
            }
            prev = at;
        }
        return -1;
    }

    /** A sampled version: its number, its wall time and its (immutable) parameters. */
    private record Sample(long version, double seconds, double[] params) {
    }

    /** Keeps the server's published versions while the workers run. */
    private static final class Sampler extends Thread {
        private final TrainingSession session;
        private final List<Sample> samples = new ArrayList<>();
        private volatile boolean running = true;
        private long interval = SAMPLE_NANOS;

        Sampler(TrainingSession session) {
            super("asgd-tune-sampler");
            setDaemon(true);
            this.session = session;
        }

        @Override
        public void run() {
            ParameterServer server = session.server();
            long lastVersion = -1;
            while (running) {
                // a copy: the workers' server recycles the arrays of replaced versions
                ParameterServer.View v = server.done() ? null : server.copy();
                if (v != null && v.version() != lastVersion) {
                    lastVersion = v.version();
                    add(new Sample(v.version(), session.seconds(), v.params()));
                }
                LockSupport.parkNanos(interval);
            }
        }

        private synchronized void add(Sample s) {
            if (samples.size() >= MAX_SAMPLES) {
                List<Sample> kept = new ArrayList<>();
                for (int i = 0; i < samples.size(); i += 2) {
                    kept.add(samples.get(i));
                }
                samples.clear();
                samples.addAll(kept);
                interval *= 2;
            }
            samples.add(s);
        }

        void halt() throws InterruptedException {
            running = false;
            join();
        }

        synchronized List<Sample> samples() {
            return new ArrayList<>(samples);
        }

        synchronized double lastSeconds() {
            return samples.isEmpty() ? session.seconds() : samples.get(samples.size() - 1).seconds;
        }
    }
}
