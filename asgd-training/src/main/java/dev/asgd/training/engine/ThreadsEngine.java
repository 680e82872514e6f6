package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs the M workers as threads of this JVM ({@code --engine threads}), each computing its own
 * gradients ({@link LocalGradientComputer}). Async, ssp and sync workers are the shared
 * {@link WorkerLoop}; hogwild workers, this engine's own, add into a {@link HogwildVector} without
 * locks.
 */
public final class ThreadsEngine implements Engine {
    @Override
    public String name() {
        return "threads";
    }

    @Override
    public RunResult run(TrainingSession session) throws InterruptedException {
        TrainingConfig c = session.config();
        if (c.mode().kind() != Mode.Kind.HOGWILD) {
            WorkerLoop.run(session, session.computer());
            return session.finish(name(), session.server().snapshot(), session.server().version());
        }
        HogwildVector shared = new HogwildVector(session.server().snapshot());
        AtomicLong hogwildApplied = new AtomicLong(session.server().version());
        AtomicLong reserved = new AtomicLong(session.server().version());
        List<WorkerLoop.Body> bodies = new ArrayList<>();
        for (int w = 0; w < c.workers(); w++) {
            bodies.add(new HogwildWorker(session, w, shared, reserved, hogwildApplied));
        }
        WorkerLoop.runThreads(session, session.computer(), bodies, null);
        double[] p = new double[shared.length()];
        shared.read(p);
        return session.finish(name(), p, hogwildApplied.get());
    }

    /** A hogwild worker: lock-free adds into the shared vector, exactly {@code updates} of them in all. */
    static final class HogwildWorker implements WorkerLoop.Body {
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
            UniformRandomProvider delayRng = WorkerLoop.delayStream(c.seed(), w);
            double[] buf = new double[x.length()];
            LocalGradientComputer.Workspace ws = s.computer().workspace();
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
                    throw new NumericalDivergenceException(slot + 1, "worker " + w, g.batchLoss(),
                            "non-finite minibatch loss");
                }
                if (g.batchLoss() > limit) {
                    throw new NumericalDivergenceException(slot + 1, "worker " + w, g.batchLoss(),
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
                        throw new NumericalDivergenceException(v + 1, "worker " + w, next,
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
