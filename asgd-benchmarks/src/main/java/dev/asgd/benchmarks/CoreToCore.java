package dev.asgd.benchmarks;

import java.util.Locale;

/**
 * The round trip of one cache line between two threads (a volatile counter handed back and
 * forth), in nanoseconds: the cost of every parameter version one worker writes and another reads.
 * On the 2-core virtual machine of the benchmarks it is bimodal, about 50 ns or about 400 ns, and
 * changes while a program runs (the host moves the two virtual CPUs between cores that do and do
 * not share a cache); `asgd-benchmarks/bench/train_vs_numpy.sh` prints it beside each round of two
 * workers. A plain main, not JMH (one number per call, taken right before the run it explains):
 * <pre>
 *   java -cp asgd-benchmarks/target/benchmarks.jar dev.asgd.benchmarks.CoreToCore [ROUND_TRIPS]
 * </pre>
 */
public final class CoreToCore {
    private static volatile long turn;

    private CoreToCore() {
    }

    /**
     * @param args round trips (default 1,000,000)
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "%.0f%n", roundTripNanos(n));
    }

    /**
     * @param n round trips
     * @return nanoseconds per round trip (the median of three measurements of n / 3 each)
     * @throws InterruptedException when interrupted
     */
    static double roundTripNanos(long n) throws InterruptedException {
        double[] t = new double[3];
        for (int r = 0; r < 3; r++) {
            t[r] = once(Math.max(1, n / 3));
        }
        java.util.Arrays.sort(t);
        return t[1];
    }

    private static double once(long n) throws InterruptedException {
        turn = 0;
        Thread other = new Thread(() -> {
            for (long i = 1; i < 2 * n; i += 2) {
                while (turn != i) {
                    Thread.onSpinWait();
                }
                turn = i + 1;
            }
        });
        other.start();
        long t0 = System.nanoTime();
        for (long i = 0; i < 2 * n; i += 2) {
            while (turn != i) {
                Thread.onSpinWait();
            }
            turn = i + 1;
        }
        other.join();
        return (System.nanoTime() - t0) / (double) n;
    }
}
