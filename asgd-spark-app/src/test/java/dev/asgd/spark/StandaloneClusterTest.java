package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.cli.CliRun;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1: Spark's own {@code Master} and two {@code Worker} JVMs, started
 * from the jars on the test class path (linked into a SPARK_HOME/jars directory, which is what a worker
 * gives its executors), each worker with one core. The asgd classes reach the executors only through
 * {@code spark.jars} (a jar built here from the asgd modules on the class path), as the application jar
 * does in a real deployment. What the engine guarantees when a worker dies mid-run: the run completes, every update
 * applied exactly once (each worker is one long-running task pushing to the driver's parameter server; the lost
 * executor's task is rerun once an executor is free and resumes from the server's next step for its worker, and
 * the server applies each (worker, step) once). Every child JVM is killed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class StandaloneClusterTest {
    private static final String LS = EmbeddedSpark.LS;

    @TempDir
    static Path dir;

    private static final List<Process> processes = new CopyOnWriteArrayList<>();
    private static final List<ProcessHandle> orphans = new CopyOnWriteArrayList<>();
    private static final List<Process> workers = new ArrayList<>();
    private static int port;
    private static long started;

    @BeforeAll
    static void startCluster() throws Exception {
        started = System.nanoTime();
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> names = new HashSet<>();
        List<Path> asgd = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            String name = p.getFileName().toString();
            if (e.contains("test-classes") || name.endsWith("-tests.jar")) {
                continue;
            }
            if (Files.isDirectory(p) || name.startsWith("asgd-") && name.endsWith(".jar")) {
                asgd.add(p); // the asgd modules: class directories, or jars in a reactor build
            } else if (Files.isRegularFile(p) && name.endsWith(".jar") && names.add(name)) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        Path app = dir.resolve("asgd-app.jar");
        jar(asgd, app);
        System.setProperty("spark.jars", app.toString());
        System.setProperty("spark.executor.memory", "512m");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Map<String, String> env = Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", "127.0.0.1", "JAVA_HOME", System.getProperty("java.home"),
                "SPARK_NO_DAEMONIZE", "1");
        String cp = jars + File.separator + "*";
        start(env, cp, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", "0");
        awaitPort(port, 60);
        for (int i = 0; i < 2; i++) {
            workers.add(start(env, cp, dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                    "--work-dir", dir.resolve("work-" + i).toString(), "spark://127.0.0.1:" + port));
        }
        for (int i = 0; i < 2; i++) {
            awaitLog(dir.resolve("worker-" + i + ".log"), "Successfully registered with master", 60);
        }
    }

    private static Process start(Map<String, String> env, String cp, Path log, String main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("..", "asgd-spark", "spark-jvm.options").toAbsolutePath(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", cp, main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    @AfterAll
    static void stopCluster() {
        System.clearProperty("spark.jars");
        System.clearProperty("spark.executor.memory");
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        orphans.forEach(ProcessHandle::destroyForcibly);
        for (Process p : processes) {
            try {
                p.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.printf("standalone cluster test: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** A worker JVM killed mid-run (with its executor, as when its machine dies): the run still completes exactly. */
    @Test
    @Order(1)
    void aRunSurvivesAWorkerKilledMidRunWithEveryUpdateAppliedOnce() throws Exception {
        long updates = 600;
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "async", 2, 0.05, updates, 3, 0);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong(-1);
        Process victim = workers.get(1);
        TrainingSession.Listener killer = (v, t, l, u, m) -> {
            if (v >= 150 && killed.compareAndSet(false, true)) {
                killedAt.set(v);
                Thread k = new Thread(() -> {
                    List<ProcessHandle> executors = victim.descendants().toList();
                    victim.destroyForcibly();
                    executors.forEach(ProcessHandle::destroyForcibly);
                    orphans.addAll(executors);
                }, "kill-worker-1");
                k.start();
            }
        };
        SparkEngine engine = new SparkEngine(new EngineProvider.Options("spark://127.0.0.1:" + port, 0, 60, null, true));
        RunResult r = EmbeddedSpark.run(engine, c, new TrainingSession.Options(null, false, null, killer));
        assertThat(killedAt.get()).isBetween(150L, updates - 1);
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(r.engine()).isEqualTo("spark");
        assertThat(r.updates()).isEqualTo(updates);
        assertThat(engine.lastRun().master()).isEqualTo("spark://127.0.0.1:" + port);
        // one job of two long-running worker tasks after the shards' job (the lost executor's task is rerun in it;
        // its failure reaches the listener bus asynchronously, possibly after the run: not counted here)
        assertThat(engine.lastRun().jobs()).isEqualTo(2);
        // exactly once: each worker's minibatch steps 0, 1, 2, ... applied once each, 600 in all
        Schedule s = r.schedule().toSchedule(c.fingerprint());
        assertThat(s.entries()).hasSize((int) updates);
        long total = 0;
        for (int w = 0; w < 2; w++) {
            int worker = w;
            List<Long> steps = s.entries().stream().filter(e -> e.worker() == worker).map(Schedule.Entry::step).toList();
            assertThat(steps).containsExactlyElementsOf(Stream.iterate(0L, k -> k + 1).limit(steps.size()).toList());
            assertThat(r.workerSteps()[w]).isEqualTo(steps.size());
            total += steps.size();
        }
        assertThat(total).isEqualTo(updates);
        assertThat(r.series().get(r.series().size() - 1).trainLoss()).isLessThan(r.series().get(0).trainLoss());
    }

    /** The documented command line, through the command's own code path, against the cluster (one worker left). */
    @Test
    @Order(2)
    void theCommandLineTrainsOnTheCluster() {
        CliRun r = CliRun.train("--data", LS, "--engine", "spark", "--master", "spark://127.0.0.1:" + port,
                "--workers", "2", "--updates", "200", "--spark-timeout", "60", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("engine").asText()).isEqualTo("spark");
        assertThat(j.get("updates").asLong()).isEqualTo(200);
    }

    /**
     * The last worker killed mid-run: no gradient arrives any more, and after --spark-timeout the watchdog
     * cancels the job and the run fails with the one-line timeout (never hangs, never Spark's own error).
     */
    @Test
    @Order(3)
    void aRunWithEveryWorkerLostFailsAfterTheTimeout() {
        TrainingConfig c = EmbeddedSpark.config(LS, "least-squares", "async", 2, 0.05, 1_000_000, 3, 0);
        AtomicBoolean killed = new AtomicBoolean();
        Process victim = workers.get(0);
        TrainingSession.Listener killer = (v, t, l, u, m) -> {
            if (v >= 100 && killed.compareAndSet(false, true)) {
                Thread k = new Thread(() -> {
                    List<ProcessHandle> executors = victim.descendants().toList();
                    victim.destroyForcibly();
                    executors.forEach(ProcessHandle::destroyForcibly);
                    orphans.addAll(executors);
                }, "kill-worker-0");
                k.start();
            }
        };
        SparkEngine engine = new SparkEngine(new EngineProvider.Options("spark://127.0.0.1:" + port, 0, 30, null, true));
        long t0 = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedSpark.run(engine, c,
                new TrainingSession.Options(null, false, null, killer)))
                .isInstanceOf(GradientJobs.JobTimeoutException.class)
                .hasMessageContaining("no worker pushed a gradient within 30.0 s (--spark-timeout)")
                .hasMessageContaining("its jobs were cancelled");
        assertThat(killed.get()).isTrue();
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(120);
    }

    private static void awaitPort(int p, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the master did not open port " + p + ": "
                            + Files.readString(dir.resolve("master.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitLog(Path log, String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(log + " never said '" + text + "': "
                        + (Files.exists(log) ? Files.readString(log) : "(no log)"));
            }
            Thread.sleep(200);
        }
    }

    /** One jar of the classes of the given class directories and jars (the first of each name wins). */
    private static void jar(List<Path> parts, Path jar) throws IOException {
        Set<String> seen = new HashSet<>();
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f)) {
            for (Path part : parts) {
                if (Files.isDirectory(part)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(part)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path file : files) {
                        String name = part.relativize(file).toString().replace(File.separatorChar, '/');
                        if (seen.add(name)) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(file, out);
                            out.closeEntry();
                        }
                    }
                    continue;
                }
                try (JarFile in = new JarFile(part.toFile())) {
                    for (JarEntry e : java.util.Collections.list(in.entries())) {
                        if (!e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF") && seen.add(e.getName())) {
                            out.putNextEntry(new JarEntry(e.getName()));
                            try (InputStream is = in.getInputStream(e)) {
                                is.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
    }
}
