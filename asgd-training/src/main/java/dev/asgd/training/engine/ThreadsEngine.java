package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.SparseDataset;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SparseSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs the M workers as threads of this JVM ({@code --engine threads}), each computing its own
 * gradients ({@link LocalGradientComputer}). Async, ssp and sync workers are the shared
 * {@link WorkerLoop}; hogwild workers, this engine's own, add into a {@link HogwildVector} without
 * locks.
 *
 * <p>On sparse data ({@link SparseDataset}) with a problem that has a
 * {@linkplain Problem#hasSupportGradient() support gradient} (logistic or least squares without
 * an L2 penalty) a hogwild worker is Niu et al.'s (2011): it reads only the coordinates of its
 * minibatch's support and the intercept, computes the gradient there and adds only there, so an
 * update costs O(stored entries of the batch), not O(d). Its arithmetic is the dense worker's on
 * the same rows (the gradient is exactly 0 off the support, and adding -0.0 changes no value): with
 * one worker both give the same bits. The adds are atomic ({@code hogwild}) or plain
 * ({@code hogwild:racy}, and any hogwild run of one worker, which has nobody to race: the same
 * bits); see {@link Mode} and {@link HogwildVector}. With an L2 penalty every weight moves at every update, so the
 * dense worker runs. Metric points are computed from a full read of the vector on the background
 * evaluator thread.
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
        return runHogwild(session, sparseHogwild(session));
    }

    /**
     * @param session the run (hogwild)
     * @param sparse whether the workers touch only their minibatch's support ({@link #sparseHogwild})
     * @return the result
     * @throws InterruptedException when interrupted
     */
    RunResult runHogwild(TrainingSession session, boolean sparse) throws InterruptedException {
        TrainingConfig c = session.config();
        HogwildVector shared = new HogwildVector(session.server().snapshot());
        Counters counters = new Counters(session.server().version());
        List<WorkerLoop.Body> bodies = new ArrayList<>();
        for (int w = 0; w < c.workers(); w++) {
            bodies.add(sparse ? new SparseHogwildWorker(session, w, shared, counters)
                    : new HogwildWorker(session, w, shared, counters));
        }
        session.evaluateInBackground();
        WorkerLoop.runThreads(session, session.computer(), bodies, null);
        double[] p = new double[shared.length()];
        shared.read(p);
        return session.finish(name(), p, counters.applied());
    }

    /**
     * The hogwild workers' two shared counters, updates reserved (exactly {@code updates} of them in
     * all) and updates applied (the version: staleness is the change of it between a worker's read
     * and its apply), on separate cache lines so that a reservation does not invalidate the other
     * worker's copy of the version.
     */
    static final class Counters {
        private static final int RESERVED = 8;
        private static final int APPLIED = 16;
        private final AtomicLongArray a = new AtomicLongArray(APPLIED + 8);

        /** @param version the starting version */
        Counters(long version) {
            a.set(RESERVED, version);
            a.set(APPLIED, version);
        }

        /** @return the reservation's slot: the number of updates reserved before it */
        long reserve() {
            return a.getAndIncrement(RESERVED);
        }

        /** @return the updates applied so far */
        long applied() {
            return a.get(APPLIED);
        }

        /** @return the version after one more update applied */
        long applyDone() {
            return a.incrementAndGet(APPLIED);
        }
    }

    /**
     * @param session the run
     * @return whether its hogwild workers touch only their minibatch's support (sparse rows, a
     *     problem with a support gradient)
     */
    static boolean sparseHogwild(TrainingSession session) {
        return session.data().train() instanceof SparseDataset && session.problem().hasSupportGradient();
    }

    /**
     * What the two hogwild workers share: the run, the worker, the shared vector and counters, the
     * checks of a minibatch loss before it is applied and the bookkeeping after.
     */
    abstract static class HogwildBody implements WorkerLoop.Body {
        final TrainingSession s;
        final int w;
        final HogwildVector x;
        final Counters counters;
        /** Whether other workers write the vector too (more than one worker). */
        final boolean shared;
        /** Whether the adds are atomic: {@code hogwild} with more than one worker (see {@link Mode}). */
        final boolean atomic;

        HogwildBody(TrainingSession s, int w, HogwildVector x, Counters counters) {
            this.s = s;
            this.w = w;
            this.x = x;
            this.counters = counters;
            this.shared = s.config().workers() > 1;
            this.atomic = shared && !s.config().mode().racy();
        }

        /** Refuses a non-finite minibatch loss or one above the server's limit, naming update {@code slot + 1}. */
        final void checkLoss(long slot, double loss, double limit) {
            if (!Double.isFinite(loss)) {
                throw new NumericalDivergenceException(slot + 1, "worker " + w, loss, "non-finite minibatch loss");
            }
            if (loss > limit) {
                throw new NumericalDivergenceException(slot + 1, "worker " + w, loss,
                        "minibatch loss above " + s.server().lossLimitReason());
            }
        }

        /** Counts the applied update, logs its staleness, evaluates on schedule and reports progress. */
        final void applied(long staleness, long target) {
            long version = counters.applyDone();
            s.updateDone(version);
            s.stalenessLog().record(w, staleness);
            if (version % s.config().evalEvery() == 0 || version == target) {
                evaluate(s, x, version, w);
            }
            s.progress(version);
        }
    }

    /** A hogwild worker: lock-free adds into the shared vector, exactly {@code updates} of them in all. */
    static final class HogwildWorker extends HogwildBody {
        HogwildWorker(TrainingSession s, int w, HogwildVector x, Counters counters) {
            super(s, w, x, counters);
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
                long v = counters.applied();
                if (v >= target) {
                    return;
                }
                x.read(buf);
                long t0 = System.nanoTime();
                Gradient g = s.computer().compute(w, step++, v, buf, false, ws);
                c.delay().sleep(w, System.nanoTime() - t0, delayRng);
                long slot = counters.reserve();
                if (slot >= target) {
                    return;
                }
                checkLoss(slot, g.batchLoss(), limit);
                long staleness = counters.applied() - v;
                double rate = c.policy().rate(c.eta(), c.workers(), staleness) * c.policy().factor(slot);
                double[] gv = g.values();
                for (int i = 0; i < gv.length; i++) {
                    double gi = gv[i];
                    if (lambda != 0) {
                        gi += lambda * gi * gi * (x.get(i) - buf[i]);
                    }
                    double next = atomic ? x.add(i, -rate * gi) : x.addPlain(i, -rate * gi);
                    if (!Double.isFinite(next)) {
                        throw new NumericalDivergenceException(v + 1, "worker " + w, next,
                                "non-finite parameter " + i + " after a hogwild update");
                    }
                }
                applied(staleness, target);
            }
        }
    }

    /** A metric point from a full (not atomic) read of the shared vector, on the evaluator thread. */
    static void evaluate(TrainingSession s, HogwildVector x, long version, int w) {
        double[] snap = new double[x.length()];
        x.read(snap);
        s.evaluateSoon(version, snap, w, Double.NaN);
    }

    /**
     * A hogwild worker on sparse rows (Niu et al. 2011): reads the weights of its minibatch's support
     * and the intercept, computes the {@linkplain Problem#supportGradient support gradient} and adds
     * into those coordinates only; exactly {@code updates} updates in all, as the dense worker. The
     * minibatch of (worker, step) is the dense worker's ({@link MinibatchSampler}).
     */
    static final class SparseHogwildWorker extends HogwildBody {
        SparseHogwildWorker(TrainingSession s, int w, HogwildVector x, Counters counters) {
            super(s, w, x, counters);
        }

        @Override
        public void run() throws InterruptedException {
            TrainingConfig c = s.config();
            long target = c.updates();
            UniformRandomProvider delayRng = WorkerLoop.delayStream(c.seed(), w);
            SparseDataset data = (SparseDataset) s.data().train();
            Problem problem = s.problem();
            int bias = data.features();
            int n = data.size();
            SparseSupport support = new SparseSupport(data.features());
            int[] batch = new int[c.batchSize()];
            double[] read = new double[64];
            double[] grad = new double[64];
            long step = 0;
            double lambda = c.policy().compensation();
            double limit = s.server().lossLimit();
            while (!Thread.currentThread().isInterrupted() && !s.server().stopped()) {
                long v = counters.applied();
                if (v >= target) {
                    return;
                }
                MinibatchSampler.sample(c.seed(), w, step++, n, batch);
                int m = support.collect(data, batch);
                if (read.length < m + 1) {
                    read = new double[2 * (m + 1)];
                    grad = new double[read.length];
                }
                for (int i = 0; i < m; i++) {
                    read[i] = x.get(support.coordinate(i));
                }
                read[m] = x.get(bias);
                long t0 = System.nanoTime();
                double loss = problem.supportGradient(read, data, batch, support, grad);
                c.delay().sleep(w, System.nanoTime() - t0, delayRng);
                long slot = counters.reserve();
                if (slot >= target) {
                    return;
                }
                checkLoss(slot, loss, limit);
                long staleness = counters.applied() - v;
                double rate = c.policy().rate(c.eta(), c.workers(), staleness) * c.policy().factor(slot);
                for (int i = 0; i <= m; i++) {
                    int j = i < m ? support.coordinate(i) : bias;
                    // hogwild:racy still adds the intercept atomically: every update of every worker writes it
                    double gi = grad[i];
                    if (lambda != 0) {
                        gi += lambda * gi * gi * (x.get(j) - read[i]);
                    }
                    double next = atomic || shared && i == m ? x.add(j, read[i], -rate * gi)
                            : x.addPlain(j, -rate * gi);
                    if (!Double.isFinite(next)) {
                        throw new NumericalDivergenceException(v + 1, "worker " + w, next,
                                "non-finite parameter " + j + " after a hogwild update");
                    }
                }
                applied(staleness, target);
            }
        }
    }
}
