package dev.asgd.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared dot product: its value and its summation order. */
class VectorsTest {

    @Test
    void dotSumsProductsInOrder() {
        assertThat(Vectors.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isEqualTo(32);
        assertThat(Vectors.dot(new double[0], new double[0])).isZero();
        // left to right: (1e16 + 1) + (-1e16) = 0 in double, not 1
        assertThat(Vectors.dot(new double[] {1e16, 1, -1e16}, new double[] {1, 1, 1})).isZero();
        // only the entries of the first vector count
        assertThat(Vectors.dot(new double[] {2}, new double[] {3, 100})).isEqualTo(6);
    }

    @Test
    void minAndMaxScanEveryEntry() {
        assertThat(Vectors.min(new double[] {3, -1, 2})).isEqualTo(-1);
        assertThat(Vectors.max(new double[] {3, -1, 2})).isEqualTo(3);
        assertThat(Vectors.min(new double[0])).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Vectors.max(new double[0])).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
