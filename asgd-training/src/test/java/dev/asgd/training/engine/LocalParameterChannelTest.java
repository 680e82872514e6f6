package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.staleness.StalenessLog;
import org.junit.jupiter.api.Test;

/** Exactly once through the channel: update ids (worker, step), duplicates acknowledged and ignored, sync rounds. */
class LocalParameterChannelTest {
    private static ParameterServer server(int workers, long target, long[] applied) {
        return new ParameterServer(new double[2], 0, target, new LearningRatePolicy.Constant(), 0.5, workers,
                new StalenessLog(workers, true), applied);
    }

    private static Gradient g(int worker, long step, long read, double... v) {
        return new Gradient(worker, step, read, v, 0.1, null);
    }

    @Test
    void anAsyncStepIsAppliedOnceAndARepeatIsADuplicate() throws InterruptedException {
        ParameterServer s = server(2, 3, new long[] {0, 4});
        LocalParameterChannel ch = new LocalParameterChannel(s, Mode.parse("async"), 2);
        assertThat(ch.nextStep(1)).as("resumed worker").isEqualTo(4);
        assertThat(ch.push(g(0, 0, 0, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.push(g(0, 0, 0, 1, 1))).isEqualTo(ParameterChannel.Push.DUPLICATE);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.snapshot()).containsExactly(-0.5, -0.5);
        assertThat(ch.nextStep(0)).isEqualTo(1);
        assertThatThrownBy(() -> ch.push(g(0, 5, 0, 1, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before step 1");
        assertThat(ch.push(g(1, 4, 0, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.read(0).version()).isEqualTo(2);
        assertThat(ch.push(g(0, 1, 1, 0, 0))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.read(0)).as("target reached").isNull();
        assertThat(ch.push(g(0, 2, 3, 0, 0))).isEqualTo(ParameterChannel.Push.STOP);
        assertThat(s.appliedPerWorker()).containsExactly(2, 5);
        ch.leave(0);
    }

    @Test
    void aSyncRoundIsAppliedWhenEveryWorkerPushedItOnce() throws InterruptedException {
        ParameterServer s = server(2, 2, new long[2]);
        LocalParameterChannel ch = new LocalParameterChannel(s, Mode.parse("sync"), 2);
        assertThat(ch.push(g(0, 0, 0, 1, 3))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.push(g(0, 0, 0, 1, 3))).as("pushed twice into the round").isEqualTo(ParameterChannel.Push.DUPLICATE);
        assertThat(s.version()).isZero();
        assertThat(ch.push(g(1, 0, 0, 3, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.snapshot()).containsExactly(-1.0, -1.0);
        assertThat(ch.read(0).version()).as("the round is over: no wait").isEqualTo(1);
        assertThat(ch.push(g(1, 0, 0, 3, 1))).as("an old round").isEqualTo(ParameterChannel.Push.DUPLICATE);
        s.stop();
        assertThat(ch.push(g(1, 1, 1, 3, 1))).isEqualTo(ParameterChannel.Push.STOP);
        assertThat(ch.read(1)).isNull();
    }

    @Test
    void sspReadsWaitForTheClocksAndHogwildHasNoChannel() throws InterruptedException {
        ParameterServer s = server(2, 10, new long[2]);
        LocalParameterChannel ch = new LocalParameterChannel(s, Mode.parse("ssp:1"), 2);
        assertThat(ch.push(g(0, 0, 0, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.read(0)).isNotNull();
        assertThat(ch.server()).isSameAs(s);
        assertThatThrownBy(() -> new LocalParameterChannel(s, Mode.parse("hogwild"), 2))
                .isInstanceOf(InvalidParameterException.class);
    }
}
