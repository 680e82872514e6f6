package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.staleness.StalenessLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ParameterServerTest {
    private static ParameterServer server(int workers, long target, LearningRatePolicy policy, double eta, StalenessLog log) {
        return new ParameterServer(new double[2], 0, target, policy, eta, workers, log, new long[workers]);
    }

    private static Gradient grad(int w, long read, double g0, double g1) {
        return new Gradient(w, 0, read, new double[] {g0, g1}, 0, null);
    }

    @Test
    void recordsStalenessExactlyOnAScriptedSchedule() {
        StalenessLog log = new StalenessLog(3, true);
        ParameterServer s = server(3, 100, new LearningRatePolicy.Constant(), 1, log);
        double[] buf = new double[2];
        // w0, w1, w2 read version 0; w1 applies (tau 0), w0 applies (tau 1), w0 reads 2,
        // w2 applies (tau 2), w0 applies (tau 1), w1 reads 4 and applies (tau 0).
        long r0 = s.read(buf);
        long r1 = s.read(buf);
        long r2 = s.read(buf);
        assertThat(s.apply(grad(1, r1, 1, 0))).isZero();
        assertThat(s.apply(grad(0, r0, 1, 0))).isEqualTo(1);
        long r0b = s.read(buf);
        assertThat(r0b).isEqualTo(2);
        assertThat(s.apply(grad(2, r2, 1, 0))).isEqualTo(2);
        assertThat(s.apply(grad(0, r0b, 1, 0))).isEqualTo(1);
        long r1b = s.read(buf);
        assertThat(s.apply(grad(1, r1b, 1, 0))).isZero();
        assertThat(log.sequence()).containsExactly(0, 1, 2, 1, 0);
        assertThat(log.histogram(0)).containsExactly(0, 2);
        assertThat(log.histogram(1)).containsExactly(2);
        assertThat(log.histogram(2)).containsExactly(0, 0, 1);
        assertThat(s.version()).isEqualTo(5);
        assertThat(s.snapshot()).containsExactly(-5, 0);
        assertThat(s.appliedPerWorker()).containsExactly(2, 2, 1);
    }

    @Test
    void stalenessAwarePolicyDividesByTauPlusOne() {
        ParameterServer s = server(2, 10, new LearningRatePolicy.StalenessAware(), 0.6, new StalenessLog(2, true));
        s.apply(grad(0, 0, 1, 1));
        s.apply(grad(1, 0, 1, 1));
        assertThat(s.snapshot()[0]).isEqualTo(-0.6 - 0.3);
    }

    @Test
    void delayCompensationAddsLambdaGSquaredTimesDrift() {
        ParameterServer s = new ParameterServer(new double[] {1, 2}, 0, 10, new LearningRatePolicy.DelayCompensated(0.5),
                0.1, 1, new StalenessLog(1, true), new long[1]);
        double[] read = {0, 0};
        s.apply(new Gradient(0, 0, 0, new double[] {2, -1}, 0, read));
        // g' = g + 0.5 g^2 (theta - read) = (2 + 0.5*4*1, -1 + 0.5*1*2) = (4, 0)
        assertThat(s.snapshot()).containsExactly(1 - 0.1 * 4, 2);
    }

    @Test
    void scaledPolicyDividesByWorkers() {
        ParameterServer s = server(4, 10, new LearningRatePolicy.Scaled(), 2, new StalenessLog(4, true));
        s.apply(grad(3, 0, 1, 0));
        assertThat(s.snapshot()[0]).isEqualTo(-0.5);
    }

    @Test
    void divergenceKeepsTheLastGoodParametersAndNamesUpdateAndWorker() {
        ParameterServer s = server(2, 10, new LearningRatePolicy.Constant(), 1, new StalenessLog(2, true));
        s.apply(grad(0, 0, 1, 1));
        assertThatThrownBy(() -> s.apply(grad(1, 0, Double.POSITIVE_INFINITY, 0)))
                .isInstanceOf(NumericalDivergenceException.class)
                .hasMessageContaining("step 2").hasMessageContaining("worker 1");
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.snapshot()).containsExactly(-1, -1);
        assertThatThrownBy(() -> s.apply(new Gradient(0, 0, 1, new double[] {0, 0}, Double.NaN, null)))
                .isInstanceOf(NumericalDivergenceException.class).hasMessageContaining("loss");
    }

    @Test
    void discardsAfterTheTarget() {
        ParameterServer s = server(1, 1, new LearningRatePolicy.Constant(), 1, new StalenessLog(1, true));
        assertThat(s.apply(grad(0, 0, 1, 0))).isZero();
        assertThat(s.apply(grad(0, 0, 1, 0))).isEqualTo(-1);
        assertThat(s.discarded()).isEqualTo(1);
        assertThat(s.read(new double[2])).isEqualTo(-1);
        assertThat(s.done()).isTrue();
    }

    /**
     * No lost or doubled update: 4 threads submit 20000 gradients of -1 each (eta 1) against a
     * target of 50000; every applied update adds exactly 1 to each coordinate (integers, exact in
     * floating point), so the parameters must equal the version, and applied + discarded the
     * submissions; the staleness histogram must count every update once.
     */
    @Test
    void noLostOrDoubledUpdateUnderContention() throws InterruptedException {
        int threads = 4;
        int each = 20_000;
        StalenessLog log = new StalenessLog(threads, true);
        ParameterServer s = server(threads, 50_000, new LearningRatePolicy.Constant(), 1, log);
        AtomicLong appliedCount = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int w = t;
            ts.add(new Thread(() -> {
                double[] buf = new double[2];
                for (int i = 0; i < each; i++) {
                    long v = Math.max(0, s.read(buf));
                    if (s.apply(grad(w, v, -1, -1)) >= 0) {
                        appliedCount.incrementAndGet();
                    }
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        assertThat(s.version()).isEqualTo(50_000);
        assertThat(appliedCount.get()).isEqualTo(50_000);
        assertThat(s.discarded()).isEqualTo((long) threads * each - 50_000);
        assertThat(s.snapshot()).containsExactly(50_000, 50_000);
        assertThat(log.count()).isEqualTo(50_000);
        assertThat(log.sequence()).hasSize(50_000);
        long sumApplied = 0;
        for (long a : s.appliedPerWorker()) {
            sumApplied += a;
        }
        assertThat(sumApplied).isEqualTo(50_000);
    }
}
