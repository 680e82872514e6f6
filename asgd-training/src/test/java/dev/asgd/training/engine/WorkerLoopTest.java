package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problems;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared worker loop driven by computers other than the threads engine's. */
class WorkerLoopTest {
    /** Computes each sync round in one call on one thread (as a cluster job over every shard would). */
    private record WholeRounds(LocalGradientComputer local) implements GradientComputer {
        @Override
        public Caller caller(String role) {
            return new Caller() {
                @Override
                public Gradient compute(int worker, long step, long readVersion, double[] params, boolean keepRead) {
                    return local.compute(worker, step, readVersion, params, keepRead);
                }

                @Override
                public void computeRound(long version, double[] params, boolean keepRead, Gradient[] out) {
                    for (int w = 0; w < out.length; w++) {
                        out[w] = local.compute(w, version, version, params, keepRead);
                    }
                }
            };
        }

        @Override
        public boolean computesWholeRounds() {
            return true;
        }
    }

    /**
     * Fails worker 1's step 5; counts cancellations; reports failures wrapped. Worker 0 waits at its
     * step 5 until worker 1 has failed (at most 10 s), so that it cannot finish the run alone first.
     */
    private record Failing(LocalGradientComputer local, AtomicInteger cancels, CountDownLatch failed)
            implements GradientComputer {
        Failing(LocalGradientComputer local, AtomicInteger cancels) {
            this(local, cancels, new CountDownLatch(1));
        }

        @Override
        public Caller caller(String role) {
            Caller c = local.caller(role);
            return (worker, step, readVersion, params, keepRead) -> {
                if (worker == 1 && step == 5) {
                    failed.countDown();
                    throw new IllegalStateException("boom");
                }
                if (worker == 0 && step == 5) {
                    try {
                        failed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return c.compute(worker, step, readVersion, params, keepRead);
            };
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }

        @Override
        public Throwable cause(Throwable failure) {
            return new IllegalStateException("cause: " + failure.getMessage(), failure);
        }
    }

    private static TrainingSession session(TrainingConfig c) {
        TrainTest d = Fixtures.data(c);
        return TrainingSession.start(c, Problems.of(c.problem(), d.train(), c.l2()), d, TrainingSession.Options.none());
    }

    /**
     * Sync is deterministic: one thread computing whole rounds gives the threads engine's run (a
     * barrier of M worker threads) bit for bit, with delay compensation keeping the read parameters.
     */
    @Test
    void syncInWholeRoundsEqualsSyncAtABarrier() throws InterruptedException {
        TrainingConfig c = Fixtures.config(Fixtures.LS, "least-squares", "sync", 3, "dc-asgd:0.5", 0.05, 300, 5);
        RunResult barrier = Fixtures.run(c, TrainingSession.Options.none());
        TrainingSession s = session(c);
        WorkerLoop.run(s, new WholeRounds(s.computer()));
        RunResult whole = s.finish("whole-rounds", s.server().snapshot(), s.server().version());
        assertThat(whole.updates()).isEqualTo(300);
        assertThat(whole.params()).containsExactly(barrier.params());
        assertThat(whole.series()).hasSameSizeAs(barrier.series());
        for (int i = 0; i < whole.series().size(); i++) {
            assertThat(whole.series().get(i).trainLoss()).isEqualTo(barrier.series().get(i).trainLoss());
        }
        assertThat(whole.total()).containsExactly(300);
    }

    /** A worker's failure stops the run, cancels the computer's work and is reported as the computer's cause. */
    @Test
    void aWorkersFailureCancelsTheComputerAndIsReportedAsItsCause() {
        for (String mode : new String[] {"async", "sync"}) {
            TrainingConfig c = Fixtures.config(Fixtures.LS, "least-squares", mode, 2, "constant", 0.05, 1000, 3);
            TrainingSession s = session(c);
            AtomicInteger cancels = new AtomicInteger();
            assertThatThrownBy(() -> WorkerLoop.run(s, new Failing(s.computer(), cancels)))
                    .as(mode).isInstanceOf(IllegalStateException.class).hasMessage("cause: boom");
            assertThat(cancels.get()).as(mode).isPositive();
            assertThat(s.server().stopped()).as(mode).isTrue();
        }
    }

    @Test
    void hogwildIsTheThreadsEnginesOwn() {
        TrainingSession s = session(Fixtures.config(Fixtures.LS, "least-squares", "hogwild", 2, "constant", 0.05, 10, 1));
        assertThatThrownBy(() -> WorkerLoop.run(s, s.computer())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hogwild");
    }

    /** This JVM's computer: one gradient per call, into the caller's own workspace; nothing to cancel. */
    @Test
    void theLocalComputerComputesOneWorkersGradientPerCall() {
        TrainingSession s = session(Fixtures.config(Fixtures.LS, "least-squares", "sync", 2, "constant", 0.05, 10, 1));
        LocalGradientComputer local = s.computer();
        GradientComputer.Caller a = local.caller("worker-0");
        double[] params = new double[local.problem().dimension()];
        Gradient g = a.compute(1, 4, 0, params, true);
        Gradient fresh = local.compute(1, 4, 0, params, true);
        assertThat(g.values()).containsExactly(fresh.values());
        assertThat(g.batchLoss()).isEqualTo(fresh.batchLoss());
        assertThat(g.readParameters()).isSameAs(params);
        assertThat(a.compute(0, 0, 0, params, false).values()).as("the caller's workspace").isSameAs(g.values());
        assertThat(local.computesWholeRounds()).isFalse();
        assertThatThrownBy(() -> a.computeRound(0, params, false, new Gradient[2]))
                .isInstanceOf(UnsupportedOperationException.class);
        RuntimeException e = new RuntimeException("x");
        assertThat(local.cause(e)).isSameAs(e);
        local.cancel();
    }
}
