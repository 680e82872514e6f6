package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problems;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared worker loop driven by computers other than the threads engine's. */
class WorkerLoopTest {
    /**
     * Fails every worker's step 5 (whichever worker gets there: with async threads one worker may do
     * every update before the other is scheduled); counts cancellations; reports failures wrapped.
     */
    private record Failing(LocalGradientComputer local, AtomicInteger cancels) implements GradientComputer {
        @Override
        public Caller caller(String role) {
            Caller c = local.caller(role);
            return (worker, step, readVersion, params, keepRead) -> {
                if (step == 5) {
                    throw new IllegalStateException("boom");
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
     * Sync over the channel is the definition, bit for bit: each round averages the M workers'
     * gradients at the round's version (minibatch step = version) in worker order and applies them
     * as one update, here with delay compensation keeping the read parameters. Seed 5.
     */
    @Test
    void syncRoundsAreTheAverageOfTheWorkersGradientsInWorkerOrder() throws InterruptedException {
        TrainingConfig c = Fixtures.config(Fixtures.LS, "least-squares", "sync", 3, "dc-asgd:0.5", 0.05, 300, 5);
        RunResult threads = Fixtures.run(c, TrainingSession.Options.none());
        TrainingSession s = session(c);
        ParameterServer server = s.server();
        LocalGradientComputer local = s.computer();
        for (long v = 0; v < 300; v++) {
            double[] params = server.snapshot();
            WorkerLoop.SyncRound round = new WorkerLoop.SyncRound(server, 3);
            for (int w = 0; w < 3; w++) {
                round.slots[w] = local.compute(w, v, v, params, true);
            }
            round.run();
        }
        RunResult direct = s.finish("direct", server.snapshot(), server.version());
        assertThat(threads.updates()).isEqualTo(300);
        assertThat(threads.params()).containsExactly(direct.params());
        assertThat(threads.series()).hasSameSizeAs(direct.series());
        for (int i = 0; i < threads.series().size(); i++) {
            assertThat(threads.series().get(i).trainLoss()).isEqualTo(direct.series().get(i).trainLoss());
        }
        assertThat(threads.total()).containsExactly(300);
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
        RuntimeException e = new RuntimeException("x");
        assertThat(local.cause(e)).isSameAs(e);
        local.cancel();
    }
}
