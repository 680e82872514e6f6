package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ReplayEngine;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;

/**
 * Runs {@code asgd train} on Apache Spark ({@code --engine spark}). The parameter server stays on
 * the driver (the session's); the training rows are a cached RDD of M partitions, one shard per
 * worker. Async, ssp and sync ({@link ExecutorWorkers}): one job of M long-running tasks, task p
 * running asgd-training's worker loop for worker p on its shard against the driver's server over a
 * small authenticated RPC channel ({@link ParameterRpcServer}, {@link RemoteParameterChannel}).
 * Replay ({@link ReplayEngine}): the recorded updates one by one, each computed by a one-partition
 * job at its recorded read version ({@link SparkGradients}). This class holds the Spark lifecycle:
 * the context ({@link SparkLease}), the logging of {@code -q}, the shards ({@link GradientJobs}) and
 * the count of failed task attempts.
 *
 * <p>Exactly once: an update is identified by (worker, step); the server applies a step once and
 * acknowledges a repeat as a duplicate; a retried task (Spark retries failed attempts, and reruns the
 * tasks of a lost executor) resumes from the server's next step for its worker, and its minibatch
 * depends only on (seed, worker, step).
 */
public final class SparkEngine implements Engine {
    private final EngineProvider.Options options;
    private volatile long failedAttempts;
    private volatile long jobCount;
    private volatile long duplicates;
    private volatile double[] costs = new double[3];
    private volatile String master;

    /** @param options master, injected failures, timeout, schedule to replay */
    public SparkEngine(EngineProvider.Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "spark";
    }

    /**
     * What a run did on Spark.
     *
     * @param master the master URL
     * @param jobs Spark jobs (the first caches the shards)
     * @param failedTaskAttempts task attempts that failed (and were retried)
     * @param duplicatePushes gradients pushed again by a retried worker, acknowledged and ignored
     * @param meanCosts seconds per update: gradient on an executor, push round trip seen by the executor,
     *     push handled by the driver's channel (apply, lock); zeros for replay
     */
    record LastRun(String master, long jobs, long failedTaskAttempts, long duplicatePushes, double[] meanCosts) {
    }

    /**
     * @return what the last run did: its master, its jobs (once it succeeded), its failed task attempts
     *     and its duplicate pushes
     */
    LastRun lastRun() {
        return new LastRun(master, jobCount, failedAttempts, duplicates, costs.clone());
    }

    @Override
    public RunResult run(TrainingSession session) throws InterruptedException {
        TrainingConfig c = session.config();
        if (c.mode().kind() == Mode.Kind.HOGWILD) {
            throw new InvalidParameterException("mode", c.mode().toString(), "async, sync or ssp:S with --engine spark"
                    + " (hogwild needs memory shared by the workers)");
        }
        Schedule replay = options.replay();
        TaskFailureCounter counter = new TaskFailureCounter();
        SparkLogging.Quiet quiet = SparkLogging.quiet(options.quiet());
        try (SparkLease lease = SparkLease.acquire(options.master(), options.injectTaskFailures() > 0,
                options.timeoutSeconds())) {
            master = lease.master();
            lease.context().sc().addSparkListener(counter);
            ProblemSpec spec = ProblemSpec.of(session.problem(), session.sessionData().features());
            try (GradientJobs j = session.sessionData() instanceof PartitionedData pd
                    ? new GradientJobs(lease, pd.shards(), c.workers(), spec, c.batchSize(), c.seed(),
                            options.injectTaskFailures(), options.timeoutSeconds())
                    : new GradientJobs(lease, session.data().train(), c.workers(), spec, c.batchSize(), c.seed(),
                            options.injectTaskFailures(), options.timeoutSeconds())) {
                if (replay != null) {
                    new ReplayEngine(replay).replay(session, new SparkGradients(j));
                    jobCount = j.jobs();
                } else {
                    ExecutorWorkers workers = new ExecutorWorkers(session, lease, j, j.shards(), spec,
                            options.injectTaskFailures(), options.timeoutSeconds());
                    workers.run();
                    jobCount = j.jobs() + 1;
                    duplicates = workers.duplicates();
                    costs = workers.meanCosts();
                }
            } finally {
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
        } finally {
            quiet.close();
        }
        return session.finish(name(), session.server().snapshot(), session.server().version());
    }
}
