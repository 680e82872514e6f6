package dev.asgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.SparseDataset;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.LogisticRegression;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SoftmaxRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces that need no SparkContext: shards, problem specs, failure injection. */
class UnitsTest {
    private static Dataset dense() {
        double[] x = new double[7 * 3];
        double[] y = new double[7];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 4 == 0 ? 0 : i * 0.5 - 3;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        return new DenseDataset(x, y, 3);
    }

    private static Dataset sparse() {
        return new SparseDataset(new int[] {0, 2, 2, 3, 5}, new int[] {0, 3, 1, 2, 3}, new double[] {1, -2, 3, 4, 5},
                new double[] {1, 0, 1, 1}, 4);
    }

    /** Shard p of P holds rows p, p + P, ... of the training set, bit for bit, dense or sparse. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shardsHoldTheStridedRowsExactly(int parts) {
        for (Dataset all : new Dataset[] {dense(), sparse()}) {
            Shard[] shards = Shard.split(all, parts);
            int rows = 0;
            for (int p = 0; p < parts; p++) {
                Dataset s = shards[p].dataset();
                assertThat(s.dense()).isEqualTo(all.dense());
                for (int r = 0; r < s.size(); r++) {
                    int i = p + r * parts;
                    assertThat(s.label(r)).isEqualTo(all.label(i));
                    for (int j = 0; j < all.features(); j++) {
                        double[] e = new double[all.features()];
                        e[j] = 1;
                        assertThat(s.dot(r, e, 0)).as("row %d feature %d", i, j).isEqualTo(all.dot(i, e, 0));
                    }
                }
                rows += shards[p].size();
            }
            assertThat(rows).isEqualTo(all.size());
        }
    }

    @Test
    void moreShardsThanRowsIsRejected() {
        assertThatThrownBy(() -> Shard.split(sparse(), 5)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("workers");
    }

    @Test
    void problemSpecsRebuildTheSameProblem() {
        for (Problem p : new Problem[] {new LeastSquares(3, 0.1), new LogisticRegression(3, 0), new SoftmaxRegression(3, 4, 0.2)}) {
            ProblemSpec spec = ProblemSpec.of(p, 3);
            Problem q = spec.create();
            assertThat(q.name()).isEqualTo(p.name());
            assertThat(q.dimension()).isEqualTo(p.dimension());
            assertThat(q.l2()).isEqualTo(p.l2());
        }
        assertThatThrownBy(() -> new ProblemSpec("svm", 3, 0, 0).create()).isInstanceOf(InvalidParameterException.class);
    }

    /**
     * First attempts fail with probability p, retries never: over 20000 (partition, step) pairs at
     * p = 0.3 the failure count is within 5 standard errors (sd = 64.8) of 6000. The hash is a
     * fixed function of seed 11, so the test is deterministic; for a random seed the false-failure
     * rate would be 6e-7.
     */
    @Test
    void injectedFailuresHitFirstAttemptsWithTheirProbability() {
        int n = 0;
        for (int part = 0; part < 4; part++) {
            for (long step = 0; step < 5000; step++) {
                if (InjectedTaskFailure.fails(11, part, step, 0, 0.3)) {
                    n++;
                }
                assertThat(InjectedTaskFailure.fails(11, part, step, 1, 0.3)).isFalse();
                assertThat(InjectedTaskFailure.fails(11, part, step, 0, 0)).isFalse();
            }
        }
        assertThat((double) n).as("failures of 20000 first attempts at p 0.3, seed 11").isBetween(6000 - 5 * 64.8, 6000 + 5 * 64.8);
        assertThat(InjectedTaskFailure.fails(11, 0, 7, 0, 0.3)).isEqualTo(InjectedTaskFailure.fails(11, 0, 7, 0, 0.3));
        assertThat(new InjectedTaskFailure(1, 2, 0).getMessage()).isEqualTo("injected failure of partition 1 step 2 attempt 0");
    }

    /** The embedded master leaves a slot for the evaluation jobs when the workers would take every core. */
    @Test
    void theEmbeddedMasterHasASlotBesideTheWorkers() {
        assertThat(SparkLease.embeddedMaster(0, false, 2)).isEqualTo("local[*]");
        assertThat(SparkLease.embeddedMaster(2, true, 2)).isEqualTo("local[*,4]");
        assertThat(SparkLease.embeddedMaster(3, false, 2)).isEqualTo("local[3]");
        assertThat(SparkLease.embeddedMaster(5, true, 4)).isEqualTo("local[5,4]");
    }
}
