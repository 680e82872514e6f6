package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark side of a run: the training rows as a cached RDD of P partitions (one shard per
 * worker, shipped once by per-shard broadcasts), and the gradient jobs run on it. Every job
 * carries the run's tag, so {@link #cancelAll} stops them all, and is watched: a job that does not
 * finish within the timeout is cancelled and reported. The parameters of each job are broadcast
 * and the broadcast is destroyed as soon as the job returns.
 */
final class GradientJobs implements AutoCloseable {
    private final JavaSparkContext jsc;
    private final String runTag;
    private final double timeoutSeconds;
    private final List<Broadcast<Shard>> shardData = new ArrayList<>();
    private final JavaRDD<Shard> shards;
    private final boolean ownsShards;
    private final ProblemSpec problem;
    private final int batch;
    private final long seed;
    private final double failureProbability;
    private final ScheduledExecutorService watchdog;
    private final AtomicLong jobs = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<JobTimeoutException> timedOut =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Ships the shards and caches them on the executors (the first job, watched by the timeout).
     *
     * @param lease the context
     * @param train the training rows
     * @param parts P
     * @param problem the problem
     * @param batch rows per minibatch
     * @param seed the run's seed
     * @param failureProbability of a task's first attempt
     * @param timeoutSeconds longest job
     * @throws InvalidParameterException naming {@code master} when no executor runs the first job in time
     */
    GradientJobs(SparkLease lease, Dataset train, int parts, ProblemSpec problem, int batch, long seed,
            double failureProbability, double timeoutSeconds) {
        this(lease, train, null, parts, problem, batch, seed, failureProbability, timeoutSeconds);
    }

    /**
     * On shards already built and cached by the executors (data read where it lives, {@link PartitionedData}):
     * nothing is shipped from the driver, and the shards stay cached when the jobs close (their data owns them).
     *
     * @param lease the context
     * @param shards the cached RDD of {@code parts} partitions, one shard each
     * @param parts P
     * @param problem the problem
     * @param batch rows per minibatch
     * @param seed the run's seed
     * @param failureProbability of a task's first attempt
     * @param timeoutSeconds longest job
     */
    GradientJobs(SparkLease lease, JavaRDD<Shard> shards, int parts, ProblemSpec problem, int batch, long seed,
            double failureProbability, double timeoutSeconds) {
        this(lease, null, shards, parts, problem, batch, seed, failureProbability, timeoutSeconds);
    }

    private GradientJobs(SparkLease lease, Dataset train, JavaRDD<Shard> given, int parts, ProblemSpec problem,
            int batch, long seed, double failureProbability, double timeoutSeconds) {
        this.jsc = lease.context();
        this.runTag = "asgd-" + java.util.UUID.randomUUID();
        this.timeoutSeconds = timeoutSeconds;
        this.problem = problem;
        this.batch = batch;
        this.seed = seed;
        this.failureProbability = failureProbability;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "asgd-spark-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.ownsShards = given == null;
        if (given != null) {
            this.shards = given;
        } else {
            for (Shard s : Shard.split(train, parts)) {
                shardData.add(jsc.broadcast(s));
            }
            List<Broadcast<Shard>> data = List.copyOf(shardData);
            this.shards = jsc.parallelize(IntStream.range(0, parts).boxed().toList(), parts)
                    .mapPartitionsWithIndex((p, ignored) -> List.of(data.get(p).value()).iterator(), true)
                    .persist(StorageLevel.MEMORY_ONLY());
            shards.setName("asgd shards");
        }
        tagThisThread("asgd-data");
        try {
            watched("caching the shards", () -> shards.count());
        } catch (JobTimeoutException e) {
            close();
            throw new InvalidParameterException("master", lease.master(), "a cluster with executors: no executor ran"
                    + " the first task within " + timeoutSeconds + " s (--spark-timeout); is the master up, with workers?");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A job cancelled by the watchdog. */
    static final class JobTimeoutException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        JobTimeoutException(String what, double seconds) {
            this(what + " did not finish within " + seconds + " s (--spark-timeout); its jobs were cancelled"
                    + " (no executor left, or a cluster too slow for the timeout)");
        }

        JobTimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Tags the calling thread's jobs with the run's tag and its own, in its own FAIR pool.
     *
     * @param name the thread's role, e.g. {@code worker-0}
     */
    void tagThisThread(String name) {
        jsc.sc().clearJobTags();
        jsc.sc().addJobTag(runTag);
        jsc.setLocalProperty("spark.scheduler.pool", "asgd-" + name);
    }

    /**
     * One partition's gradient (async, ssp, replay).
     *
     * @param partition the partition (worker)
     * @param step its minibatch step
     * @param version the version of params
     * @param params the parameters (not modified, not kept)
     * @return the gradient
     */
    TaskGradient one(int partition, long step, long version, double[] params) {
        String what = "the gradient job of worker " + partition + " step " + step;
        Broadcast<double[]> b = broadcast(params, what);
        try {
            JavaRDD<TaskGradient> job = shards.mapPartitionsWithIndex(
                    new GradientTask(problem, batch, seed, step, version, b, failureProbability), true);
            List<TaskGradient>[] r = watched(what, () -> job.collectPartitions(new int[] {partition}));
            return r[0].get(0);
        } finally {
            release(b);
        }
    }

    private Broadcast<double[]> broadcast(double[] params, String what) {
        try {
            return jsc.broadcast(params.clone());
        } catch (RuntimeException e) {
            if (jsc.sc().isStopped()) {
                throw new ApplicationEndedException(what);
            }
            throw e;
        }
    }

    private void release(Broadcast<double[]> b) {
        try {
            b.destroy();
        } catch (RuntimeException e) {
            if (!jsc.sc().isStopped()) {
                throw e;
            }
        }
    }

    /**
     * Runs a job under the watchdog. Once any watchdog of the run has fired, every job of the run that
     * fails (cancelled with it) reports that first timeout, whichever thread sees its failure first: the
     * run's error does not depend on a race between the workers. A job that fails because the context
     * stopped (the master removed the application) reports that in one line.
     */
    private <T> T watched(String what, java.util.function.Supplier<T> job) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            fired.set(true);
            timedOut.compareAndSet(null, new JobTimeoutException(what, timeoutSeconds));
            cancelAll();
        }, (long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        try {
            jobs.incrementAndGet();
            return job.get();
        } catch (Exception e) { // SparkException is checked, but Scala throws it from methods that do not declare it
            JobTimeoutException t = timedOut.get();
            if (t != null) {
                throw t;
            }
            if (jsc.sc().isStopped()) {
                throw new ApplicationEndedException(what);
            }
            throw GradientJobs.<RuntimeException>sneaky(e);
        } finally {
            alarm.cancel(false);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    /** The run's context stopped under a job: the master removed the application, or someone stopped it. */
    static final class ApplicationEndedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ApplicationEndedException(String what) {
            super("the Spark application ended during " + what + ": the master removed it (see the master's log:"
                    + " killed, or its executors kept failing) or its SparkContext was stopped; the run is incomplete"
                    + " (the last checkpoint, if any, is intact)");
        }
    }

    /** @return the first timeout of the run, or null */
    JobTimeoutException timedOut() {
        return timedOut.get();
    }

    /** Cancels every running job of the run (a stop, a timeout, another worker's failure). */
    void cancelAll() {
        if (!jsc.sc().isStopped()) {
            jsc.sc().cancelJobsWithTag(runTag);
        }
    }

    /** @return the cached RDD of M partitions, each holding exactly one shard */
    JavaRDD<Shard> shards() {
        return shards;
    }

    /** @return jobs submitted so far */
    long jobs() {
        return jobs.get();
    }

    /** Frees the cached shards and their broadcasts, stops the watchdog. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        if (jsc.sc().isStopped()) {
            return; // nothing left to free
        }
        if (ownsShards) {
            shards.unpersist(false);
        }
        for (Broadcast<Shard> b : shardData) {
            b.destroy();
        }
        jsc.sc().clearJobTags();
        jsc.setLocalProperty("spark.scheduler.pool", null);
    }
}
