package dev.asgd.training.finitesum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.training.data.DenseDataset;
import org.junit.jupiter.api.Test;

class FiniteSumDataTest {
    @Test
    void everyRowIsAComponent() {
        // rows (1, 0), (0, 2), (1, 1) with labels 1, 2, 3 (row-major)
        DenseDataset data = new DenseDataset(new double[] {1, 0, 0, 2, 1, 1}, new double[] {1, 2, 3}, 2);
        FiniteSumLeastSquares f = FiniteSumData.leastSquares(data);
        assertThat(f.size()).isEqualTo(3);
        assertThat(f.dimension()).isEqualTo(2);
        // H = A^T A / n = [[2, 1], [1, 5]] / 3
        assertThat(f.hessian()[0]).containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(1e-15));
        assertThat(f.hessian()[1]).containsExactly(new double[] {1.0 / 3, 5.0 / 3}, within(1e-15));
        // f(0) = (1 + 4 + 9) / (2 n)
        assertThat(f.value(new double[2])).isCloseTo(14.0 / 6, within(1e-15));
    }
}
