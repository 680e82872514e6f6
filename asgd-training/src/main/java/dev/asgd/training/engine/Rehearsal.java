package dev.asgd.training.engine;

import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A short threads-engine run on tiny synthetic data, in a background thread, so that the JIT has
 * compiled the training path (worker loop, channel, server, session, average, sampler, kernels) by
 * the time the real run starts: started with the JVM, while the command line is parsed and the real
 * data read. Its shapes are the real runs': byte-coded dense rows (as Fashion-MNIST's), ten classes,
 * batch 32, two workers, the second half's iterates averaged, two runs; a path it never took would be compiled
 * without that branch and recompiled during the real run (on two cores, C2 then takes a worker's core
 * for 100-170 ms per kernel method, measured). Once per JVM; its result is discarded, and a failure of
 * it is nobody's.
 */
public final class Rehearsal {
    /** Features of the rehearsal's rows: two blocks of 16, one of 8 and a tail of 3 (every branch of the kernels). */
    static final int FEATURES = 43;

    /** Classes (two tiles of 5 in the score and gradient kernels). */
    static final int CLASSES = 10;

    /** Training rows. */
    static final int ROWS = 2000;

    /** Workers: the contended paths of the server and the channel. */
    static final int WORKERS = 2;

    /** Updates of each of the rehearsal's runs (C2 compiles a method after a few thousand calls). */
    static final long UPDATES = 10_000;

    /**
     * The rehearsal's runs, one after the other: the end of a run (its last version, a read that finds
     * the run over) takes branches the compiled code had never taken and deoptimises the engine's
     * methods; after a second run they are compiled with them, and the real run does not meet that
     * deoptimisation at its start (measured with JFR's deoptimisation events).
     */
    static final int RUNS = 2;

    /** Longest wait for the kernels' warm-up before rehearsing anyway. */
    static final long MAX_WAIT_MILLIS = 3000;

    /** Longest wait of the real run for the rehearsal ({@link #awaitThenEnd()}). */
    static final long MAX_RUN_WAIT_MILLIS = 3000;

    /** Windows in a row in which the JVM must be nearly idle ({@link #awaitQuietJit}). */
    static final int QUIET_WINDOWS = 2;

    /** Milliseconds of one window. */
    static final long QUIET_WINDOW_MILLIS = 25;

    /** Most CPU time the JVM's threads may use in a quiet window, as a share of the window's wall time. */
    static final double QUIET_CPU_SHARE = 0.2;

    /** The rehearsal's data as the configuration names it (a label: the rows are made by {@link #rows}). */
    static final String DATA = "rehearsal";

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Set by the first {@link #awaitThenEnd}: later runs in this JVM (tune's) do not wait again. */
    private static final AtomicBoolean WAITED = new AtomicBoolean();
    /** Counted down when the rehearsal is over (done, stopped, failed or not started because the run came first). */
    private static final CountDownLatch OVER = new CountDownLatch(1);
    /** Set when the real run starts: the rehearsal does not start, or stops. */
    private static volatile boolean over;
    /** The rehearsal's session while it runs. */
    private static volatile TrainingSession rehearsing;
    /** The updates the rehearsal ran, once it is over. */
    private static volatile long rehearsed;

    private Rehearsal() {
    }

    /**
     * Starts the rehearsal, once per JVM, in a daemon thread {@code asgd-rehearsal}; also starts
     * compiling the vector kernels ({@link Problems#warmUpKernels()}).
     */
    public static void start() {
        Problems.warmUpKernels();
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(Rehearsal::run, "asgd-rehearsal");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Ends the rehearsal because the real run starts (it would only compete with it for the cores):
     * it does not start, or its workers stop.
     */
    public static void end() {
        over = true;
        TrainingSession s = rehearsing;
        if (s != null) {
            s.server().stop();
        }
    }

    /**
     * @return the updates the rehearsal ran: 0 before it is over, or when it failed or gave way before
     *     starting; fewer than {@link #RUNS} x {@link #UPDATES} when it was stopped
     */
    static long rehearsed() {
        return rehearsed;
    }

    /** @return whether a started rehearsal is over (done, stopped, failed, or given way before it began) */
    static boolean isOver() {
        return OVER.getCount() == 0;
    }

    /**
     * {@link #awaitThenEnd(long)} for at most {@link #MAX_RUN_WAIT_MILLIS}.
     *
     * @throws InterruptedException when interrupted (the rehearsal is ended)
     */
    public static void awaitThenEnd() throws InterruptedException {
        awaitThenEnd(MAX_RUN_WAIT_MILLIS);
    }

    /**
     * Waits until the rehearsal is over, at most {@code millis}, then {@linkplain #end() ends} it: the
     * real run starts with the training path compiled rather than compiling it on the workers' cores
     * (the kernels' warm-up and the rehearsal take about a second of a cold JVM on the 2-core machine,
     * most of it while the data is read). Returns at once when no rehearsal was started.
     *
     * @param millis the longest wait
     * @throws InterruptedException when interrupted (the rehearsal is ended)
     */
    public static void awaitThenEnd(long millis) throws InterruptedException {
        try {
            if (STARTED.get() && WAITED.compareAndSet(false, true)) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                if (OVER.await(millis, TimeUnit.MILLISECONDS)) {
                    awaitQuietJit(deadline);
                }
            }
        } finally {
            end();
        }
    }

    /**
     * Waits until the JVM's threads, this one asleep, used less than {@link #QUIET_CPU_SHARE} of a
     * core in {@link #QUIET_WINDOWS} windows in a row (the JIT's queue from the rehearsal drained:
     * measured, C2 still finished the engine's methods 0.2-0.3 s into a run that started right after
     * the rehearsal, and one C2 compilation of a kernel takes 100-170 ms, longer than a window, but
     * it uses a core all along), or until the deadline. Without the process's CPU time (a JVM without
     * {@code com.sun.management}) it does not wait.
     */
    private static void awaitQuietJit(long deadline) throws InterruptedException {
        if (!(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os)) {
            return;
        }
        long last = os.getProcessCpuTime();
        if (last < 0) {
            return;
        }
        int quiet = 0;
        while (quiet < QUIET_WINDOWS && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            Thread.sleep(QUIET_WINDOW_MILLIS);
            long cpu = os.getProcessCpuTime();
            quiet = cpu - last < QUIET_CPU_SHARE * (System.nanoTime() - t0) ? quiet + 1 : 0;
            last = cpu;
        }
    }

    /** @return the rehearsal's session, started (its first metric point evaluated), not run */
    static TrainingSession session() {
        return session(data());
    }

    /** @return the rehearsal's training and test rows */
    static TrainTest data() {
        return new TrainTest(rows(ROWS, 1), rows(ROWS / 4, 2), null);
    }

    /**
     * @param data the rehearsal's rows ({@link #data()}, made once for all its runs)
     * @return the rehearsal's session on them, started (its first metric point evaluated), not run
     */
    static TrainingSession session(TrainTest data) {
        Problem p = Problems.of("softmax", data.train(), 0);
        TrainingConfig c = TrainingConfig.builder(DATA, "softmax").eta(0.05).batchSize(32).updates(UPDATES)
                .evalEvery(UPDATES).workers(WORKERS).seed(7).build();
        return TrainingSession.start(c, p, data, TrainingSession.Options.none().withAverageTail(0.5));
    }

    /** Byte-coded rows (codes / 255, as Fashion-MNIST's pixels); the class is the largest of the first ten codes. */
    private static DenseDataset rows(int n, int salt) {
        byte[] codes = new byte[n * FEATURES];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int j = 0; j < FEATURES; j++) {
                int code = (i * 131 + j * 29 + salt * 7 + (i * j) % 17) & 0xff;
                codes[i * FEATURES + j] = (byte) code;
                if (j < CLASSES && code > best) {
                    best = code;
                    y[i] = j;
                }
            }
        }
        return DenseDataset.coded(codes, 255, y, FEATURES);
    }

    /** Runs the rehearsal in this thread; any failure is swallowed (it only warms the JIT). */
    static void run() {
        try {
            // after the kernels' own warm-up: one compile queue at a time, kernels first
            Problems.awaitWarmKernels(MAX_WAIT_MILLIS);
            if (over) {
                return;
            }
            TrainTest data = data();
            long done = 0;
            for (int run = 0; run < RUNS && !over; run++) {
                TrainingSession s = session(data);
                rehearsing = s;
                if (over) {
                    s.server().stop();
                }
                done += new ThreadsEngine().run(s).updates();
            }
            rehearsed = done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // only a warm-up: the real run reports its own failures
        } finally {
            rehearsing = null;
            OVER.countDown();
        }
    }
}
