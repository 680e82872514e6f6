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

    /**
     * Over a pulling channel a worker's read after its push is the version that push created, held for it while the
     * other worker's updates recycle the arrays of replaced versions; over a plain channel it is the newest version.
     */
    @Test
    void aPullingWorkerReadsTheVersionItsPushCreated() throws InterruptedException {
        ParameterServer s = server(2, 40, new long[2]);
        s.recycleVersions();
        LocalParameterChannel ch = LocalParameterChannel.pullingCreatedVersions(s, Mode.parse("async"), 2);
        assertThat(ch.read(0).version()).as("before any push: the newest").isZero();
        assertThat(ch.push(g(0, 0, 0, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        for (int k = 0; k < 30; k++) {
            assertThat(ch.read(1)).isNotNull();
            assertThat(ch.push(g(1, k, s.version(), 0.25, -0.25))).isEqualTo(ParameterChannel.Push.APPLIED);
        }
        ParameterServer.View created = ch.read(0);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.params()).as("held: not recycled by 30 updates").containsExactly(-0.5, -0.5);
        assertThat(ch.push(g(0, 1, 1, 0, 0))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(s.version()).isEqualTo(32);
        assertThat(s.appliedPerWorker()).containsExactly(2, 30);
        assertThat(ch.read(0).version()).isEqualTo(32);
        ch.read(1);
        assertThat(ch.read(1).version()).as("without a push of its own: the newest").isEqualTo(32);

        ParameterServer plain = server(2, 40, new long[2]);
        LocalParameterChannel newest = new LocalParameterChannel(plain, Mode.parse("async"), 2);
        newest.push(g(0, 0, 0, 1, 1));
        newest.push(g(1, 0, 0, 1, 1));
        assertThat(newest.read(0).version()).isEqualTo(2);
    }

    /** A pulling worker whose push reached the target reads null; ssp and sync reads are not pulled. */
    @Test
    void aPullingReadAtTheTargetEndsTheWorker() throws InterruptedException {
        ParameterServer s = server(1, 2, new long[1]);
        s.recycleVersions();
        LocalParameterChannel ch = LocalParameterChannel.pullingCreatedVersions(s, Mode.parse("async"), 1);
        assertThat(ch.push(g(0, 0, 0, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.read(0).version()).isEqualTo(1);
        assertThat(ch.push(g(0, 1, 1, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
        assertThat(ch.read(0)).isNull();
        assertThat(ch.push(g(0, 2, 2, 1, 1))).isEqualTo(ParameterChannel.Push.STOP);

        ParameterServer ssp = server(2, 10, new long[2]);
        LocalParameterChannel sspChannel = LocalParameterChannel.pullingCreatedVersions(ssp, Mode.parse("ssp:3"), 2);
        sspChannel.push(g(0, 0, 0, 1, 1));
        sspChannel.push(g(1, 0, 0, 1, 1));
        assertThat(sspChannel.read(0).version()).as("ssp reads the newest").isEqualTo(2);
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
