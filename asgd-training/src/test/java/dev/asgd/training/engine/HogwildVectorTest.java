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

    /** From a value read earlier: one CAS when it is still current, else the loop from the current value. */
    @Test
    void addFromAnExpectedValue() {
        HogwildVector x = new HogwildVector(new double[] {1, 2});
        assertThat(x.add(0, 1, 0.5)).isEqualTo(1.5);
        assertThat(x.add(0, 1, 0.5)).as("stale expectation").isEqualTo(2.0);
        assertThat(x.add(1, -0.0, 1)).as("bits differ from 2").isEqualTo(3.0);
        double[] out = new double[2];
        x.read(out);
        assertThat(out).containsExactly(2, 3);
    }

    /** Two threads adding from stale expectations into one coordinate lose nothing either. */
    @Test
    void concurrentAddsFromExpectationsLoseNothing() throws InterruptedException {
        HogwildVector x = new HogwildVector(new double[1]);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            ts.add(new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    x.add(0, x.get(0), 1);
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        assertThat(x.get(0)).isEqualTo(200_000);
    }

    /** A plain add is exact for a single writer, in every coordinate. */
    @Test
    void plainAddsOfOneWriterAreExact() {
        HogwildVector x = new HogwildVector(new double[] {0.5, 0, 0});
        for (int i = 0; i < 100_000; i++) {
            x.addPlain(i % 3, 1);
        }
        assertThat(x.addPlain(1, -0.0)).isEqualTo(33_333);
        double[] out = new double[3];
        x.read(out);
        assertThat(out).containsExactly(33_334.5, 33_333, 33_333);
    }

    /**
     * Plain adds of two writers into one coordinate may lose additions (hogwild:racy), never make
     * any up: every write is a value some writer read plus one, so the final value is a positive
     * whole number and at most the additions made. (How many are lost depends on the timing: a
     * writer preempted between its read and its write loses all the other's additions meanwhile.)
     */
    @Test
    void racyAddsOfTwoWritersLoseButNeverInvent() throws InterruptedException {
        HogwildVector x = new HogwildVector(new double[1]);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            ts.add(new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    x.addPlain(0, 1);
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        double v = x.get(0);
        assertThat(v).isBetween(1.0, 200_000.0);
        assertThat(v).isEqualTo(Math.rint(v));
    }
}
