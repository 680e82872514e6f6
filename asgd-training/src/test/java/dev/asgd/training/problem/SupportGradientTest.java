package dev.asgd.training.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.SparseDataset;
import dev.asgd.training.data.TrainTest;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportGradientTest {
    /**
     * On sparse rows the support gradient has the bits of the dense gradient at every coordinate
     * of the minibatch's support and the intercept, and the dense gradient is exactly 0 elsewhere;
     * the losses are equal too. Minibatches with repeated rows, 20 of them, one support object
     * reused (its clearing is tested too).
     */
    @ParameterizedTest
    @CsvSource({"logistic, sparse-logistic, 1", "least-squares, sparse-least-squares, 2", "logistic, sparse-logistic, 3"})
    void equalsTheDenseGradientOnTheSupport(String name, String kind, long seed) {
        TrainTest t = DataSources.load("synthetic:" + kind + ",n=300,d=500,density=0.02", 0, seed);
        SparseDataset data = (SparseDataset) t.train();
        Problem p = Problems.of(name, data, 0);
        assertThat(p.hasSupportGradient()).isTrue();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] w = new double[p.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() - 0.5;
        }
        SparseSupport support = new SparseSupport(data.features());
        double[] dense = new double[w.length];
        double[] read = new double[1];
        double[] g = new double[1];
        for (int round = 0; round < 20; round++) {
            int[] batch = new int[1 + round % 9];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = i > 0 && round % 3 == 0 ? batch[0] : rng.nextInt(data.size());
            }
            int m = support.collect(data, batch);
            Set<Integer> expected = new HashSet<>();
            for (int row : batch) {
                for (int k = data.rowStart(row); k < data.rowEnd(row); k++) {
                    expected.add(data.indexAt(k));
                }
            }
            assertThat(m).isEqualTo(expected.size()).isEqualTo(support.size());
            read = new double[m + 1];
            g = new double[m + 2];
            g[m + 1] = 42;
            for (int i = 0; i < m; i++) {
                assertThat(expected).contains(support.coordinate(i));
                assertThat(support.slot(support.coordinate(i))).isEqualTo(i);
                read[i] = w[support.coordinate(i)];
            }
            read[m] = w[data.features()];
            double sparseLoss = p.supportGradient(read, data, batch, support, g);
            double denseLoss = p.gradient(w, data, batch, dense);
            assertThat(sparseLoss).isEqualTo(denseLoss);
            assertThat(g[m + 1]).as("beyond the support's layout").isEqualTo(42);
            for (int j = 0; j < data.features(); j++) {
                int slot = support.slot(j);
                assertThat(slot >= 0).isEqualTo(expected.contains(j));
                assertThat(dense[j]).as("coordinate %d", j).isEqualTo(slot >= 0 ? g[slot] : 0.0);
            }
            assertThat(dense[data.features()]).isEqualTo(g[m]);
        }
    }

    @Test
    void onlyWithoutAPenaltyAndForOneOutput() {
        TrainTest t = DataSources.load("synthetic:sparse-logistic,n=50,d=100,density=0.05", 0, 1);
        SparseDataset data = (SparseDataset) t.train();
        SparseSupport support = new SparseSupport(data.features());
        support.collect(data, new int[] {0});
        double[] w = new double[support.size() + 1];
        double[] g = new double[w.length];
        for (Problem p : new Problem[] {new LogisticRegression(100, 0.1), new LeastSquares(100, 0.1)}) {
            assertThat(p.hasSupportGradient()).isFalse();
            assertThatThrownBy(() -> p.supportGradient(w, data, new int[] {0}, support, g))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("L2");
        }
        Problem soft = new SoftmaxRegression(100, 3, 0);
        assertThat(soft.hasSupportGradient()).isFalse();
        assertThatThrownBy(() -> soft.supportGradient(w, data, new int[] {0}, support, g))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("softmax");
        assertThatThrownBy(() -> new SparseSupport(0)).hasMessageContaining("features");
        assertThat(support.slot(99) == -1 || support.coordinate(support.slot(99)) == 99).isTrue();
    }

    /** Sparse logistic scores each row once for loss and accuracy: the bits of the two separate passes. */
    @Test
    void logisticLossAndAccuracyInOnePass() {
        TrainTest t = DataSources.load("synthetic:sparse-logistic,n=400,d=300,density=0.02", 0, 6);
        for (double l2 : new double[] {0, 0.1}) {
            Problem p = new LogisticRegression(300, l2);
            double[] w = t.trueWeights();
            assertThat(p.lossAndAccuracy(w, t.train())).containsExactly(p.loss(w, t.train()), p.accuracy(w, t.train()));
        }
        TrainTest dense = DataSources.load("synthetic:logistic,n=100,d=3", 0, 6);
        Problem p = new LogisticRegression(3, 0);
        double[] w = dense.trueWeights();
        assertThat(p.lossAndAccuracy(w, dense.train())).containsExactly(p.loss(w, dense.train()),
                p.accuracy(w, dense.train()));
    }
}
