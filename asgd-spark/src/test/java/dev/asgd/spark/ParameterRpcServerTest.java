package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.LocalParameterChannel;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ParameterChannel;
import dev.asgd.training.engine.ParameterServer;
import dev.asgd.training.staleness.StalenessLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The driver's RPC server and the executors' channel on 127.0.0.1, without Spark: auth, exactly once, modes. */
class ParameterRpcServerTest {
    private static ParameterServer server(int workers, long target) {
        return new ParameterServer(new double[] {1, 2, 3}, 0, target, new LearningRatePolicy.Constant(), 0.5, workers,
                new StalenessLog(workers, true), new long[workers]);
    }

    private static Gradient g(int worker, long step, long read) {
        return new Gradient(worker, step, read, new double[] {1, 1, 1}, 0.25, null);
    }

    @Test
    void aWorkerWithTheKeyPullsAndPushesAndARepeatedStepIsADuplicate() throws Exception {
        ParameterServer ps = server(2, 4);
        ChannelAddress a = ChannelAddress.random("127.0.0.1", 0, false);
        byte[] key = a.key(null);
        try (ParameterRpcServer rpc = new ParameterRpcServer(new LocalParameterChannel(ps, Mode.parse("async"), 2),
                false, false, "127.0.0.1", key)) {
            ChannelAddress at = new ChannelAddress("127.0.0.1", rpc.port(), a.token(), false);
            try (RemoteParameterChannel c0 = RemoteParameterChannel.connect(at, at.executorKey(), 0, 0, -1, 5000)) {
                assertThat(c0.nextStep(0)).isZero();
                assertThat(c0.read(0).version()).isZero();
                assertThat(c0.read(0).params()).containsExactly(1, 2, 3);
                assertThat(c0.push(g(0, 0, 0))).isEqualTo(ParameterChannel.Push.APPLIED);
                assertThat(c0.read(0).version()).isEqualTo(1);
                assertThat(c0.read(0).params()).containsExactly(0.5, 1.5, 2.5);
                // a second attempt of worker 0 (a retry) pushes step 0 again: acknowledged, ignored
                try (RemoteParameterChannel c1 = RemoteParameterChannel.connect(at, at.executorKey(), 0, 1, -1, 5000)) {
                    assertThat(c1.nextStep(0)).isEqualTo(1);
                    assertThat(c1.push(g(0, 0, 1))).isEqualTo(ParameterChannel.Push.DUPLICATE);
                    assertThat(c1.duplicates()).isEqualTo(1);
                    assertThat(c1.push(g(0, 1, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
                    assertThat(c1.pushes()).isEqualTo(2);
                }
                assertThat(ps.version()).isEqualTo(2);
                assertThat(ps.appliedPerWorker()).containsExactly(2, 0);
                // the version moved under c0: its next read carries the new parameters
                assertThat(c0.push(g(0, 2, 1))).isEqualTo(ParameterChannel.Push.APPLIED);
                assertThat(c0.read(0).version()).isEqualTo(3);
                assertThat(c0.push(g(0, 3, 3))).isEqualTo(ParameterChannel.Push.APPLIED);
                assertThat(c0.read(0)).as("target reached").isNull();
            }
            assertThat(rpc.duplicates()).isEqualTo(1);
            assertThat(rpc.pushes()).isEqualTo(5);
            assertThat(rpc.lastPush()).isEqualTo("worker 0 step 3");
            assertThat(rpc.failure()).isNull();
            assertThat(ps.snapshot()).containsExactly(-1, 0, 1);
        }
    }

    @Test
    void aWrongKeyOrAnUnknownWorkerIsRefused() throws Exception {
        ParameterServer ps = server(2, 4);
        ChannelAddress a = ChannelAddress.random("127.0.0.1", 0, true);
        byte[] key = a.key("the-cluster-secret");
        assertThat(key).isNotEqualTo(a.token()).isNotEqualTo(a.key("another-secret"));
        assertThatThrownBy(() -> a.key(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spark.authenticate.secret");
        try (ParameterRpcServer rpc = new ParameterRpcServer(new LocalParameterChannel(ps, Mode.parse("async"), 2),
                false, false, "127.0.0.1", key)) {
            ChannelAddress at = new ChannelAddress("127.0.0.1", rpc.port(), a.token(), true);
            assertThatThrownBy(() -> RemoteParameterChannel.connect(at, at.key("a-wrong-secret"), 0, 0, -1, 5000))
                    .isInstanceOf(IOException.class).hasMessageContaining("refused worker 0: wrong key");
            assertThatThrownBy(() -> RemoteParameterChannel.connect(at, a.token(), 1, 0, -1, 5000))
                    .as("the token alone").isInstanceOf(IOException.class);
            assertThatThrownBy(() -> RemoteParameterChannel.connect(at, key, 7, 0, -1, 5000))
                    .as("no worker 7").isInstanceOf(IOException.class);
            try (RemoteParameterChannel ok = RemoteParameterChannel.connect(at, at.key("the-cluster-secret"), 1, 0, -1,
                    5000)) {
                assertThat(ok.read(1).version()).isZero();
            }
            assertThat(rpc.refused()).isEqualTo(3);
            assertThat(ps.version()).isZero();
        }
    }

    @Test
    void anInjectedFailureComesAfterTheGradientIsSentAndTheServerStillAppliesIt() throws Exception {
        ParameterServer ps = server(1, 10);
        ChannelAddress a = ChannelAddress.random("127.0.0.1", 0, false);
        try (ParameterRpcServer rpc = new ParameterRpcServer(new LocalParameterChannel(ps, Mode.parse("async"), 1),
                false, false, "127.0.0.1", a.key(null))) {
            ChannelAddress at = new ChannelAddress("127.0.0.1", rpc.port(), a.token(), false);
            try (RemoteParameterChannel c = RemoteParameterChannel.connect(at, at.executorKey(), 0, 0, 2, 5000)) {
                assertThat(c.push(g(0, 0, 0))).isEqualTo(ParameterChannel.Push.APPLIED);
                assertThatThrownBy(() -> c.push(g(0, 1, 1))).isInstanceOf(InjectedTaskFailure.class)
                        .hasMessage("injected failure of partition 0 step 1 attempt 0");
            }
            long end = System.nanoTime() + 10_000_000_000L;
            while (ps.version() < 2 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(ps.version()).as("the unanswered push applied").isEqualTo(2);
            try (RemoteParameterChannel retry = RemoteParameterChannel.connect(at, at.executorKey(), 0, 1, -1, 5000)) {
                assertThat(retry.nextStep(0)).isEqualTo(2);
            }
            try (RemoteParameterChannel open = RemoteParameterChannel.connect(at, at.executorKey(), 0, 2, -1, 5000)) {
                rpc.cancelAll();
                assertThatThrownBy(() -> open.push(g(0, 2, 2))).as("a cancelled run closes its connections")
                        .isInstanceOf(UncheckedIOException.class);
            }
        }
    }

    @Test
    void aDivergenceIsKeptForTheRunAndStopsEveryWorker() throws Exception {
        ParameterServer ps = server(1, 10);
        ps.setLossLimit(0.1, "a test bound");
        ChannelAddress a = ChannelAddress.random("127.0.0.1", 0, false);
        try (ParameterRpcServer rpc = new ParameterRpcServer(new LocalParameterChannel(ps, Mode.parse("async"), 1),
                true, false, "127.0.0.1", a.key(null))) {
            ChannelAddress at = new ChannelAddress("127.0.0.1", rpc.port(), a.token(), false);
            try (RemoteParameterChannel c = RemoteParameterChannel.connect(at, at.executorKey(), 0, 0, -1, 5000)) {
                assertThat(c.push(g(0, 0, 0))).isEqualTo(ParameterChannel.Push.STOP);
                assertThatThrownBy(() -> c.push(g(0, 1, 0))).isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("lost the parameter server");
            }
            assertThat(rpc.failure()).isInstanceOf(dev.asgd.core.NumericalDivergenceException.class)
                    .hasMessageContaining("a test bound");
            assertThat(ps.stopped()).isTrue();
        }
    }

    @Test
    void injectedFailuresHitAttemptsButTheLastWithTheirProbability() {
        int failed = 0;
        for (int w = 0; w < 2000; w++) {
            long k = InjectedTaskFailure.failAfter(11, w, 0, 0.3, 4, 50);
            if (k > 0) {
                failed++;
                assertThat(k).isBetween(1L, 50L);
            }
            assertThat(InjectedTaskFailure.failAfter(11, w, 3, 0.3, 4, 50)).as("the last attempt").isEqualTo(-1);
            assertThat(InjectedTaskFailure.failAfter(11, w, 0, 0, 4, 50)).isEqualTo(-1);
        }
        // 2000 attempts at p = 0.3: sd 20.5; 5 sd either side (seed 11 fixes the hash: deterministic)
        assertThat((double) failed).isBetween(600 - 5 * 20.5, 600 + 5 * 20.5);
        assertThat(InjectedTaskFailure.failAfter(21, 0, 0, 0.3, 4, 75)).as("the engine test's seed").isEqualTo(38);
        assertThat(InjectedTaskFailure.failAfter(21, 1, 0, 0.3, 4, 75)).isEqualTo(14);
    }
}
