package dev.asgd.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs the M workers as threads of this JVM ({@code --engine threads}). Async and ssp workers loop
 * read - compute - (delay) - apply against the parameter server; sync workers meet at a barrier
 * whose action averages their gradients in worker order and applies one update; hogwild workers
 * add into a {@link HogwildVector} without locks. The first exception of any worker (a divergence)
 * stops all of them ({@link ParameterServer#stop}, the sync barrier broken) and is rethrown; a
 * divergence is preferred to the other workers' consequential exceptions.
 */
public final class ThreadsEngine implements Engine {
    /** Stream index offset of the workers' delay streams (the minibatch streams are (seed, worker, step)). */
    static final long DELAY_STREAM = 1L << 40;

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public RunResult run(TrainingSession session) throws InterruptedException {
        TrainingConfig c = session.config();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        HogwildVector shared = null;
        AtomicLong hogwildApplied = null;
        switch (c.mode().kind()) {
            case HOGWILD:
                shared = new HogwildVector(session.server().snapshot());
                hogwildApplied = new AtomicLong(session.server().version());
                AtomicLong reserved = new AtomicLong(session.server().version());
                for (int w = 0; w < c.workers(); w++) {
                    threads.add(thread(session, w, failure, new HogwildWorker(session, w, shared, reserved, hogwildApplied)));
                }
                break;
            case SYNC:
                SyncRound round = new SyncRound(session);
                CyclicBarrier barrier = new CyclicBarrier(c.workers(), round);
                // a stop from anywhere (a background evaluation's divergence too) releases the barrier
                session.server().onStop(barrier::reset);
                for (int w = 0; w < c.workers(); w++) {
                    int worker = w;
                    threads.add(thread(session, w, failure, () -> syncWorker(session, worker, barrier, round), barrier));
                }
                break;
            default:
                for (int w = 0; w < c.workers(); w++) {
                    int worker = w;
                    threads.add(thread(session, w, failure, () -> asyncWorker(session, worker)));
                }
                break;
        }
        if (c.mode().kind() != Mode.Kind.HOGWILD) {
            session.evaluateInBackground();
        }
        threads.forEach(Thread::start);
        RuntimeException evalFailure;
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
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
            session.abort();
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(f);
        }
        if (shared != null) {
            double[] p = new double[shared.length()];
            shared.read(p);
            return session.finish(name(), p, hogwildApplied.get());
        }
        return session.finish(name(), session.server().snapshot(), session.server().version());
    }

    /** Whether a (background evaluation's) failure a is the run's rather than the workers' b. */
    private static boolean earlier(Throwable a, Throwable b) {
        if (!(a instanceof dev.asgd.core.NumericalDivergenceException da)) {
            return false;
        }
        if (!(b instanceof dev.asgd.core.NumericalDivergenceException db)) {
            return true;
        }
        return da.step() <= db.step();
    }

    /** A worker body that may throw. */
    interface Body {
        void run() throws Exception;
    }

    private Thread thread(TrainingSession s, int w, AtomicReference<Throwable> failure, Body body) {
        return thread(s, w, failure, body, null);
    }

    private Thread thread(TrainingSession s, int w, AtomicReference<Throwable> failure, Body body, CyclicBarrier barrier) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.updateAndGet(old -> old == null
                        || e instanceof dev.asgd.core.NumericalDivergenceException
                                && !(old instanceof dev.asgd.core.NumericalDivergenceException) ? e : old);
                s.server().stop();
                if (barrier != null) {
                    barrier.reset();
                }
            }
        }, "asgd-worker-" + w);
        t.setDaemon(true);
        return t;
    }

    static UniformRandomProvider delayStream(long seed, int worker) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, DELAY_STREAM + worker});
    }

    private static void asyncWorker(TrainingSession s, int w) throws InterruptedException {
        TrainingConfig c = s.config();
        ParameterServer server = s.server();
        boolean keep = c.policy().needsReadParameters();
        boolean ssp = c.mode().kind() == Mode.Kind.SSP;
        UniformRandomProvider delayRng = delayStream(c.seed(), w);
        GradientComputer.Workspace ws = s.computer().workspace();
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
                Gradient g = s.computer().compute(w, step, view.version(), view.params(), keep, ws);
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
        private final TrainingSession session;
        final Gradient[] slots;

        SyncRound(TrainingSession session) {
            this.session = session;
            this.slots = new Gradient[session.config().workers()];
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
            session.server().apply(new Gradient(-1, first.readVersion(), first.readVersion(), avg, loss / m,
                    first.readParameters()));
        }
    }

    private static void syncWorker(TrainingSession s, int w, CyclicBarrier barrier, SyncRound round)
            throws InterruptedException, BrokenBarrierException {
        TrainingConfig c = s.config();
        boolean keep = c.policy().needsReadParameters();
        UniformRandomProvider delayRng = delayStream(c.seed(), w);
        GradientComputer.Workspace ws = s.computer().workspace();
        while (true) {
            ParameterServer.View view = s.server().view();
            if (view == null) {
                return;
            }
            long v = view.version();
            long t0 = System.nanoTime();
            // In sync mode a worker's minibatch step is the round's version: resume-safe and deterministic.
            round.slots[w] = s.computer().compute(w, v, v, view.params(), keep, ws);
            c.delay().sleep(w, System.nanoTime() - t0, delayRng);
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

    /** A hogwild worker: lock-free adds into the shared vector, exactly {@code updates} of them in all. */
    static final class HogwildWorker implements Body {
        private final TrainingSession s;
        private final int w;
        private final HogwildVector x;
        private final AtomicLong reserved;
        private final AtomicLong applied;

        HogwildWorker(TrainingSession s, int w, HogwildVector x, AtomicLong reserved, AtomicLong applied) {
            this.s = s;
            this.w = w;
            this.x = x;
            this.reserved = reserved;
            this.applied = applied;
        }

        @Override
        public void run() throws InterruptedException {
            TrainingConfig c = s.config();
            long target = c.updates();
            UniformRandomProvider delayRng = delayStream(c.seed(), w);
            double[] buf = new double[x.length()];
            GradientComputer.Workspace ws = s.computer().workspace();
            long step = 0;
            double lambda = c.policy().compensation();
            double limit = s.server().lossLimit();
            while (!Thread.currentThread().isInterrupted() && !s.server().stopped()) {
                long v = applied.get();
                if (v >= target) {
                    return;
                }
                x.read(buf);
                long t0 = System.nanoTime();
                Gradient g = s.computer().compute(w, step++, v, buf, false, ws);
                c.delay().sleep(w, System.nanoTime() - t0, delayRng);
                long slot = reserved.getAndIncrement();
                if (slot >= target) {
                    return;
                }
                if (!Double.isFinite(g.batchLoss())) {
                    throw new dev.asgd.core.NumericalDivergenceException(slot + 1, "worker " + w, g.batchLoss(),
                            "non-finite minibatch loss");
                }
                if (g.batchLoss() > limit) {
                    throw new dev.asgd.core.NumericalDivergenceException(slot + 1, "worker " + w, g.batchLoss(),
                            "minibatch loss above " + s.server().lossLimitReason());
                }
                long staleness = applied.get() - v;
                double rate = c.policy().rate(c.eta(), c.workers(), staleness) * c.policy().factor(slot);
                double[] gv = g.values();
                for (int i = 0; i < gv.length; i++) {
                    double gi = gv[i];
                    if (lambda != 0) {
                        gi += lambda * gi * gi * (x.get(i) - buf[i]);
                    }
                    double next = x.add(i, -rate * gi);
                    if (!Double.isFinite(next)) {
                        throw new dev.asgd.core.NumericalDivergenceException(v + 1, "worker " + w, next,
                                "non-finite parameter " + i + " after a hogwild update");
                    }
                }
                long version = applied.incrementAndGet();
                s.stalenessLog().record(w, staleness);
                if (version % c.evalEvery() == 0 || version == target) {
                    double[] snap = new double[x.length()];
                    x.read(snap);
                    s.evaluate(version, snap, w, Double.NaN);
                }
                s.progress(version);
            }
        }
    }
}
