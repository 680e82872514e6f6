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
import dev.asgd.training.engine.WorkerLoop;

/**
 * Runs {@code asgd train} on Apache Spark ({@code --engine spark}). The parameter server stays on
 * the driver (the session's); the training rows are a cached RDD of M partitions, one shard per
 * worker. The loops are asgd-training's, with the gradients computed on Spark
 * ({@link SparkGradients}): async and ssp ({@link WorkerLoop}): M driver threads each loop read
 * (parameters, version) - run a one-partition job (parameters broadcast) that returns the minibatch
 * gradient - apply it at the driver; each thread has its own FAIR pool and every job the run's tag.
 * Sync: one job over all partitions per round, averaged in worker order. Replay
 * ({@link ReplayEngine}): the recorded updates one by one, each computed on Spark at its recorded
 * read version. This class holds the Spark lifecycle: the context ({@link SparkLease}), the logging
 * of {@code -q}, the shards and jobs ({@link GradientJobs}) and the count of failed task attempts.
 *
 * <p>Exactly once: gradients are applied by the driver from job results, never as task side
 * effects, and a task's minibatch depends only on (seed, partition, step), so a retried task (Spark
 * retries failed attempts) returns the same bits and each update is applied once.
 */
public final class SparkEngine implements Engine {
    private final EngineProvider.Options options;
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

    /**
     * What a run did on Spark.
     *
     * @param master the master URL
     * @param jobs Spark jobs (the first caches the shards)
     * @param failedTaskAttempts task attempts that failed (and were retried)
     */
    record LastRun(String master, long jobs, long failedTaskAttempts) {
    }

    /** @return what the last run did: its master, its jobs (once it succeeded) and its failed task attempts */
    LastRun lastRun() {
        return new LastRun(master, jobCount, failedAttempts);
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
                SparkGradients computer = new SparkGradients(j);
                if (replay != null) {
                    new ReplayEngine(replay).replay(session, computer);
                } else {
                    WorkerLoop.run(session, computer);
                }
                jobCount = j.jobs();
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
