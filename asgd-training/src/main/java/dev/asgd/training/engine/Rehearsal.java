package dev.asgd.training.engine;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A short threads-engine run on tiny synthetic data, in a background thread, so that the JIT has
 * compiled the training path (worker loop, channel, server, session, sampler, kernels) by the time
 * the real run starts: started while the real data is read, it takes the first few hundred
 * milliseconds of slow, interpreted updates off the real run (a 20,000-update Fashion-MNIST run
 * lasts under a second). Once per JVM; its result is discarded, and a failure of it is nobody's.
 */
public final class Rehearsal {
    /** The rehearsal's data: small, with dense rows like the real ones. */
    static final String DATA = "synthetic:softmax,n=400,d=24,classes=3,seed=7";

    /** Updates of the rehearsal (C2 compiles a method after a few thousand calls). */
    static final long UPDATES = 6000;

    /** Longest wait for the kernels' warm-up before rehearsing anyway. */
    static final long MAX_WAIT_MILLIS = 3000;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Set when the real run starts: the rehearsal does not start, or stops. */
    private static volatile boolean over;
    /** The rehearsal's session while it runs. */
    private static volatile TrainingSession rehearsing;

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

    /** @return the rehearsal's session, started (its first metric point evaluated), not run */
    static TrainingSession session() {
        TrainTest data = DataSources.load(DATA, 0.2, 7);
        Problem p = Problems.of("softmax", data.train(), 0);
        TrainingConfig c = TrainingConfig.builder(DATA, "softmax").eta(0.05).batchSize(8).updates(UPDATES)
                .evalEvery(UPDATES).seed(7).build();
        return TrainingSession.start(c, p, data, TrainingSession.Options.none());
    }

    /** Runs the rehearsal in this thread; any failure is swallowed (it only warms the JIT). */
    static void run() {
        try {
            // after the kernels' own warm-up: one compile queue at a time, kernels first
            Problems.awaitWarmKernels(MAX_WAIT_MILLIS);
            if (over) {
                return;
            }
            TrainingSession s = session();
            rehearsing = s;
            if (over) {
                s.server().stop();
            }
            new ThreadsEngine().run(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the real run reports its own failures
        } finally {
            rehearsing = null;
        }
    }
}
