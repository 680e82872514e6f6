package dev.asgd.training.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseKernelsTest {
    /**
     * The kernels in use (the Vector API ones when the tests run with jdk.incubator.vector on an
     * AVX-512 machine) give the scalar kernels' bits, scores and gradients, for minibatch sizes that
     * are and are not multiples of 4, 8 and 16, feature counts with and without a tail modulo 8, and
     * class counts with and without a remainder modulo 4. Values with zeros (as in images), signs and
     * magnitudes from 1e-3 to 1e3, so that a reordered sum would differ in the last bits.
     */
    @ParameterizedTest
    @CsvSource({"32, 784, 10", "1, 1, 1", "3, 7, 2", "16, 100, 1", "17, 9, 5", "40, 64, 4", "64, 33, 3",
        "5, 8, 6", "31, 100, 1"})
    void kernelsInUseGiveTheScalarBits(int n, int d, int k) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(n * 1000L + d * 10L + k);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextInt(3) == 0 ? 0 : value(rng);
            }
        }
        double[] w = new double[k * (d + 1)];
        for (int i = 0; i < w.length; i++) {
            w[i] = value(rng);
        }
        double[] r = new double[n * k];
        for (int i = 0; i < r.length; i++) {
            r[i] = value(rng);
        }
        DenseKernels.Scratch s = new DenseKernels.Scratch();
        double[] z0 = new double[n * k];
        double[] z1 = new double[n * k];
        DenseKernels.SCALAR.scores(s, rows, n, d, w, k, z0);
        DenseKernels.KERNELS.scores(s, rows, n, d, w, k, z1);
        assertThat(z1).containsExactly(z0);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                assertThat(z0[i * k + c]).isEqualTo(DenseKernels.dot(rows[i], w, c * (d + 1), d) + w[c * (d + 1) + d]);
            }
        }
        double[] g0 = new double[k * (d + 1)];
        double[] g1 = new double[k * (d + 1)];
        g0[d] = 7;
        g1[d] = 7;
        DenseKernels.SCALAR.gradients(s, rows, n, r, k, g0, d);
        DenseKernels.KERNELS.gradients(s, rows, n, r, k, g1, d);
        assertThat(g1).containsExactly(g0);
        assertThat(g0[d]).isEqualTo(7);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                assertThat(g0[c * (d + 1) + j]).isEqualTo(DenseKernels.scalarGradient(rows, n, r, k, c, j));
            }
        }
    }

    /**
     * The SGD step of the kernels in use has the scalar bits and finds a non-finite result at any
     * position (vector body and scalar tail), from an overflow as well as from a NaN or infinite input.
     */
    @ParameterizedTest
    @CsvSource({"7850", "101", "5", "8", "17"})
    void stepGivesTheScalarBitsAndFindsNonFiniteValues(int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(n);
        double[] x = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = value(rng);
            g[i] = value(rng);
        }
        double[] a = new double[n];
        double[] b = new double[n];
        assertThat(DenseKernels.SCALAR.step(x, 0.37, g, a)).isTrue();
        assertThat(DenseKernels.KERNELS.step(x, 0.37, g, b)).isTrue();
        assertThat(b).containsExactly(a);
        assertThat(VectorOps.step(x, 0.37, g, b)).isTrue();
        assertThat(VectorOps.allFinite(b)).isTrue();
        for (int at : new int[] {0, n / 2, n - 1}) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308}) {
                double[] gb = g.clone();
                gb[at] = bad;
                double[] xb = x.clone();
                xb[at] = bad == 1e308 ? -1e308 : x[at];
                assertThat(DenseKernels.SCALAR.step(xb, 10, gb, a)).isFalse();
                assertThat(DenseKernels.KERNELS.step(xb, 10, gb, b)).isFalse();
                assertThat(VectorOps.allFinite(b)).isFalse();
            }
        }
    }

    /**
     * Byte-coded rows (Fashion-MNIST's pixels) decode to the doubles a division gives, code / 255,
     * bit for bit: by both kernels (the vector ones on 8 lanes, with a tail), by a coded dataset's
     * gather and row copy, and for every one of the 256 codes; a coded dataset and the same values
     * as doubles give the same gradient and loss, bit for bit.
     */
    @ParameterizedTest
    @CsvSource({"784", "9", "5", "17"})
    void codedRowsDecodeToTheDividedValues(int d) {
        int n = 300;
        byte[] codes = new byte[n * d];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) (i * 7 + i / d);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (codes[i] & 0xff) / 255.0;
        }
        dev.asgd.training.data.DenseDataset coded = dev.asgd.training.data.DenseDataset.coded(codes, 255, y, d);
        dev.asgd.training.data.DenseDataset plain = new dev.asgd.training.data.DenseDataset(x, y, d);
        assertThat(coded.decodesByFma()).isTrue();
        double[] a = new double[d];
        double[] b = new double[d];
        for (int row = 0; row < n; row++) {
            DenseKernels.SCALAR.decode(codes, row * d, d, 255, a);
            DenseKernels.KERNELS.decode(codes, row * d, d, 255, b);
            assertThat(a).containsExactly(java.util.Arrays.copyOfRange(x, row * d, row * d + d));
            assertThat(b).containsExactly(a);
            coded.copyRow(row, b);
            assertThat(b).containsExactly(a);
        }
        int[] batch = {3, 299, 0, 17, 17, 150, 42};
        double[][] rows = DenseKernels.gather(new DenseKernels.Scratch(), coded, batch, 0, batch.length);
        for (int i = 0; i < batch.length; i++) {
            assertThat(java.util.Arrays.copyOf(rows[i], d))
                    .containsExactly(java.util.Arrays.copyOfRange(x, batch[i] * d, batch[i] * d + d));
        }
        SoftmaxRegression p = new SoftmaxRegression(d, 10, 0);
        double[] w = new double[p.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(i);
        }
        double[] g0 = new double[w.length];
        double[] g1 = new double[w.length];
        assertThat(p.gradient(w, coded, batch, g1)).isEqualTo(p.gradient(w, plain, batch, g0));
        assertThat(g1).containsExactly(g0);
        assertThat(p.loss(w, coded)).isEqualTo(p.loss(w, plain));
        assertThat(coded.select(batch).dot(1, w, 0)).isEqualTo(plain.select(batch).dot(1, w, 0));
        for (int c = 0; c < 256; c++) {
            assertThat(dev.asgd.training.data.DenseDataset.byFma(c, 255, 1 / 255.0)).isEqualTo(c / 255.0);
        }
    }

    private static double value(UniformRandomProvider rng) {
        return (rng.nextBoolean() ? 1 : -1) * Math.pow(10, 6 * rng.nextDouble() - 3);
    }

    /** The tests run with jdk.incubator.vector (asgd-training/pom.xml): on AVX-512 the vector kernels are used. */
    @Test
    void vectorKernelsAreUsedWhenTheModuleAndTheHardwareAreThere() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        Assumptions.assumeTrue(cpuHasAvx512());
        assertThat(DenseKernels.kind()).isEqualTo("vector");
        assertThat(Problems.denseKernels()).isEqualTo("vector");
    }

    private static boolean cpuHasAvx512() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo")).contains(" avx512f");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
