package dev.asgd.training.problem;

import dev.asgd.training.data.DenseDataset;
import java.util.Arrays;

/**
 * The dense fast path of the linear problems: a minibatch is gathered into separate row arrays
 * (per-thread scratch, reused); a score is {@link #dot} (eight partial {@link Math#fma} chains, the
 * lanes of one 512-bit vector, summed in a fixed order) plus the bias, and a gradient entry is one
 * fma chain over the rows in order ({@link #scalarGradient}), accumulated by same-index loops that
 * C2 vectorises. Per-row virtual calls through {@code Dataset.dot/addScaled} are what this replaces.
 *
 * <p>{@link #KERNELS} is {@code VectorKernels} (the same bits on 8-lane vectors) when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} on a machine with 8-lane double vectors (AVX-512)
 * and the system property {@code asgd.vector} is not {@code false}; otherwise {@link #SCALAR}. They
 * are used once compiled ({@link #current}).
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /** The plain Java kernels (the reference bits). */
    static final Kernels SCALAR = new Kernels() {
        @Override
        public void scores(Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
            scalarScores(s, rows, n, d, w, k, z);
        }

        @Override
        public void gradients(Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d) {
            // into a separate block at the rows' own indices, then copied: C2 vectorises same-index
            // loops only where the arrays cannot overlap at other offsets
            double[] out = s.out(d);
            for (int c = 0; c < k; c++) {
                accumulate(rows, n, r, k, c, out, d);
                System.arraycopy(out, 0, g, c * (d + 1), d);
            }
        }

        @Override
        public void decode(byte[] codes, int from, int d, double divisor, double[] into) {
            double inverse = 1 / divisor;
            for (int j = 0; j < d; j++) {
                into[j] = DenseDataset.byFma(codes[from + j] & 0xff, divisor, inverse);
            }
        }

        @Override
        public boolean step(double[] x, double rate, double[] g, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = x[i] - rate * g[i];
            }
            return allFinite(out);
        }
    };

    /** @return whether every entry is finite (x * 0 is 0 for finite x, NaN otherwise) */
    static boolean allFinite(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < x.length; i += 4) {
            s0 += x[i] * 0.0;
            s1 += x[i + 1] * 0.0;
            s2 += x[i + 2] * 0.0;
            s3 += x[i + 3] * 0.0;
        }
        for (; i < x.length; i++) {
            s0 += x[i] * 0.0;
        }
        return s0 + s1 + s2 + s3 == 0;
    }

    /** The fastest kernels here: vector or scalar, the same bits. */
    static final Kernels KERNELS = pick();

    /**
     * Whether {@link #KERNELS} are compiled. Vector API code runs hundreds of times slower in the
     * interpreter and C1 than after C2 has compiled it, so until a background thread has run the
     * vector kernels often enough on small inputs ({@link #warmUp}) the scalar kernels are used;
     * the bits are the same, so the switch is invisible in the results.
     */
    private static volatile boolean warm = KERNELS == SCALAR;

    /** Counted down when the warm-up ({@link #warmUp}, then {@link #warmUpGradients}) is over. */
    private static final java.util.concurrent.CountDownLatch WARMED = new java.util.concurrent.CountDownLatch(warm ? 0 : 1);

    static {
        if (!warm) {
            Thread t = new Thread(DenseKernels::warmUp, "asgd-kernel-warmup");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Most rounds of {@link #warmUp} (each 100 calls of every kernel of both sets). */
    static final int WARM_UP_ROUNDS = 400;

    /** Rounds in a row in which every vector kernel must beat its scalar twin. */
    static final int WARM_UP_STREAK = 2;

    /**
     * Runs both kernel sets on small inputs in rounds of 100 calls of each kernel (scores, gradients,
     * step, decode), until each vector kernel took less time than its scalar twin in
     * {@link #WARM_UP_STREAK} rounds in a row, or for {@link #WARM_UP_ROUNDS} rounds. Each kernel on
     * its own: with one total, C2-compiled scores could hide gradients still in C1, where Vector
     * API code is a hundred times slower; then the problems' gradients
     * ({@link #warmUpGradients}).
     */
    private static void warmUp() {
        try {
            int d = 25; // small, with two vectors, one more and a tail, and an odd row: every branch of the kernels runs
            int n = 5;
            int k = 5;
            double[][] rows = new double[n][d];
            double[] w = new double[k * (d + 1)];
            double[] r = new double[n * k];
            double[] z = new double[n * k];
            double[] g = new double[w.length];
            byte[] codes = new byte[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    rows[i][j] = (i + j) % 5 * 0.25;
                }
            }
            java.util.Arrays.fill(w, 0.01);
            java.util.Arrays.fill(r, 0.1);
            Scratch s = new Scratch();
            long[] vector = new long[KERNEL_COUNT];
            long[] scalar = new long[KERNEL_COUNT];
            int streak = 0;
            for (int round = 0; round < WARM_UP_ROUNDS && streak < WARM_UP_STREAK; round++) {
                time(KERNELS, s, rows, n, d, w, k, r, z, g, codes, vector);
                time(SCALAR, s, rows, n, d, w, k, r, z, g, codes, scalar);
                boolean all = true;
                for (int i = 0; i < KERNEL_COUNT; i++) {
                    all &= vector[i] < scalar[i];
                }
                streak = all ? streak + 1 : 0;
            }
            warm = true;
            warmUpGradients();
        } catch (RuntimeException | LinkageError e) {
            // stay on the scalar kernels
        } finally {
            WARMED.countDown();
        }
    }

    /**
     * Waits for the warm-up of the kernels and of the problems' gradients.
     *
     * @param millis the longest wait
     * @return whether it is over
     * @throws InterruptedException when interrupted
     */
    static boolean awaitWarmUp(long millis) throws InterruptedException {
        return WARMED.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Calls of each problem's dense gradient in {@link #warmUpGradients} (C2 compiles a method after about 5000). */
    static final int WARM_UP_GRADIENTS = 6000;

    /**
     * The problems' dense minibatch gradients (gather, decode, scores, softmax, gradients) on tiny
     * data, double and byte-coded: C2 compiles the whole path while the data is read, rather than
     * during the first thousands of real updates. Results are discarded.
     */
    private static void warmUpGradients() {
        int d = 9;
        int n = 12;
        byte[] codes = new byte[n * d];
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            codes[i] = (byte) (i * 37);
            x[i] = (codes[i] & 0xff) / 255.0;
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        DenseDataset[] data = {DenseDataset.coded(codes, 255, y, d), new DenseDataset(x, y, d)};
        Problem[] problems = {new SoftmaxRegression(d, 3, 0), new LeastSquares(d, 0)};
        int[] batch = {1, 5, 0, 11, 7};
        for (Problem p : problems) {
            double[] w = new double[p.dimension()];
            double[] g = new double[w.length];
            for (int it = 0; it < WARM_UP_GRADIENTS; it++) {
                p.gradient(w, data[it & 1], batch, g);
            }
        }
    }

    /** Kernels timed apart by {@link #time}: scores, gradients, step, decode. */
    private static final int KERNEL_COUNT = 4;

    /** Times 100 calls of each kernel into {@code nanos} (scores, gradients, step, decode). */
    private static void time(Kernels kernels, Scratch s, double[][] rows, int n, int d, double[] w, int k,
            double[] r, double[] z, double[] g, byte[] codes, long[] nanos) {
        long t0 = System.nanoTime();
        for (int it = 0; it < 100; it++) {
            kernels.scores(s, rows, n, d, w, k, z);
            kernels.scores(s, rows, n, d, w, 1, z);
        }
        long t1 = System.nanoTime();
        for (int it = 0; it < 100; it++) {
            kernels.gradients(s, rows, n, r, k, g, d);
            kernels.gradients(s, rows, n, r, 1, g, d);
        }
        long t2 = System.nanoTime();
        for (int it = 0; it < 100; it++) {
            kernels.step(w, 1e-9, g, g);
        }
        long t3 = System.nanoTime();
        for (int it = 0; it < 100; it++) {
            kernels.decode(codes, 0, d, 255, s.out(d));
        }
        long t4 = System.nanoTime();
        nanos[0] = t1 - t0;
        nanos[1] = t2 - t1;
        nanos[2] = t3 - t2;
        nanos[3] = t4 - t3;
    }

    private static Kernels pick() {
        if (!Boolean.parseBoolean(System.getProperty("asgd.vector", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return SCALAR;
        }
        try {
            return (Kernels) Class.forName("dev.asgd.training.problem.VectorKernels").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return SCALAR;
        }
    }

    /** @return the kernels to use now: {@link #KERNELS} once warm, else {@link #SCALAR} */
    static Kernels current() {
        return warm ? KERNELS : SCALAR;
    }

    /** @return "vector" or "scalar": the kernels in use */
    static String kind() {
        return KERNELS == SCALAR ? "scalar" : "vector";
    }

    /** Rows processed at once when a whole dataset is scored (evaluation). */
    static final int BLOCK = 64;

    /** Per-thread scratch: row copies, scores, a vector's lanes. */
    static final class Scratch {
        double[][] rows = new double[0][];
        double[] z = new double[0];
        double[] lanes = new double[LANES];
        double[] part = new double[8 * LANES];
        double[] out = new double[0];
        int d = -1;
        /** Keeps {@link DenseDataset#touch}'s reads. */
        int touched;

        double[][] rows(int n, int d) {
            if (this.d != d) {
                rows = new double[0][];
                this.d = d;
            }
            if (rows.length < n) {
                double[][] r = Arrays.copyOf(rows, n);
                for (int i = rows.length; i < n; i++) {
                    r[i] = new double[d];
                }
                rows = r;
            }
            return rows;
        }

        /** @return a buffer of at least n doubles for a gradient block */
        double[] out(int n) {
            if (out.length < n) {
                out = new double[n];
            }
            return out;
        }

        double[] z(int n) {
            if (z.length < n) {
                z = new double[n];
            }
            return z;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static Scratch scratch() {
        return SCRATCH.get();
    }

    /**
     * Gathers rows into scratch row arrays.
     *
     * @return the row arrays (the first {@code count} are filled)
     */
    static double[][] gather(Scratch s, DenseDataset data, int[] rows, int from, int count) {
        double[][] r = s.rows(count, data.features());
        s.touched += data.touch(rows, from, count);
        Kernels k = decoder(data);
        for (int i = 0; i < count; i++) {
            copyRow(k, data, rows[from + i], r[i]);
        }
        return r;
    }

    /** Gathers the consecutive rows from..from+count-1. */
    static double[][] gatherRange(Scratch s, DenseDataset data, int from, int count) {
        double[][] r = s.rows(count, data.features());
        Kernels k = decoder(data);
        for (int i = 0; i < count; i++) {
            copyRow(k, data, from + i, r[i]);
        }
        return r;
    }

    /** @return the vector kernels when they decode this dataset's coded rows on 8 lanes, else null */
    private static Kernels decoder(DenseDataset data) {
        Kernels k = current();
        return k != SCALAR && data.decodesByFma() ? k : null;
    }

    /** Copies a row: decoded by the vector kernels ({@link #decoder}), else as the dataset copies it. */
    private static void copyRow(Kernels decoder, DenseDataset data, int row, double[] into) {
        if (decoder != null) {
            int d = data.features();
            decoder.decode(data.codes(), row * d, d, data.divisor(), into);
        } else {
            data.copyRow(row, into);
        }
    }

    /**
     * Scores of every row of a dataset, in blocks of {@link #BLOCK} rows.
     *
     * @return z[i * k + c] = x_i . w_c + b_c
     */
    static double[] scoreAll(DenseDataset data, double[] w, int k) {
        Scratch s = scratch();
        int n = data.size();
        int d = data.features();
        double[] all = new double[n * k];
        for (int from = 0; from < n; from += BLOCK) {
            int m = Math.min(BLOCK, n - from);
            double[][] rows = gatherRange(s, data, from, m);
            double[] z = s.z(m * k);
            scores(s, rows, m, d, w, k, z);
            System.arraycopy(z, 0, all, from * k, m * k);
        }
        return all;
    }

    /** Lanes of the canonical dot product (8 partial sums). */
    static final int LANES = 8;

    /**
     * x . w[off..off+d-1] in the canonical order of every score: eight partial {@link Math#fma}
     * chains, lane l over j = l, l + 8, ... below d8 = d - d % 8, summed
     * ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)), then the last d % 8 features fma'd in
     * order. (Eight lanes: one 512-bit vector of doubles, so that the vector kernels compute the
     * same bits.)
     */
    static double dot(double[] x, double[] w, int off, int d) {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int d8 = d - d % LANES;
        for (int j = 0; j < d8; j += LANES) {
            int o = off + j;
            p0 = Math.fma(x[j], w[o], p0);
            p1 = Math.fma(x[j + 1], w[o + 1], p1);
            p2 = Math.fma(x[j + 2], w[o + 2], p2);
            p3 = Math.fma(x[j + 3], w[o + 3], p3);
            p4 = Math.fma(x[j + 4], w[o + 4], p4);
            p5 = Math.fma(x[j + 5], w[o + 5], p5);
            p6 = Math.fma(x[j + 6], w[o + 6], p6);
            p7 = Math.fma(x[j + 7], w[o + 7], p7);
        }
        return tail(((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)), x, w, off, d8, d);
    }

    /** s with x[j] w[off + j] fma'd in for j from d8 to d - 1 (the canonical tail). */
    static double tail(double s, double[] x, double[] w, int off, int d8, int d) {
        double t = s;
        for (int j = d8; j < d; j++) {
            t = Math.fma(x[j], w[off + j], t);
        }
        return t;
    }

    /**
     * z[i * k + c] = rows[i] . w_c + b_c for i &lt; n, c &lt; k, with w_c at c * (d + 1) and b_c
     * after it ({@link #KERNELS}; {@link #dot}'s order).
     */
    static void scores(Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
        current().scores(s, rows, n, d, w, k, z);
    }

    /**
     * g[c * (d + 1) + j] = sum_i r[i * k + c] rows[i][j] for c &lt; k, j &lt; d ({@link #KERNELS};
     * {@link #scalarGradient}'s order); the biases g[c * (d + 1) + d] are left alone.
     */
    static void gradients(Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d) {
        current().gradients(s, rows, n, r, k, g, d);
    }

    /**
     * The scalar scores in {@link #dot}'s order: four rows by two classes (or one) at a time, lane
     * by lane (eight independent chains over j = l, l + 8, ... for each lane l), the lanes then
     * summed; rows left over one by one.
     */
    static void scalarScores(Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
        int p = d + 1;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int c = 0;
            for (; c + 1 < k; c += 2) {
                lanes4x2(s.part, rows, i, d, w, c * p, c * p + p);
                for (int q = 0; q < 8; q++) {
                    int row = i + (q & 3);
                    int o = (c + (q >> 2)) * p;
                    z[row * k + c + (q >> 2)] = sumLanes(s.part, q, rows[row], w, o, d) + w[o + d];
                }
            }
            for (; c < k; c++) {
                lanes4x1(s.part, rows, i, d, w, c * p);
                for (int q = 0; q < 4; q++) {
                    int o = c * p;
                    z[(i + q) * k + c] = sumLanes(s.part, q, rows[i + q], w, o, d) + w[o + d];
                }
            }
        }
        for (; i < n; i++) {
            for (int c = 0; c < k; c++) {
                int o = c * p;
                z[i * k + c] = dot(rows[i], w, o, d) + w[o + d];
            }
        }
    }

    /** part[q * 8 + l] = lane l of the dot products of rows i..i+3 (q = row) with w at o. */
    private static void lanes4x1(double[] part, double[][] rows, int i, int d, double[] w, int o) {
        double[] x0 = rows[i];
        double[] x1 = rows[i + 1];
        double[] x2 = rows[i + 2];
        double[] x3 = rows[i + 3];
        int d8 = d - d % LANES;
        for (int l = 0; l < LANES; l++) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = l; j < d8; j += LANES) {
                double w0 = w[o + j];
                a0 = Math.fma(x0[j], w0, a0);
                a1 = Math.fma(x1[j], w0, a1);
                a2 = Math.fma(x2[j], w0, a2);
                a3 = Math.fma(x3[j], w0, a3);
            }
            part[l] = a0;
            part[LANES + l] = a1;
            part[2 * LANES + l] = a2;
            part[3 * LANES + l] = a3;
        }
    }

    /**
     * part[q * 8 + l] = lane l of the dot products of rows i..i+3 with w at o0 (q = row) and at o1
     * (q = 4 + row).
     */
    private static void lanes4x2(double[] part, double[][] rows, int i, int d, double[] w, int o0, int o1) {
        double[] x0 = rows[i];
        double[] x1 = rows[i + 1];
        double[] x2 = rows[i + 2];
        double[] x3 = rows[i + 3];
        int d8 = d - d % LANES;
        for (int l = 0; l < LANES; l++) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0;
            for (int j = l; j < d8; j += LANES) {
                double w0 = w[o0 + j];
                double w1 = w[o1 + j];
                double v0 = x0[j], v1 = x1[j], v2 = x2[j], v3 = x3[j];
                a0 = Math.fma(v0, w0, a0);
                a1 = Math.fma(v1, w0, a1);
                a2 = Math.fma(v2, w0, a2);
                a3 = Math.fma(v3, w0, a3);
                e0 = Math.fma(v0, w1, e0);
                e1 = Math.fma(v1, w1, e1);
                e2 = Math.fma(v2, w1, e2);
                e3 = Math.fma(v3, w1, e3);
            }
            part[l] = a0;
            part[LANES + l] = a1;
            part[2 * LANES + l] = a2;
            part[3 * LANES + l] = a3;
            part[4 * LANES + l] = e0;
            part[5 * LANES + l] = e1;
            part[6 * LANES + l] = e2;
            part[7 * LANES + l] = e3;
        }
    }

    /** The lanes part[q * 8 ..] summed in {@link #dot}'s order, plus its tail. */
    private static double sumLanes(double[] part, int q, double[] x, double[] w, int o, int d) {
        int b = q * LANES;
        double s = ((part[b] + part[b + 1]) + (part[b + 2] + part[b + 3]))
                + ((part[b + 4] + part[b + 5]) + (part[b + 6] + part[b + 7]));
        return tail(s, x, w, o, d - d % LANES, d);
    }

    /**
     * out[j] = sum_i r[i * k + c] rows[i][j] for j &lt; d (a gradient block): one fma per row,
     * rows in order, by same-index loops over four rows at a time (one load and store of out per
     * four rows).
     */
    static void accumulate(double[][] rows, int n, double[] r, int k, int c, double[] out, int d) {
        Arrays.fill(out, 0, d, 0);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double s0 = r[i * k + c];
            double s1 = r[(i + 1) * k + c];
            double s2 = r[(i + 2) * k + c];
            double s3 = r[(i + 3) * k + c];
            double[] x0 = rows[i];
            double[] x1 = rows[i + 1];
            double[] x2 = rows[i + 2];
            double[] x3 = rows[i + 3];
            for (int j = 0; j < d; j++) {
                out[j] = Math.fma(s3, x3[j], Math.fma(s2, x2[j], Math.fma(s1, x1[j], Math.fma(s0, x0[j], out[j]))));
            }
        }
        for (; i < n; i++) {
            double s = r[i * k + c];
            double[] x = rows[i];
            for (int j = 0; j < d; j++) {
                out[j] = Math.fma(s, x[j], out[j]);
            }
        }
    }

    /** One entry of a gradient in the canonical order: 0, then fma(r_ic, x_ij, .) for i = 0..n-1. */
    static double scalarGradient(double[][] rows, int n, double[] r, int k, int c, int j) {
        double a = 0;
        for (int i = 0; i < n; i++) {
            a = Math.fma(r[i * k + c], rows[i][j], a);
        }
        return a;
    }
}
