package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The workers of the async, ssp and sync modes, written once: {@link #work} is one worker's loop
 * read - compute - (delay) - push against a {@link ParameterChannel}, whichever side of it the
 * worker is on (a thread of this JVM over {@link LocalParameterChannel}, the threads engine; a
 * long-running cluster task over a remote channel, the Spark engine). The mode is the channel's:
 * ssp reads wait for the clocks, sync reads wait for the round, whose last push averages the
 * round's gradients in worker order ({@link SyncRound}) into one update. {@link #run} runs M worker
 * threads in this JVM; {@link #runThreads} runs any driver-side bodies: the first exception of any
 * of them (a divergence) stops all of them ({@link ParameterServer#stop}, the work
 * {@linkplain RunControl#cancel() cancelled}) and is rethrown; a divergence is preferred to the
 * other workers' consequential exceptions.
 */
public final class WorkerLoop {
    /** Stream index offset of the workers' delay streams (the minibatch streams are (seed, worker, step)). */
    static final long DELAY_STREAM = 1L << 40;

    private WorkerLoop() {
    }

    /**
     * What one worker's loop needs of the run's settings.
     *
     * @param sync whether a worker's minibatch step is the round's version (sync mode) rather than its own counter
     * @param keepRead whether a gradient carries the parameters it was computed at (delay compensation)
     * @param seed the run's seed (the delay streams)
     * @param delay the injected delays
     */
    public record Settings(boolean sync, boolean keepRead, long seed, WorkerDelay delay) {
        /**
         * @param c the run's settings
         * @return the loop's
         */
        public static Settings of(TrainingConfig c) {
            return new Settings(c.mode().kind() == Mode.Kind.SYNC, c.policy().needsReadParameters(), c.seed(), c.delay());
        }
    }

    /**
     * Runs the workers of an async, ssp or sync run as threads of this JVM until the server reaches
     * its target version; the session's metrics are evaluated in the background meanwhile. On failure
     * the session is aborted and the failure rethrown.
     *
     * @param session the run's driver-side state
     * @param computer how the gradients are computed
     * @throws InterruptedException when interrupted (the workers are interrupted and their work cancelled)
     * @throws IllegalArgumentException for hogwild (the threads engine's own lock-free workers)
     */
    public static void run(TrainingSession session, GradientComputer computer) throws InterruptedException {
        TrainingConfig c = session.config();
        if (c.mode().kind() == Mode.Kind.HOGWILD) {
            throw new IllegalArgumentException("hogwild workers share memory: the threads engine runs them");
        }
        IterateAverage average = c.mode().kind() == Mode.Kind.ASYNC ? session.averageByWorkers() : null;
        ParameterChannel channel = LocalParameterChannel.pullingCreatedVersions(session.server(), c.mode(), c.workers(),
                average);
        // every reader is one of these threads, reading through the channel: old versions' arrays are reused
        session.server().recycleVersions();
        Settings settings = Settings.of(c);
        List<Body> bodies = new ArrayList<>();
        for (int w = 0; w < c.workers(); w++) {
            int worker = w;
            bodies.add(() -> work(channel, computer.caller("worker-" + worker), worker, settings));
        }
        session.evaluateInBackground();
        runThreads(session, computer, bodies, null);
    }

    /**
     * One worker's loop until the channel says the run is over: read, compute the minibatch
     * gradient (step: the worker's counter, from {@link ParameterChannel#nextStep}; in sync mode the
     * round's version), sleep the injected delay, push. A step the server already had (a retried
     * task) is skipped like an applied one.
     *
     * @param channel the worker's channel to the server
     * @param computer the worker's computer (this thread's)
     * @param worker the worker
     * @param settings the loop's settings
     * @throws InterruptedException when interrupted
     */
    public static void work(ParameterChannel channel, GradientComputer.Caller computer, int worker, Settings settings)
            throws InterruptedException {
        UniformRandomProvider delayRng = delayStream(settings.seed(), worker);
        long step = channel.nextStep(worker);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                ParameterServer.View view = channel.read(worker);
                if (view == null) {
                    return;
                }
                long v = view.version();
                // In sync mode a worker's minibatch step is the round's version: resume-safe and deterministic.
                long k = settings.sync() ? v : step;
                long t0 = System.nanoTime();
                // the view's parameters are immutable: no copy, and delay compensation may keep them
                Gradient g = computer.compute(worker, k, v, view.params(), settings.keepRead());
                settings.delay().sleep(worker, System.nanoTime() - t0, delayRng);
                if (channel.push(g) == ParameterChannel.Push.STOP) {
                    return;
                }
                step = k + 1;
            }
        } finally {
            channel.leave(worker);
        }
    }

    /** A driver thread's body that may throw. */
    public interface Body {
        /**
         * @throws Exception the thread's failure, the run's if it is the first
         */
        void run() throws Exception;
    }

    /**
     * Runs the bodies as threads {@code asgd-worker-0, 1, ...} and waits for them; then ends the
     * session's background evaluations. On failure (a worker's, an evaluation's) or an interrupt the
     * session is aborted and the failure rethrown.
     *
     * @param session the session
     * @param computer what the bodies wait on (its work cancelled on failure; it names the failure)
     * @param bodies the threads' bodies
     * @param barrier a barrier of the bodies, broken on failure, or null
     * @throws InterruptedException when interrupted
     */
    public static void runThreads(TrainingSession session, RunControl computer, List<Body> bodies,
            CyclicBarrier barrier) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            threads.add(thread(session, computer, i, failure, bodies.get(i), barrier));
        }
        threads.forEach(Thread::start);
        RuntimeException evalFailure;
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            computer.cancel();
            session.server().stop();
            session.stopEvaluations();
            session.abort();
            throw e;
        } finally {
            evalFailure = session.stopEvaluations();
        }
        Throwable f = failure.get();
        if (evalFailure != null && (f == null || earlier(evalFailure, f))) {
            f = evalFailure;
        }
        if (f != null) {
            f = computer.cause(f);
            session.abort();
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(f);
        }
    }

    /** Whether a (background evaluation's) failure a is the run's rather than the workers' b. */
    private static boolean earlier(Throwable a, Throwable b) {
        if (!(a instanceof NumericalDivergenceException da)) {
            return false;
        }
        if (!(b instanceof NumericalDivergenceException db)) {
            return true;
        }
        return da.step() <= db.step();
    }

    private static Thread thread(TrainingSession s, RunControl computer, int w, AtomicReference<Throwable> failure,
            Body body, CyclicBarrier barrier) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.updateAndGet(old -> old == null
                        || e instanceof NumericalDivergenceException && !(old instanceof NumericalDivergenceException)
                                ? e : old);
                s.server().stop();
                computer.cancel();
                if (barrier != null) {
                    barrier.reset();
                }
            }
        }, "asgd-worker-" + w);
        t.setDaemon(true);
        return t;
    }

    /**
     * @param seed the run's seed
     * @param worker the worker
     * @return the worker's stream of injected delays
     */
    static UniformRandomProvider delayStream(long seed, int worker) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, DELAY_STREAM + worker});
    }

    /** The end of a sync round: averages the round's gradients in worker order and applies them as one update. */
    static final class SyncRound implements Runnable {
        private final ParameterServer server;
        final Gradient[] slots;

        SyncRound(ParameterServer server, int workers) {
            this.server = server;
            this.slots = new Gradient[workers];
        }

        @Override
        public void run() {
            int m = slots.length;
            int p = slots[0].values().length;
            double[] avg = new double[p];
            double loss = 0;
            for (Gradient g : slots) {
                double[] v = g.values();
                for (int i = 0; i < p; i++) {
                    avg[i] += v[i];
                }
                loss += g.batchLoss();
            }
            for (int i = 0; i < p; i++) {
                avg[i] /= m;
            }
            Gradient first = slots[0];
            server.apply(new Gradient(-1, first.readVersion(), first.readVersion(), avg, loss / m,
                    first.readParameters()));
        }
    }
}
