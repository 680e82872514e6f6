package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RehearsalTest {
    /**
     * The rehearsal is a real threads-engine run through the same path as a user's (worker loop,
     * channel, server with recycled versions, session): all its updates, a falling loss; stopped
     * (what {@link Rehearsal#end()} does when the real run starts) it ends at once, short of them.
     */
    @Test
    void rehearsesARealRunAndStopsWhenTold() throws InterruptedException {
        RunResult full = new ThreadsEngine().run(Rehearsal.session());
        assertThat(full.updates()).isEqualTo(Rehearsal.UPDATES);
        // the real runs' shapes: two workers, batch 32, ten classes, byte-coded rows, the second half averaged
        assertThat(full.config().workers()).isEqualTo(2);
        assertThat(full.config().batchSize()).isEqualTo(32);
        assertThat(full.params()).hasSize(Rehearsal.CLASSES * (Rehearsal.FEATURES + 1));
        assertThat(full.averagedIterates()).isEqualTo(Rehearsal.UPDATES / 2);
        assertThat(full.averaged().trainLoss()).isLessThan(full.series().get(0).trainLoss());
        assertThat(full.series().get(full.series().size() - 1).trainLoss()).isLessThan(full.series().get(0).trainLoss());

        TrainingSession stopped = Rehearsal.session();
        stopped.server().stop();
        RunResult none = new ThreadsEngine().run(stopped);
        assertThat(none.updates()).isZero();
    }

    /**
     * The real run's wait ({@link Rehearsal#awaitThenEnd}) lasts until the rehearsal is over: all its
     * updates done. Had it returned early, its {@link Rehearsal#end()} would have stopped the
     * rehearsal short of them.
     */
    @Test
    void theRealRunWaitsUntilTheRehearsalIsOver() throws InterruptedException {
        Rehearsal.start();
        Rehearsal.awaitThenEnd(120_000);
        assertThat(Rehearsal.isOver()).isTrue();
        assertThat(Rehearsal.rehearsed()).isEqualTo(Rehearsal.RUNS * Rehearsal.UPDATES);
    }
}
