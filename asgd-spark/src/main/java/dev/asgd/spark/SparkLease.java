package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The SparkContext of one run. When a context is already running in this JVM (a test, a notebook,
 * an application that embeds asgd) the run borrows it and leaves it running; otherwise it creates
 * one from the {@code spark.*} system properties (what {@code spark-submit} sets) and the master,
 * and stops it at the end. An embedded master binds the driver to the loopback address, without
 * the web UI. Creation runs in a future bounded by the timeout, so a bad master never hangs.
 *
 * @param context the context
 * @param owned whether this run created the context (and stops it)
 * @param timeoutSeconds longest wait for the context to start or stop
 */
record SparkLease(JavaSparkContext context, boolean owned, double timeoutSeconds) implements AutoCloseable {
    /** local, local[N], local[*] and local[N,F], local[*,F]: F is the number of attempts of a task. */
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,(\\d+))?])?");
    private static final String MARK = "spark.asgd.lease";

    /**
     * @param master the master URL, or null for the spark-submit one, else embedded
     * @param retries whether tasks must be retried (injected failures): the embedded default becomes local[*,4]
     * @param timeoutSeconds longest wait for the context
     * @return the lease
     * @throws InvalidParameterException naming {@code master} when the master is malformed, does not
     *     answer in time, or differs from the one of the context already running
     */
    static SparkLease acquire(String master, boolean retries, double timeoutSeconds) {
        return acquire(master, 0, retries, timeoutSeconds);
    }

    /**
     * @param minSlots the fewest task slots the run needs
     * @param retries whether tasks must be retried (4 attempts)
     * @param cores the machine's cores
     * @return local[*] (one thread per core), or local[minSlots] when that is more; with ",4" for retries
     */
    static String embeddedMaster(int minSlots, boolean retries, int cores) {
        String threads = minSlots > cores ? Integer.toString(minSlots) : "*";
        return "local[" + threads + (retries ? ",4]" : "]");
    }

    /**
     * As {@link #acquire(String, boolean, double)}, for a run whose worker tasks must leave task slots
     * free (data read where it lives: its evaluations are Spark jobs of their own): without a master
     * (neither {@code --master} nor spark-submit's), the embedded master gets at least {@code minSlots}
     * task threads (local threads are cheap: a local master may have more than the machine's cores). A
     * context already running is borrowed as it is.
     *
     * @param master the master URL, or null for the spark-submit one, else embedded
     * @param minSlots the fewest task slots of an embedded master
     * @param retries whether tasks must be retried (injected failures)
     * @param timeoutSeconds longest wait for the context
     * @return the lease
     */
    static SparkLease acquire(String master, int minSlots, boolean retries, double timeoutSeconds) {
        SparkConf conf = new SparkConf();
        String url = master != null ? master.strip()
                : conf.contains("spark.master") ? conf.get("spark.master")
                : embeddedMaster(minSlots, retries, Runtime.getRuntime().availableProcessors());
        var local = LOCAL.matcher(url);
        if (local.matches() && retries && local.group(4) == null) {
            throw new InvalidParameterException("inject-task-failures", "with --master " + url,
                    "a master that retries tasks, e.g. local[N,F] with F >= 2 attempts (plain local masters never retry)");
        }
        probeStandalone(url, timeoutSeconds);
        String mark = UUID.randomUUID().toString();
        conf.setMaster(url).setIfMissing("spark.app.name", "asgd train").set(MARK, mark)
                .setIfMissing("spark.scheduler.mode", "FAIR")
                // A job is one task on one shard: waiting for the executor that cached it (3 s by default)
                // starves the other workers' jobs; any free executor recomputes a shard at once.
                .setIfMissing("spark.locality.wait", "0");
        if (local.matches() || url.contains("://127.0.0.1") || url.contains("://localhost")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        shipApplicationJar(conf, url, codeSource());
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "asgd-spark-start");
            t.setDaemon(true);
            return t;
        });
        Future<SparkContext> f = starter.submit(() -> SparkContext.getOrCreate(conf));
        try {
            SparkContext sc = f.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            boolean owned = mark.equals(sc.getConf().get(MARK, ""));
            if (!owned && master != null && !master.strip().equals(sc.master())) {
                throw new InvalidParameterException("master", master, "the master of the SparkContext already running"
                        + " in this JVM (" + sc.master() + "): one SparkContext per JVM");
            }
            return new SparkLease(JavaSparkContext.fromSparkContext(sc), owned, timeoutSeconds);
        } catch (TimeoutException e) {
            // A standalone master that does not answer blocks the constructor while it retries; interrupting
            // it frees the JVM's context lock (the half-built context is never made active).
            f.cancel(true);
            throw new InvalidParameterException("master", url, "a reachable master: it did not accept the application"
                    + " within " + timeoutSeconds + " s (--spark-timeout)");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            Throwable missing = missingClass(c);
            if (missing != null) {
                throw new IllegalStateException("Spark cannot start: a class is missing from the class path ("
                        + missing.getClass().getSimpleName() + ": " + firstLine(missing) + "); run through ./asgd, or"
                        + " add the jars of a Spark distribution's jars/ directory (e.g. Jackson) to the class path");
            }
            throw new InvalidParameterException("master", url, "local, local[N], local[N,F], local[*], spark://HOST:PORT,"
                    + " yarn or k8s://URL of a master that starts (Spark said: " + firstLine(c) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Spark", e);
        } finally {
            starter.shutdown();
        }
    }

    /** @return the first NoClassDefFoundError / ClassNotFoundException / LinkageError of a cause chain, or null */
    static Throwable missingClass(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException) {
                return c;
            }
        }
        return null;
    }

    /** @return where this module's classes come from (its jar, or a class directory), or null */
    static java.nio.file.Path codeSource() {
        try {
            var src = SparkLease.class.getProtectionDomain().getCodeSource();
            return src == null ? null : java.nio.file.Path.of(src.getLocation().toURI());
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException
                | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /**
     * For a master whose executors are other JVMs (spark://, local-cluster, yarn, k8s://), ships the application
     * jar: {@code spark.jars} becomes the jar this module was loaded from, unless it is set (spark-submit
     * sets it) or the executors have their own class path ({@code spark.executor.extraClassPath}).
     *
     * @param conf the configuration
     * @param url the master
     * @param source this module's code source (a jar, a directory, or null)
     * @throws InvalidParameterException naming {@code master} when there is no jar to ship (the classes are
     *     in a directory, e.g. an IDE's build)
     */
    static void shipApplicationJar(SparkConf conf, String url, java.nio.file.Path source) {
        boolean cluster = url.startsWith("spark://") || url.startsWith("local-cluster") || url.startsWith("yarn")
                || url.startsWith("k8s://");
        if (!cluster || conf.contains("spark.jars") || conf.contains("spark.executor.extraClassPath")) {
            return;
        }
        if (source != null && java.nio.file.Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
            conf.set("spark.jars", source.toAbsolutePath().toString());
            return;
        }
        throw new InvalidParameterException("master", url, "a local[...] master when the engine runs from class"
                + " directories (" + source + "): executors of other masters need the application jar; build it"
                + " (./asgd builds asgd-spark/target/asgd-spark.jar) or set -Dspark.jars=JAR");
    }

    /**
     * Connects to a standalone master ({@code spark://HOST:PORT[,HOST:PORT...]}) before creating a
     * context: Spark's constructor would otherwise block for a minute of registration retries, and a
     * half-built context interrupted then still stops Spark's JVM-wide environment when it gives up.
     */
    static void probeStandalone(String url, double timeoutSeconds) {
        if (!url.startsWith("spark://")) {
            return;
        }
        String last = "";
        for (String hostPort : url.substring(8).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("master", url, "spark://HOST:PORT with an integer port");
            }
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), (int) Math.min(timeoutSeconds * 1000, 10_000));
                return;
            } catch (java.io.IOException | IllegalArgumentException e) {
                last = host + ":" + port + " (" + e.getMessage() + ")";
            }
        }
        throw new InvalidParameterException("master", url, "a reachable Spark master: cannot connect to " + last);
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * @return the attempts Spark gives a task: F of local[N,F], 1 for other local masters,
     *     {@code spark.task.maxFailures} (default 4) for clusters
     */
    int taskAttempts() {
        String url = master();
        var local = LOCAL.matcher(url);
        if (local.matches()) {
            return local.group(4) == null ? 1 : Integer.parseInt(local.group(4));
        }
        return context.sc().getConf().getInt("spark.task.maxFailures", 4);
    }

    /** @return the master URL */
    String master() {
        return context.sc().master();
    }

    /** Stops an owned context, waiting at most the timeout (a context cut off from its master may not stop). */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        Thread stopper = new Thread(context::stop, "asgd-spark-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join((long) (timeoutSeconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
