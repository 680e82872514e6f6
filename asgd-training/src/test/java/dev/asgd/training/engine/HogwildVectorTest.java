package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HogwildVectorTest {
    /**
     * 4 threads add 1, 2, 3, 4 respectively, 50000 times each, into the same 3 coordinates
     * without locks; integer sums are exact in doubles, so any lost or doubled CAS shows.
     */
    @Test
    void concurrentAddsLoseNothing() throws InterruptedException {
        HogwildVector x = new HogwildVector(new double[3]);
        List<Thread> ts = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            double inc = t;
            ts.add(new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    for (int j = 0; j < 3; j++) {
                        x.add(j, inc);
                    }
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        double[] out = new double[3];
        x.read(out);
        assertThat(out).containsExactly(500_000, 500_000, 500_000);
        assertThat(x.get(1)).isEqualTo(500_000);
    }
}
