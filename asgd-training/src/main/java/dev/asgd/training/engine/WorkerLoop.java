package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The workers of the async, ssp and sync modes as threads of the driver, each gradient computed by
 * a {@link GradientComputer} (in the thread itself, or as a cluster job it waits for), written once
 * for every engine. Async and ssp workers loop read - compute - (delay) - apply against the
 * parameter server. Sync workers meet at a barrier whose action ({@link SyncRound}) averages the
 * round's gradients in worker order and applies one update; a computer that
 * {@linkplain GradientComputer#computesWholeRounds() computes whole rounds} has one thread compute
 * every worker's gradient of a round in one call. The first exception of any worker (a divergence)
 * stops all of them ({@link ParameterServer#stop}, the sync barrier broken, the computer's work
 * {@linkplain GradientComputer#cancel() cancelled}) and is rethrown; a divergence is preferred to
 * the other workers' consequential exceptions.
 */
public final class WorkerLoop {
    /** Stream index offset of the workers' delay streams (the minibatch streams are (seed, worker, step)). */
    static final long DELAY_STREAM = 1L << 40;

    private WorkerLoop() {
    }

    /**
     * Runs the workers of an async, ssp or sync run until the server reaches its target version;
     * the session's metrics are evaluated in the background meanwhile. On failure the session is
     * aborted and the failure rethrown.
     *
     * @param session the run's driver-side state
     * @param computer how the gradients are computed
     * @throws InterruptedException when interrupted (the workers are interrupted and their work cancelled)
     * @throws IllegalArgumentException for hogwild (the threads engine's own lock-free workers)
     */
    public static void run(TrainingSession session, GradientComputer computer) throws InterruptedException {
        TrainingConfig c = session.config();
        List<Body> bodies = new ArrayList<>();
        CyclicBarrier barrier = null;
        switch (c.mode().kind()) {
            case HOGWILD:
                throw new IllegalArgumentException("hogwild workers share memory: the threads engine runs them");
            case SYNC:
                SyncRound round = new SyncRound(session.server(), c.workers());
                boolean whole = computer.computesWholeRounds();
                CyclicBarrier b = new CyclicBarrier(whole ? 1 : c.workers(), round);
                // a stop from anywhere (a background evaluation's divergence too) releases the barrier
                session.server().onStop(b::reset);
                if (whole) {
                    bodies.add(() -> syncWorker(session, computer, -1, b, round));
                } else {
                    for (int w = 0; w < c.workers(); w++) {
                        int worker = w;
                        bodies.add(() -> syncWorker(session, computer, worker, b, round));
                    }
                }
                barrier = b;
                break;
            default:
                for (int w = 0; w < c.workers(); w++) {
                    int worker = w;
                    bodies.add(() -> asyncWorker(session, computer, worker));
                }
                break;
        }
        session.evaluateInBackground();
        runThreads(session, computer, bodies, barrier);
    }

    /** A worker body that may throw. */
    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs the bodies as threads {@code asgd-worker-0, 1, ...} and waits for them; then ends the
     * session's background evaluations. On failure (a worker's, an evaluation's) or an interrupt the
     * session is aborted and the failure rethrown.
     *
     * @param session the session
     * @param computer the computer (its work cancelled on failure)
     * @param bodies the threads' bodies
     * @param barrier the sync barrier, broken on failure, or null
     * @throws InterruptedException when interrupted
     */
    static void runThreads(TrainingSession session, GradientComputer computer, List<Body> bodies,
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

    private static Thread thread(TrainingSession s, GradientComputer computer, int w, AtomicReference<Throwable> failure,
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

    private static void asyncWorker(TrainingSession s, GradientComputer computer, int w) throws InterruptedException {
        TrainingConfig c = s.config();
        ParameterServer server = s.server();
        boolean keep = c.policy().needsReadParameters();
        boolean ssp = c.mode().kind() == Mode.Kind.SSP;
        UniformRandomProvider delayRng = delayStream(c.seed(), w);
        GradientComputer.Caller gc = computer.caller("worker-" + w);
        long step = s.firstStep(w);
        try {
            while (true) {
                if (ssp && !server.awaitClock(w, c.mode().bound())) {
                    return;
                }
                ParameterServer.View view = server.view();
                if (view == null || Thread.currentThread().isInterrupted()) {
                    return;
                }
                long t0 = System.nanoTime();
                // the view's parameters are immutable: no copy, and delay compensation may keep them
                Gradient g = gc.compute(w, step, view.version(), view.params(), keep);
                c.delay().sleep(w, System.nanoTime() - t0, delayRng);
                if (server.apply(g) < 0) {
                    return;
                }
                step++;
            }
        } finally {
            server.wakeAll();
        }
    }

    /** The barrier action of sync mode: averages the round's gradients in worker order and applies them. */
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

    /**
     * A sync worker: worker w's gradient of each round, or (w = -1) every worker's in one call; then
     * the delay (the longest of the workers computed here), then the barrier.
     */
    private static void syncWorker(TrainingSession s, GradientComputer computer, int w, CyclicBarrier barrier,
            SyncRound round) throws InterruptedException, BrokenBarrierException {
        TrainingConfig c = s.config();
        boolean keep = c.policy().needsReadParameters();
        int from = w < 0 ? 0 : w;
        int to = w < 0 ? c.workers() : w + 1;
        UniformRandomProvider[] delayRng = new UniformRandomProvider[to];
        for (int k = from; k < to; k++) {
            delayRng[k] = delayStream(c.seed(), k);
        }
        GradientComputer.Caller gc = computer.caller(w < 0 ? "sync" : "worker-" + w);
        while (true) {
            ParameterServer.View view = s.server().view();
            if (view == null) {
                return;
            }
            long v = view.version();
            long t0 = System.nanoTime();
            // In sync mode a worker's minibatch step is the round's version: resume-safe and deterministic.
            if (w < 0) {
                gc.computeRound(v, view.params(), keep, round.slots);
            } else {
                round.slots[w] = gc.compute(w, v, v, view.params(), keep);
            }
            sleepLongest(c.delay(), from, to, System.nanoTime() - t0, delayRng);
            try {
                barrier.await();
            } catch (BrokenBarrierException e) {
                // another worker failed (its exception is the run's) or the round's apply threw
                if (s.server().stopped()) {
                    return;
                }
                throw e;
            }
        }
    }

    /** Sleeps the longest of workers from..to-1's delays (each drawn from its own stream, in worker order). */
    private static void sleepLongest(WorkerDelay delay, int from, int to, long computeNanos,
            UniformRandomProvider[] rng) throws InterruptedException {
        if (to - from == 1) {
            delay.sleep(from, computeNanos, rng[from]);
            return;
        }
        long wait = 0;
        for (int k = from; k < to; k++) {
            wait = Math.max(wait, delay.delayNanos(k, computeNanos, rng[k]));
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
