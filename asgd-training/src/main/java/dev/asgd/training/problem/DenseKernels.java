package dev.asgd.training.problem;

import dev.asgd.training.data.DenseDataset;
import java.util.Arrays;

/**
 * The dense fast path of the linear problems: a minibatch is gathered into separate row arrays
 * (per-thread scratch, reused), scores are computed four rows by two outputs at a time (eight
 * independent multiply-add chains, each a plain left-to-right {@link Math#fma} sum over j, so a
 * score's bits do not depend on its position in a block), and gradients are accumulated by
 * same-index loops {@code g[j] += s * x[j]} that C2 vectorises. Per-row virtual calls through
 * {@code Dataset.dot/addScaled} are what this replaces.
 *
 * <p>{@link #KERNELS} is {@code VectorKernels} (the same bits on 8-lane vectors) when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} on a machine with 8-lane double vectors (AVX-512)
 * and the system property {@code asgd.vector} is not {@code false}; otherwise {@link #SCALAR}.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /** The plain Java kernels (the reference bits). */
    static final Kernels SCALAR = new Kernels() {
        @Override
        public void scores(Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
            scalarScores(rows, n, d, w, k, z);
        }

        @Override
        public void gradients(Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d) {
            for (int c = 0; c < k; c++) {
                accumulate(rows, n, r, k, c, g, c * (d + 1), d);
            }
        }
    };

    /** The kernels in use: vector or scalar, the same bits. */
    static final Kernels KERNELS = pick();

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

    /** @return "vector" or "scalar": the kernels in use */
    static String kind() {
        return KERNELS == SCALAR ? "scalar" : "vector";
    }

    /** Rows processed at once when a whole dataset is scored (evaluation). */
    static final int BLOCK = 64;

    /** Per-thread scratch: row copies, scores, the transposed minibatch and score accumulators. */
    static final class Scratch {
        double[][] rows = new double[0][];
        double[] z = new double[0];
        double[] xt = new double[0];
        double[] acc = new double[0];
        int d = -1;

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

        /** @return a buffer of at least n doubles for a transposed minibatch */
        double[] xt(int n) {
            if (xt.length < n) {
                xt = new double[n];
            }
            return xt;
        }

        /** @return a buffer of at least n doubles for score accumulators */
        double[] acc(int n) {
            if (acc.length < n) {
                acc = new double[n];
            }
            return acc;
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
        for (int i = 0; i < count; i++) {
            data.copyRow(rows[from + i], r[i]);
        }
        return r;
    }

    /** Gathers the consecutive rows from..from+count-1. */
    static double[][] gatherRange(Scratch s, DenseDataset data, int from, int count) {
        double[][] r = s.rows(count, data.features());
        for (int i = 0; i < count; i++) {
            data.copyRow(from + i, r[i]);
        }
        return r;
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

    /** x . w[off..off+d-1], one fma chain left to right (the reference order of every score). */
    static double dot(double[] x, double[] w, int off, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s = Math.fma(x[j], w[off + j], s);
        }
        return s;
    }

    /**
     * z[i * k + c] = rows[i] . w_c + b_c for i &lt; n, c &lt; k, with w_c at c * (d + 1) and b_c
     * after it ({@link #KERNELS}).
     */
    static void scores(Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
        KERNELS.scores(s, rows, n, d, w, k, z);
    }

    /**
     * g[c * (d + 1) + j] = sum_i r[i * k + c] rows[i][j] for c &lt; k, j &lt; d ({@link #KERNELS});
     * the biases g[c * (d + 1) + d] are left alone.
     */
    static void gradients(Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d) {
        KERNELS.gradients(s, rows, n, r, k, g, d);
    }

    /** The scalar scores: four rows by two outputs at a time. */
    static void scalarScores(double[][] rows, int n, int d, double[] w, int k, double[] z) {
        int p = d + 1;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double[] x0 = rows[i];
            double[] x1 = rows[i + 1];
            double[] x2 = rows[i + 2];
            double[] x3 = rows[i + 3];
            int c = 0;
            for (; c + 1 < k; c += 2) {
                int o0 = c * p;
                int o1 = o0 + p;
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0;
                for (int j = 0; j < d; j++) {
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
                double b0 = w[o0 + d];
                double b1 = w[o1 + d];
                z[i * k + c] = a0 + b0;
                z[(i + 1) * k + c] = a1 + b0;
                z[(i + 2) * k + c] = a2 + b0;
                z[(i + 3) * k + c] = a3 + b0;
                z[i * k + c + 1] = e0 + b1;
                z[(i + 1) * k + c + 1] = e1 + b1;
                z[(i + 2) * k + c + 1] = e2 + b1;
                z[(i + 3) * k + c + 1] = e3 + b1;
            }
            for (; c < k; c++) {
                int o = c * p;
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                for (int j = 0; j < d; j++) {
                    double w0 = w[o + j];
                    a0 = Math.fma(x0[j], w0, a0);
                    a1 = Math.fma(x1[j], w0, a1);
                    a2 = Math.fma(x2[j], w0, a2);
                    a3 = Math.fma(x3[j], w0, a3);
                }
                double b0 = w[o + d];
                z[i * k + c] = a0 + b0;
                z[(i + 1) * k + c] = a1 + b0;
                z[(i + 2) * k + c] = a2 + b0;
                z[(i + 3) * k + c] = a3 + b0;
            }
        }
        for (; i < n; i++) {
            for (int c = 0; c < k; c++) {
                int o = c * p;
                z[i * k + c] = dot(rows[i], w, o, d) + w[o + d];
            }
        }
    }

    /** out[at + j] += s * x[j] for j &lt; d (same index: vectorised). */
    static void axpy(double[] out, int at, double s, double[] x, int d) {
        for (int j = 0; j < d; j++) {
            out[at + j] += s * x[j];
        }
    }

    /** out[at + j] += s0 x0[j] + s1 x1[j] + s2 x2[j] + s3 x3[j] for j &lt; d (same index: vectorised). */
    static void axpy4(double[] out, int at, double s0, double[] x0, double s1, double[] x1, double s2,
            double[] x2, double s3, double[] x3, int d) {
        for (int j = 0; j < d; j++) {
            out[at + j] += (s0 * x0[j] + s1 * x1[j]) + (s2 * x2[j] + s3 * x3[j]);
        }
    }

    /**
     * out[at + j] = sum_i r[i * k + c] rows[i][j] for j &lt; d (a gradient block), rows in groups of
     * four.
     */
    static void accumulate(double[][] rows, int n, double[] r, int k, int c, double[] out, int at, int d) {
        Arrays.fill(out, at, at + d, 0);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            axpy4(out, at, r[i * k + c], rows[i], r[(i + 1) * k + c], rows[i + 1], r[(i + 2) * k + c],
                    rows[i + 2], r[(i + 3) * k + c], rows[i + 3], d);
        }
        for (; i < n; i++) {
            axpy(out, at, r[i * k + c], rows[i], d);
        }
    }

    /** One entry of {@link #accumulate}: the same sums in the same order, for feature j. */
    static double scalarGradient(double[][] rows, int n, double[] r, int k, int c, int j) {
        double a = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a += (r[i * k + c] * rows[i][j] + r[(i + 1) * k + c] * rows[i + 1][j])
                    + (r[(i + 2) * k + c] * rows[i + 2][j] + r[(i + 3) * k + c] * rows[i + 3][j]);
        }
        for (; i < n; i++) {
            a += r[i * k + c] * rows[i][j];
        }
        return a;
    }
}
