package dev.asgd.spark;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.LocalGradientComputer;
import dev.asgd.training.engine.LocalParameterChannel;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ParameterServer;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.staleness.StalenessLog;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Spark engine's async throughput on N executors, predicted from per-update costs measured in
 * this JVM (run by hand, see asgd-spark's README). An update is a cycle of one worker: compute the
 * minibatch gradient on its executor, one round trip to the driver (send the gradient, receive the
 * parameters, d doubles each way), the server's apply under its lock. As a closed queueing network
 * of N workers (exact mean-value analysis): a delay station (gradient time plus the round trip's
 * latency, no queueing: every executor computes in parallel), the server's apply (one at a time),
 * and the driver's network link (2 x 8 d bytes per update at the given bandwidth, one at a time).
 * Throughput X(N) grows as N / (cycle time) until one of the two queues saturates, at
 * min(1 / apply, bandwidth / bytes).
 *
 * <pre>
 * ScalingModel DATA PROBLEM BATCH [GBIT_PER_S...]                     (costs measured by microbenchmarks here)
 *   e.g. fashion-mnist:n=20000 softmax 256 1 10
 * ScalingModel --costs GRADIENT_US ROUND_TRIP_US APPLY_US BYTES [GBIT_PER_S...]  (costs measured in a run)
 *   e.g. the per-update costs EngineScaling prints for a one-worker run on the cluster
 * </pre>
 */
public final class ScalingModel {
    private ScalingModel() {
    }

    /**
     * Measured seconds per update.
     *
     * @param gradient one minibatch gradient on an executor
     * @param roundTrip one push and its answer over loopback, including the apply
     * @param apply the server's apply (under its lock)
     * @param bytes bytes on the wire per update (both ways)
     */
    record Costs(double gradient, double roundTrip, double apply, double bytes) {
    }

    /**
     * Exact mean-value analysis of the closed network.
     *
     * @param c the costs
     * @param bitsPerSecond the driver's network bandwidth
     * @param workers N
     * @return the predicted updates per second with N workers
     */
    static double predict(Costs c, double bitsPerSecond, int workers) {
        double z = c.gradient() + Math.max(0, c.roundTrip() - c.apply());
        double[] s = {c.apply(), 8 * c.bytes() / bitsPerSecond};
        double[] q = new double[s.length];
        double x = 0;
        for (int n = 1; n <= workers; n++) {
            double[] r = new double[s.length];
            double total = z;
            for (int k = 0; k < s.length; k++) {
                r[k] = s[k] * (1 + q[k]);
                total += r[k];
            }
            x = n / total;
            for (int k = 0; k < s.length; k++) {
                q[k] = x * r[k];
            }
        }
        return x;
    }

    /**
     * @param d the data
     * @param problem the problem's name
     * @param batch rows per minibatch
     * @return the costs measured here (medians of timed blocks after a warm-up)
     * @throws Exception when the loopback server cannot start
     */
    static Costs measure(TrainTest d, String problem, int batch) throws Exception {
        var p = Problems.of(problem, d.train(), 0);
        int dim = p.dimension();
        LocalGradientComputer local = new LocalGradientComputer(p, d.train(), batch, 1);
        LocalGradientComputer.Workspace ws = local.workspace();
        double[] params = new double[dim];
        double grad = median(() -> local.compute(0, 0, 0, params, false, ws));
        ParameterServer ps = new ParameterServer(params, 0, Long.MAX_VALUE, new LearningRatePolicy.Constant(), 1e-12, 1,
                new StalenessLog(1, false), new long[1]);
        double[] g = new double[dim];
        long[] step = {0};
        double apply = median(() -> ps.apply(new Gradient(0, step[0]++, ps.version(), g, 0, null)));
        ParameterServer remote = new ParameterServer(params, 0, Long.MAX_VALUE, new LearningRatePolicy.Constant(), 1e-12,
                1, new StalenessLog(1, false), new long[1]);
        ChannelAddress a = ChannelAddress.random("127.0.0.1", 0, false);
        double rtt;
        try (ParameterRpcServer rpc = new ParameterRpcServer(new LocalParameterChannel(remote, Mode.parse("async"), 1),
                false, false, "127.0.0.1", a.key(null));
                RemoteParameterChannel ch = RemoteParameterChannel.connect(
                        new ChannelAddress("127.0.0.1", rpc.port(), a.token(), false), a.key(null), 0, 0, -1, 5000)) {
            long[] k = {0};
            rtt = median(() -> ch.push(new Gradient(0, k[0]++, ch.read(0).version(), g, 0, null)));
        }
        return new Costs(grad, rtt, apply, 2.0 * 8 * dim + 40);
    }

    /** Warm-up of each timed operation (the JIT's optimising compiler needs hundreds of milliseconds). */
    static long warmupNanos = 1_500_000_000L;

    /** Median seconds per call over 15 blocks, after the warm-up; each block lasts about 20 ms. */
    private static double median(Runnable r) {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < warmupNanos) {
            r.run();
        }
        int per = 1;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 20_000_000L) {
            r.run();
            per++;
        }
        double[] t = new double[15];
        for (int b = 0; b < t.length; b++) {
            long s = System.nanoTime();
            for (int i = 0; i < per; i++) {
                r.run();
            }
            t[b] = (System.nanoTime() - s) / 1e9 / per;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /**
     * @param args DATA PROBLEM BATCH [GBIT_PER_S...]
     * @throws Exception when the measurement fails
     */
    public static void main(String[] args) throws Exception {
        Costs c;
        int rest;
        String what;
        if (args[0].equals("--costs")) {
            c = new Costs(Double.parseDouble(args[1]) * 1e-6, Double.parseDouble(args[2]) * 1e-6,
                    Double.parseDouble(args[3]) * 1e-6, Double.parseDouble(args[4]));
            rest = 5;
            what = "given costs";
        } else {
            TrainTest d = DataSources.load(args[0], 0.2, 1);
            int batch = Integer.parseInt(args[2]);
            c = measure(d, args[1], batch);
            rest = 3;
            what = args[0] + " " + args[1] + " batch " + batch + " (microbenchmarks)";
        }
        double[] gbit = args.length > rest
                ? Arrays.stream(args, rest, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {1, 10};
        System.out.printf(Locale.ROOT, "# %s: gradient %.1f us, round trip %.1f us (apply included), apply %.1f us,"
                + " %.0f bytes per update%n", what, c.gradient() * 1e6, c.roundTrip() * 1e6, c.apply() * 1e6, c.bytes());
        StringBuilder h = new StringBuilder("executors");
        for (double b : gbit) {
            h.append(String.format(Locale.ROOT, "  updates/s @ %s Gbit/s", b));
        }
        System.out.println(h);
        for (int n : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%9d", n));
            for (double b : gbit) {
                row.append(String.format(Locale.ROOT, "  %22.0f", predict(c, b * 1e9, n)));
            }
            System.out.println(row);
        }
    }
}
