package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.engine.LocalParameterChannel;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunControl;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Async, ssp and sync runs on Spark: the session's parameter server on the driver behind a
 * {@link ParameterRpcServer}, and one job of M long-running tasks over the RDD of shards (one
 * {@link Shard} per partition), task p running worker p's loop ({@link ExecutorWorkerTask}) until
 * the server says stop. The driver thread waits for the job under a watchdog: when no worker has
 * pushed for the timeout (no executor left, a sync round missing a lost worker), the job is
 * cancelled and the run fails with the timeout; when the run is over but the job lingers (a lost
 * worker's retry waiting for an executor), the job is cancelled and the run completes.
 */
final class ExecutorWorkers implements RunControl {
    /** The parameter server's port (default 0: any free port), for clusters whose firewalls need a fixed one. */
    static final String PORT = "spark.asgd.ps.port";
    /**
     * {@code auto} (default): worker tasks in the driver's JVM (local masters) use the server without a
     * socket, the others over TCP; {@code tcp}: every task over TCP. A local property of the calling
     * thread ({@code setLocalProperty}) overrides the context's setting.
     */
    static final String TRANSPORT = "spark.asgd.ps.transport";

    private final TrainingSession session;
    private final SparkLease lease;
    private final GradientJobs jobs;
    private final JavaRDD<Shard> shards;
    private final ProblemSpec problem;
    private final double failureProbability;
    private final double timeoutSeconds;
    private volatile JavaFutureAction<List<ExecutorWorkerTask.Report>> future;
    private volatile ParameterRpcServer server;
    private volatile GradientJobs.JobTimeoutException timedOut;
    private volatile List<ExecutorWorkerTask.Report> reports = List.of();
    private volatile long duplicates;
    private volatile long applyNanos;
    private volatile long pushes;

    /**
     * @param session the run
     * @param lease its context
     * @param jobs the run's job tags and cancellation
     * @param shards M partitions, each holding exactly one shard (partition p: worker p's)
     * @param problem the problem
     * @param failureProbability of an attempt (injected failures)
     * @param timeoutSeconds longest time without a push
     */
    ExecutorWorkers(TrainingSession session, SparkLease lease, GradientJobs jobs, JavaRDD<Shard> shards,
            ProblemSpec problem, double failureProbability, double timeoutSeconds) {
        this.session = session;
        this.lease = lease;
        this.jobs = jobs;
        this.shards = shards;
        this.problem = problem;
        this.failureProbability = failureProbability;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Runs the workers until the server reaches its target.
     *
     * @throws InterruptedException when interrupted (the job is cancelled)
     * @throws InvalidParameterException naming {@code workers} when sync or ssp has more workers than task slots, or
     *     when the data is read where it lives (evaluated by Spark jobs) and the workers hold every slot
     */
    void run() throws InterruptedException {
        TrainingConfig c = session.config();
        JavaSparkContext jsc = lease.context();
        int slots = jsc.defaultParallelism();
        if (c.mode().kind() != Mode.Kind.ASYNC && c.workers() > slots) {
            throw new InvalidParameterException("workers", c.workers(), "at most the " + slots + " task slots of "
                    + lease.master() + " in " + c.mode() + " mode (each worker is one long-running task, and the"
                    + " workers wait for each other)");
        }
        if (session.sessionData().inMemory() == null && c.workers() >= slots) {
            throw new InvalidParameterException("workers", c.workers(), "at most " + (slots - 1) + " with data read"
                    + " where it lives on " + lease.master() + " (" + slots + " task slots): each worker holds a slot"
                    + " for the whole run, and the evaluation jobs need a free one");
        }
        SparkConf conf = jsc.getConf();
        boolean sparkSecret = conf.getBoolean("spark.authenticate", false) && conf.contains("spark.authenticate.secret");
        String host = conf.get("spark.driver.host", "127.0.0.1");
        String bind = conf.get("spark.driver.bindAddress", host);
        byte[] token = ChannelAddress.newToken();
        ChannelAddress keyOnly = new ChannelAddress(host, 0, token, sparkSecret);
        byte[] key = keyOnly.key(sparkSecret ? conf.get("spark.authenticate.secret") : null);
        LocalParameterChannel channel = LocalParameterChannel.of(session);
        try (ParameterRpcServer s = new ParameterRpcServer(channel, c.policy().needsReadParameters(),
                c.mode().kind() == Mode.Kind.SYNC, bind, conf.getInt(PORT, 0), key)) {
            server = s;
            ChannelAddress address = new ChannelAddress(host, s.port(), token, sparkSecret);
            long remaining = c.updates() - session.server().version();
            String transport = jsc.getLocalProperty(TRANSPORT);
            boolean inJvm = !"tcp".equals(transport != null ? transport : conf.get(TRANSPORT, "auto"));
            if (inJvm) {
                s.publishInJvm(token);
            }
            ExecutorWorkerTask task = new ExecutorWorkerTask(address, problem,
                    new ExecutorWorkerTask.LoopSpec(c.mode().kind() == Mode.Kind.SYNC, c.policy().needsReadParameters(),
                            c.seed(), c.delay().spec(), c.workers()),
                    c.batchSize(), failureProbability, lease.taskAttempts(), Math.max(1, remaining / (2L * c.workers())),
                    (int) Math.min(timeoutSeconds * 1000, 30_000), inJvm);
            session.evaluateInBackground();
            WorkerLoop.runThreads(session, this, List.of(() -> awaitJob(task, s)), null);
            duplicates = s.duplicates();
            applyNanos = s.applyNanos();
            pushes = s.pushes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the parameter server on " + bind + " (port: " + PORT + ", "
                    + conf.get(PORT, "any") + "): " + e.getMessage(), e);
        }
    }

    private void awaitJob(ExecutorWorkerTask task, ParameterRpcServer s) throws Exception {
        jobs.tagThisThread("workers");
        JavaFutureAction<List<ExecutorWorkerTask.Report>> f = shards.mapPartitionsWithIndex(task, true).collectAsync();
        future = f;
        long limit = (long) (timeoutSeconds * 1e9);
        while (true) {
            try {
                reports = f.get(200, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (s.idleNanos() <= limit) {
                    continue;
                }
                if (session.server().done()) {
                    // every update is in: a retry still waiting for an executor has nothing left to do
                    cancel();
                    break;
                }
                timedOut = new GradientJobs.JobTimeoutException("the workers' job: no worker pushed a gradient within "
                        + timeoutSeconds + " s (--spark-timeout) after update " + session.server().version() + " (last: "
                        + s.lastPush() + "); its jobs were cancelled (no executor left, a lost worker's sync or ssp"
                        + " peers waiting for it, or a cluster too slow for the timeout)");
                session.server().stop();
                cancel();
                throw timedOut;
            } catch (ExecutionException e) {
                RuntimeException applied = s.failure();
                if (applied != null) {
                    throw applied;
                }
                if (timedOut != null) {
                    throw timedOut;
                }
                if (lease.context().sc().isStopped()) {
                    throw new GradientJobs.ApplicationEndedException("the workers' job");
                }
                if (session.server().done()) {
                    break; // cancelled after the last update
                }
                throw new IllegalStateException("the workers' job failed: " + SparkLease.firstLine(e.getCause()), e.getCause());
            }
        }
        RuntimeException applied = s.failure();
        if (applied != null) {
            throw applied;
        }
    }

    /** Cancels the workers' job and closes their connections. */
    @Override
    public void cancel() {
        JavaFutureAction<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        jobs.cancelAll();
        ParameterRpcServer s = server;
        if (s != null) {
            s.cancelAll();
        }
    }

    /** @return the watchdog's timeout when it fired and the failure is not a divergence, else the failure */
    @Override
    public Throwable cause(Throwable failure) {
        GradientJobs.JobTimeoutException t = timedOut;
        return t != null && !(failure instanceof NumericalDivergenceException) ? t : failure;
    }

    /** @return the attempts' reports of the last run (the successful attempt of each worker) */
    List<ExecutorWorkerTask.Report> reports() {
        return reports;
    }

    /**
     * @return the mean per-update costs of the last run, in seconds: gradient on the executor, push (round
     *     trip) as the executor saw it, push as the driver's channel saw it (apply and lock)
     */
    double[] meanCosts() {
        long n = 0;
        long compute = 0;
        long push = 0;
        for (ExecutorWorkerTask.Report r : reports) {
            n += r.pushes();
            compute += r.computeNanos();
            push += r.pushNanos();
        }
        return new double[] {compute / 1e9 / Math.max(1, n), push / 1e9 / Math.max(1, n),
            applyNanos / 1e9 / Math.max(1, pushes)};
    }

    /** @return pushes the server acknowledged as duplicates */
    long duplicates() {
        return duplicates;
    }
}
