package dev.asgd.training.problem;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense kernels on 8-lane double vectors (the Vector API, {@code jdk.incubator.vector}), bit for
 * bit the results of {@link DenseKernels#SCALAR}:
 * <ul>
 *   <li>scores: a tile of 2 rows by 5 classes (or 4 rows by 1 class) keeps its accumulator vectors
 *   in registers across j; lane l of an accumulator is {@link DenseKernels#dot}'s partial chain l,
 *   and the lanes are summed in its order, then its tail and the bias are added in scalar code;</li>
 *   <li>gradients: a vector of 8 features j by 5 classes (or 1), one fma per row in row order, as
 *   {@link DenseKernels#scalarGradient}; the last d mod 8 features in scalar code.</li>
 * </ul>
 * Loaded by reflection only when the module is present ({@link DenseKernels#KERNELS}); compiled in
 * its own javac execution (see asgd-training/pom.xml).
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
    private static final int L = DenseKernels.LANES;

    /** @throws IllegalStateException when the machine's preferred species is not 8 doubles */
    VectorKernels() {
        if (DoubleVector.SPECIES_PREFERRED.length() != L || S.length() != L) {
            throw new IllegalStateException("preferred double species has "
                    + DoubleVector.SPECIES_PREFERRED.length() + " lanes, not " + L);
        }
    }

    @Override
    public void scores(DenseKernels.Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z) {
        double[] t = s.lanes;
        int c = 0;
        for (; c + 4 < k; c += 5) {
            int i = 0;
            for (; i + 1 < n; i += 2) {
                tile2x5(rows[i], rows[i + 1], i, d, w, c, k, z, t);
            }
            for (; i < n; i++) {
                tile1x5(rows[i], i, d, w, c, k, z, t);
            }
        }
        for (; c < k; c++) {
            int i = 0;
            for (; i + 3 < n; i += 4) {
                tile4x1(rows, i, d, w, c, k, z, t);
            }
            for (; i < n; i++) {
                int o = c * (d + 1);
                z[i * k + c] = DenseKernels.dot(rows[i], w, o, d) + w[o + d];
            }
        }
    }

    /** z = the lanes summed in {@link DenseKernels#dot}'s order, its tail and the bias. */
    private static double finish(DoubleVector a, double[] t, double[] x, double[] w, int o, int d) {
        a.intoArray(t, 0);
        double s = ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
        return DenseKernels.tail(s, x, w, o, d - d % L, d) + w[o + d];
    }

    private static void tile2x5(double[] x0, double[] x1, int i, int d, double[] w, int c, int k, double[] z,
            double[] t) {
        int p = d + 1;
        int o0 = c * p;
        int o1 = o0 + p;
        int o2 = o1 + p;
        int o3 = o2 + p;
        int o4 = o3 + p;
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        DoubleVector b4 = a0;
        int d8 = d - d % L;
        for (int j = 0; j < d8; j += L) {
            DoubleVector u = DoubleVector.fromArray(S, x0, j);
            DoubleVector v = DoubleVector.fromArray(S, x1, j);
            DoubleVector w0 = DoubleVector.fromArray(S, w, o0 + j);
            a0 = u.fma(w0, a0);
            b0 = v.fma(w0, b0);
            DoubleVector w1 = DoubleVector.fromArray(S, w, o1 + j);
            a1 = u.fma(w1, a1);
            b1 = v.fma(w1, b1);
            DoubleVector w2 = DoubleVector.fromArray(S, w, o2 + j);
            a2 = u.fma(w2, a2);
            b2 = v.fma(w2, b2);
            DoubleVector w3 = DoubleVector.fromArray(S, w, o3 + j);
            a3 = u.fma(w3, a3);
            b3 = v.fma(w3, b3);
            DoubleVector w4 = DoubleVector.fromArray(S, w, o4 + j);
            a4 = u.fma(w4, a4);
            b4 = v.fma(w4, b4);
        }
        int z0 = i * k + c;
        int z1 = z0 + k;
        z[z0] = finish(a0, t, x0, w, o0, d);
        z[z0 + 1] = finish(a1, t, x0, w, o1, d);
        z[z0 + 2] = finish(a2, t, x0, w, o2, d);
        z[z0 + 3] = finish(a3, t, x0, w, o3, d);
        z[z0 + 4] = finish(a4, t, x0, w, o4, d);
        z[z1] = finish(b0, t, x1, w, o0, d);
        z[z1 + 1] = finish(b1, t, x1, w, o1, d);
        z[z1 + 2] = finish(b2, t, x1, w, o2, d);
        z[z1 + 3] = finish(b3, t, x1, w, o3, d);
        z[z1 + 4] = finish(b4, t, x1, w, o4, d);
    }

    private static void tile1x5(double[] x0, int i, int d, double[] w, int c, int k, double[] z, double[] t) {
        int p = d + 1;
        int o0 = c * p;
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        int d8 = d - d % L;
        for (int j = 0; j < d8; j += L) {
            DoubleVector u = DoubleVector.fromArray(S, x0, j);
            a0 = u.fma(DoubleVector.fromArray(S, w, o0 + j), a0);
            a1 = u.fma(DoubleVector.fromArray(S, w, o0 + p + j), a1);
            a2 = u.fma(DoubleVector.fromArray(S, w, o0 + 2 * p + j), a2);
            a3 = u.fma(DoubleVector.fromArray(S, w, o0 + 3 * p + j), a3);
            a4 = u.fma(DoubleVector.fromArray(S, w, o0 + 4 * p + j), a4);
        }
        int z0 = i * k + c;
        z[z0] = finish(a0, t, x0, w, o0, d);
        z[z0 + 1] = finish(a1, t, x0, w, o0 + p, d);
        z[z0 + 2] = finish(a2, t, x0, w, o0 + 2 * p, d);
        z[z0 + 3] = finish(a3, t, x0, w, o0 + 3 * p, d);
        z[z0 + 4] = finish(a4, t, x0, w, o0 + 4 * p, d);
    }

    private static void tile4x1(double[][] rows, int i, int d, double[] w, int c, int k, double[] z, double[] t) {
        int o = c * (d + 1);
        double[] x0 = rows[i];
        double[] x1 = rows[i + 1];
        double[] x2 = rows[i + 2];
        double[] x3 = rows[i + 3];
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int d8 = d - d % L;
        for (int j = 0; j < d8; j += L) {
            DoubleVector wv = DoubleVector.fromArray(S, w, o + j);
            a0 = DoubleVector.fromArray(S, x0, j).fma(wv, a0);
            a1 = DoubleVector.fromArray(S, x1, j).fma(wv, a1);
            a2 = DoubleVector.fromArray(S, x2, j).fma(wv, a2);
            a3 = DoubleVector.fromArray(S, x3, j).fma(wv, a3);
        }
        z[i * k + c] = finish(a0, t, x0, w, o, d);
        z[(i + 1) * k + c] = finish(a1, t, x1, w, o, d);
        z[(i + 2) * k + c] = finish(a2, t, x2, w, o, d);
        z[(i + 3) * k + c] = finish(a3, t, x3, w, o, d);
    }

    @Override
    public void gradients(DenseKernels.Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d) {
        int c = 0;
        for (; c + 4 < k; c += 5) {
            gradient5(rows, n, r, k, c, g, d);
        }
        for (; c < k; c++) {
            gradient1(rows, n, r, k, c, g, d);
        }
        int p = d + 1;
        for (int j = d - d % L; j < d; j++) {
            for (c = 0; c < k; c++) {
                g[c * p + j] = DenseKernels.scalarGradient(rows, n, r, k, c, j);
            }
        }
    }

    /**
     * Five classes: two vectors of features per pass (10 independent fma chains over the rows, enough
     * to keep both fma units busy through their latency), then a last vector of 8 if there is one.
     */
    private static void gradient5(double[][] rows, int n, double[] r, int k, int c, double[] g, int d) {
        int p = d + 1;
        int j = 0;
        for (; j + 2 * L <= d; j += 2 * L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            DoubleVector a4 = a0;
            DoubleVector b0 = a0;
            DoubleVector b1 = a0;
            DoubleVector b2 = a0;
            DoubleVector b3 = a0;
            DoubleVector b4 = a0;
            for (int i = 0; i < n; i++) {
                double[] row = rows[i];
                DoubleVector x = DoubleVector.fromArray(S, row, j);
                DoubleVector y = DoubleVector.fromArray(S, row, j + L);
                int q = i * k + c;
                DoubleVector r0 = DoubleVector.broadcast(S, r[q]);
                a0 = x.fma(r0, a0);
                b0 = y.fma(r0, b0);
                DoubleVector r1 = DoubleVector.broadcast(S, r[q + 1]);
                a1 = x.fma(r1, a1);
                b1 = y.fma(r1, b1);
                DoubleVector r2 = DoubleVector.broadcast(S, r[q + 2]);
                a2 = x.fma(r2, a2);
                b2 = y.fma(r2, b2);
                DoubleVector r3 = DoubleVector.broadcast(S, r[q + 3]);
                a3 = x.fma(r3, a3);
                b3 = y.fma(r3, b3);
                DoubleVector r4 = DoubleVector.broadcast(S, r[q + 4]);
                a4 = x.fma(r4, a4);
                b4 = y.fma(r4, b4);
            }
            int at = c * p + j;
            a0.intoArray(g, at);
            a1.intoArray(g, at + p);
            a2.intoArray(g, at + 2 * p);
            a3.intoArray(g, at + 3 * p);
            a4.intoArray(g, at + 4 * p);
            b0.intoArray(g, at + L);
            b1.intoArray(g, at + L + p);
            b2.intoArray(g, at + L + 2 * p);
            b3.intoArray(g, at + L + 3 * p);
            b4.intoArray(g, at + L + 4 * p);
        }
        for (; j + L <= d; j += L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            DoubleVector a4 = a0;
            for (int i = 0; i < n; i++) {
                DoubleVector x = DoubleVector.fromArray(S, rows[i], j);
                int q = i * k + c;
                a0 = x.fma(DoubleVector.broadcast(S, r[q]), a0);
                a1 = x.fma(DoubleVector.broadcast(S, r[q + 1]), a1);
                a2 = x.fma(DoubleVector.broadcast(S, r[q + 2]), a2);
                a3 = x.fma(DoubleVector.broadcast(S, r[q + 3]), a3);
                a4 = x.fma(DoubleVector.broadcast(S, r[q + 4]), a4);
            }
            int at = c * p + j;
            a0.intoArray(g, at);
            a1.intoArray(g, at + p);
            a2.intoArray(g, at + 2 * p);
            a3.intoArray(g, at + 3 * p);
            a4.intoArray(g, at + 4 * p);
        }
    }

    /** One class: four vectors of features per pass (four independent fma chains over the rows). */
    private static void gradient1(double[][] rows, int n, double[] r, int k, int c, double[] g, int d) {
        int at = c * (d + 1);
        int j = 0;
        for (; j + 4 * L <= d; j += 4 * L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (int i = 0; i < n; i++) {
                double[] x = rows[i];
                DoubleVector s = DoubleVector.broadcast(S, r[i * k + c]);
                a0 = DoubleVector.fromArray(S, x, j).fma(s, a0);
                a1 = DoubleVector.fromArray(S, x, j + L).fma(s, a1);
                a2 = DoubleVector.fromArray(S, x, j + 2 * L).fma(s, a2);
                a3 = DoubleVector.fromArray(S, x, j + 3 * L).fma(s, a3);
            }
            a0.intoArray(g, at + j);
            a1.intoArray(g, at + j + L);
            a2.intoArray(g, at + j + 2 * L);
            a3.intoArray(g, at + j + 3 * L);
        }
        for (; j + L <= d; j += L) {
            DoubleVector a0 = DoubleVector.zero(S);
            for (int i = 0; i < n; i++) {
                a0 = DoubleVector.fromArray(S, rows[i], j).fma(DoubleVector.broadcast(S, r[i * k + c]), a0);
            }
            a0.intoArray(g, at + j);
        }
    }

    @Override
    public void decode(byte[] codes, int from, int d, double divisor, double[] into) {
        double inverse = 1 / divisor;
        DoubleVector dv = DoubleVector.broadcast(S, divisor);
        DoubleVector iv = DoubleVector.broadcast(S, inverse);
        int j = 0;
        for (; j + L <= d; j += L) {
            // 8 bytes -> 8 ints (sign-extended, then masked: unsigned) -> 8 doubles, exactly
            IntVector c = (IntVector) ByteVector.fromArray(ByteVector.SPECIES_64, codes, from + j)
                    .convertShape(VectorOperators.B2I, IntVector.SPECIES_256, 0);
            DoubleVector v = (DoubleVector) c.lanewise(VectorOperators.AND, 0xff)
                    .convertShape(VectorOperators.I2D, S, 0);
            DoubleVector q = v.mul(iv);
            q.neg().fma(dv, v).fma(iv, q).intoArray(into, j);
        }
        for (; j < d; j++) {
            into[j] = dev.asgd.training.data.DenseDataset.byFma(codes[from + j] & 0xff, divisor, inverse);
        }
    }

    @Override
    public boolean step(double[] x, double rate, double[] g, double[] out) {
        int n = out.length;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector bad = zero;
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i).sub(DoubleVector.fromArray(S, g, i).mul(rate));
            v.intoArray(out, i);
            bad = bad.add(v.mul(zero));
        }
        double tail = 0;
        for (; i < n; i++) {
            out[i] = x[i] - rate * g[i];
            tail += out[i] * 0.0;
        }
        return tail == 0 && bad.reduceLanes(jdk.incubator.vector.VectorOperators.ADD) == 0;
    }
}
