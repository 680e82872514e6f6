package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ParameterServer;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs {@code asgd train} on Apache Spark ({@code --engine spark}). The parameter server stays on
 * the driver (the session's); the training rows are a cached RDD of M partitions, one shard per
 * worker. Async and ssp: M driver threads each loop read (parameters, version) - broadcast - run a
 * one-partition job that returns the minibatch gradient - apply it at the driver - release the
 * broadcast; each thread has its own FAIR pool and every job the run's tag. Sync: one job over all
 * partitions per round, averaged in worker order. Replay: the recorded updates one by one, each
 * computed on Spark at its recorded read version.
 *
 * <p>Exactly once: gradients are applied by the driver from job results, never as task side
 * effects, and a task's minibatch depends only on (seed, partition, step), so a retried task (Spark
 * retries failed attempts) returns the same bits and each update is applied once.
 */
public final class SparkEngine implements Engine {
    /** Stream index offset of the workers' delay streams, as in the threads engine. */
    private static final long DELAY_STREAM = 1L << 40;

    private final EngineProvider.Options options;
    private volatile GradientJobs jobs;
    private volatile long failedAttempts;
    private volatile long jobCount;
    private volatile String master;

    /** @param options master, injected failures, timeout, schedule to replay */
    public SparkEngine(EngineProvider.Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "spark";
    }

    /** @return task attempts that failed (and were retried) in the last run */
    public long failedTaskAttempts() {
        return failedAttempts;
    }

    /** @return Spark jobs of the last run (the first caches the shards) */
    public long jobs() {
        return jobCount;
    }

    /** @return the master URL of the last run */
    public String master() {
        return master;
    }

    /** Cancels the running jobs of the current run; the run then fails. */
    public void stop() {
        GradientJobs j = jobs;
        if (j != null) {
            j.cancelAll();
        }
    }

    @Override
    public RunResult run(TrainingSession session) throws InterruptedException {
        TrainingConfig c = session.config();
        if (c.mode().kind() == Mode.Kind.HOGWILD) {
            throw new InvalidParameterException("mode", "hogwild", "async, sync or ssp:S with --engine spark"
                    + " (hogwild needs memory shared by the workers)");
        }
        Schedule replay = options.replay();
        TaskFailureCounter counter = new TaskFailureCounter();
        try (SparkLogging.Quiet quiet = SparkLogging.quiet(options.quiet());
                SparkLease lease = SparkLease.acquire(options.master(), options.injectTaskFailures() > 0,
                options.timeoutSeconds())) {
            master = lease.master();
            lease.context().sc().addSparkListener(counter);
            try (GradientJobs j = new GradientJobs(lease, session.data().train(), c.workers(),
                    ProblemSpec.of(session.problem(), session.data().train().features()), c.batchSize(), c.seed(),
                    options.injectTaskFailures(), options.timeoutSeconds())) {
                jobs = j;
                if (replay != null) {
                    SparkReplay.run(session, replay, j);
                } else if (c.mode().kind() == Mode.Kind.SYNC) {
                    sync(session, j);
                } else {
                    async(session, j);
                }
                jobCount = j.jobs();
            } finally {
                jobs = null;
                lease.context().sc().removeSparkListener(counter);
                failedAttempts = counter.failed();
            }
        } catch (RuntimeException | InterruptedException | Error e) {
            session.abort();
            throw e;
        } catch (Exception e) {
            // a checked exception rethrown from Scala (SparkException): the run's error, one line
            session.abort();
            throw new IllegalStateException(e.getMessage(), e);
        }
        return session.finish(name(), session.server().snapshot(), session.server().version());
    }

    static UniformRandomProvider delayStream(long seed, int worker) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, DELAY_STREAM + worker});
    }

    private static void async(TrainingSession s, GradientJobs jobs) throws InterruptedException {
        int m = s.config().workers();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < m; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    asyncWorker(s, jobs, worker);
                } catch (Throwable e) {
                    if (failure.compareAndSet(null, e)) {
                        // stop the other workers (ssp workers waiting for this one's clock too)
                        s.server().stop();
                        jobs.cancelAll();
                    }
                } finally {
                    s.server().wakeAll();
                }
            }, "asgd-spark-worker-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            jobs.cancelAll();
            threads.forEach(Thread::interrupt);
            throw e;
        }
        Throwable f = failure.get();
        if (f != null && jobs.timedOut() != null && !(f instanceof NumericalDivergenceException)) {
            f = jobs.timedOut(); // the other workers' jobs were cancelled by it: report the cause, whoever failed first
        }
        rethrow(f);
    }

    static void rethrow(Throwable f) {
        if (f == null) {
            return;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(f);
    }

    private static void asyncWorker(TrainingSession s, GradientJobs jobs, int w) throws InterruptedException {
        TrainingConfig c = s.config();
        ParameterServer server = s.server();
        boolean keep = c.policy().needsReadParameters();
        boolean ssp = c.mode().kind() == Mode.Kind.SSP;
        UniformRandomProvider delayRng = delayStream(c.seed(), w);
        double[] buf = new double[s.problem().dimension()];
        long step = s.firstStep(w);
        jobs.tagThisThread("worker-" + w);
        while (!Thread.currentThread().isInterrupted()) {
            if (ssp && !server.awaitClock(w, c.mode().bound())) {
                return;
            }
            long v = server.read(buf);
            if (v < 0) {
                return;
            }
            long t0 = System.nanoTime();
            TaskGradient r = jobs.one(w, step, v, buf);
            c.delay().sleep(w, System.nanoTime() - t0, delayRng);
            if (server.apply(new Gradient(w, step, v, r.values(), r.batchLoss(), keep ? buf.clone() : null)) < 0) {
                return;
            }
            step++;
        }
    }

    private static void sync(TrainingSession s, GradientJobs jobs) throws InterruptedException {
        TrainingConfig c = s.config();
        int m = c.workers();
        boolean keep = c.policy().needsReadParameters();
        UniformRandomProvider[] delayRng = new UniformRandomProvider[m];
        for (int w = 0; w < m; w++) {
            delayRng[w] = delayStream(c.seed(), w);
        }
        double[] buf = new double[s.problem().dimension()];
        jobs.tagThisThread("sync");
        long v;
        while ((v = s.server().read(buf)) >= 0) {
            long t0 = System.nanoTime();
            // As in the threads engine, a worker's minibatch step in sync mode is the round's version.
            List<TaskGradient> round = jobs.all(v, v, buf);
            long compute = System.nanoTime() - t0;
            long wait = 0;
            for (int w = 0; w < m; w++) {
                wait = Math.max(wait, c.delay().delayNanos(w, compute, delayRng[w]));
            }
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            double[] avg = new double[buf.length];
            double loss = 0;
            for (TaskGradient g : round) {
                double[] gv = g.values();
                for (int i = 0; i < avg.length; i++) {
                    avg[i] += gv[i];
                }
                loss += g.batchLoss();
            }
            for (int i = 0; i < avg.length; i++) {
                avg[i] /= m;
            }
            s.server().apply(new Gradient(-1, v, v, avg, loss / m, keep ? buf.clone() : null));
        }
    }

    /** Replays a recorded schedule with every gradient computed on Spark. */
    static final class SparkReplay {
        private SparkReplay() {
        }

        static void run(TrainingSession session, Schedule schedule, GradientJobs jobs) {
            TrainingConfig c = session.config();
            if (!schedule.fingerprint().equals(c.fingerprint())) {
                throw new InvalidParameterException("replay", schedule.fingerprint(),
                        "a schedule recorded with the same settings: " + c.fingerprint());
            }
            List<Schedule.Entry> entries = schedule.entries();
            if (entries.size() != c.updates() || session.server().version() != 0) {
                throw new InvalidParameterException("replay", entries.size() + " updates",
                        "a complete schedule of " + c.updates() + " updates replayed from update 0");
            }
            // The versions some later update reads, each kept until its last reader.
            Map<Long, Integer> lastUse = new HashMap<>();
            for (int k = 0; k < entries.size(); k++) {
                Schedule.Entry e = entries.get(k);
                if (e.worker() >= c.workers()) {
                    throw new InvalidParameterException("replay", "worker " + e.worker(), "worker < " + c.workers());
                }
                lastUse.put(e.readVersion(), k);
            }
            Map<Long, double[]> kept = new HashMap<>();
            ParameterServer server = session.server();
            if (lastUse.containsKey(0L)) {
                kept.put(0L, server.snapshot());
            }
            boolean keep = c.policy().needsReadParameters();
            jobs.tagThisThread("replay");
            for (int k = 0; k < entries.size(); k++) {
                Schedule.Entry e = entries.get(k);
                double[] read = kept.get(e.readVersion());
                if (read == null) {
                    throw new InvalidParameterException("replay", "update " + (k + 1),
                            "a read version at or before the current one (" + e.readVersion() + ")");
                }
                if (lastUse.get(e.readVersion()) == k) {
                    kept.remove(e.readVersion());
                }
                TaskGradient g = jobs.one(e.worker(), e.step(), e.readVersion(), read);
                server.apply(new Gradient(e.worker(), e.step(), e.readVersion(), g.values(), g.batchLoss(),
                        keep ? read : null));
                long v = server.version();
                if (lastUse.containsKey(v)) {
                    kept.put(v, server.snapshot());
                }
            }
        }
    }
}
