package dev.asgd.training.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.SparseDataset;
import dev.asgd.training.data.SyntheticData;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.run.ProblemChoice;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic sparse data sets: their density, layout and generating optimum. */
class SparseSyntheticTest {
    /** Every row stores round(density d) entries at distinct increasing positions; labels are 0/1. */
    @Test
    void rowsHaveTheDensityAskedFor() {
        TrainTest t = DataSources.load("synthetic:sparse-logistic,n=2000,d=20000,density=0.002,seed=3", 0.25, 1);
        SparseDataset train = (SparseDataset) t.train();
        assertThat(train.size()).isEqualTo(1500);
        assertThat(t.test().size()).isEqualTo(500);
        assertThat(train.features()).isEqualTo(20_000);
        assertThat(train.dense()).isFalse();
        assertThat(train.storedEntries()).isEqualTo(1500 * 40);
        assertThat(train.storedEntries() / (1500.0 * 20_000)).isEqualTo(0.002, within(1e-12));
        int[] perColumn = new int[train.features()];
        for (int i = 0; i < train.size(); i++) {
            assertThat(train.rowEnd(i) - train.rowStart(i)).isEqualTo(40);
            for (int k = train.rowStart(i) + 1; k < train.rowEnd(i); k++) {
                assertThat(train.indexAt(k)).isGreaterThan(train.indexAt(k - 1));
            }
            for (int k = train.rowStart(i); k < train.rowEnd(i); k++) {
                perColumn[train.indexAt(k)]++;
            }
            assertThat(train.label(i)).isIn(0.0, 1.0);
        }
        // uniform positions: 3 entries per column on average, none with more than 20
        assertThat(java.util.Arrays.stream(perColumn).max().getAsInt()).isLessThan(20);
        assertThat(t.trueWeights()).hasSize(20_001);
        assertThat(t.trueWeights()[20_000]).isEqualTo(0.5);
        assertThat(SyntheticData.nonZerosPerRow(100, 0.001)).isEqualTo(1);
        assertThat(SyntheticData.nonZerosPerRow(100, 1)).isEqualTo(100);
        assertThat(ProblemChoice.defaultProblem("synthetic:sparse-logistic,n=5", train)).isEqualTo("logistic");
        assertThat(ProblemChoice.defaultProblem("synthetic:sparse-least-squares", train)).isEqualTo("least-squares");
        TrainTest same = DataSources.load("synthetic:sparse-logistic,n=2000,d=20000,density=0.002,seed=3", 0.25, 9);
        assertThat(same.trueWeights()).containsExactly(t.trueWeights());
    }

    /** Least squares: the empirical optimum (CG) recovers the generating weights to the noise's precision. */
    @Test
    void leastSquaresOptimumIsTheGeneratingWeights() {
        TrainTest t = DataSources.load("synthetic:sparse-least-squares,n=10000,d=200,density=0.05,noise=0.1", 0, 2);
        LeastSquares p = new LeastSquares(200, 0);
        double[] opt = p.optimum(t.train());
        double[] w = t.trueWeights();
        double err = 0;
        double norm = 0;
        for (int j = 0; j < w.length; j++) {
            // each weight is seen in ~500 rows with N(0, 1) values: standard error 0.1 / sqrt(500) = 0.0045
            assertThat(opt[j]).as("weight %d", j).isCloseTo(w[j], within(0.03));
            err += (opt[j] - w[j]) * (opt[j] - w[j]);
            norm += w[j] * w[j];
        }
        assertThat(Math.sqrt(err / norm)).isLessThan(0.03);
        // the residual at the optimum is the label noise: loss ~ noise^2 / 2
        assertThat(p.loss(opt, t.train())).isCloseTo(0.005, within(0.001));
    }

    /** Logistic: the generating weights fit the labels far better than any intercept-only model. */
    @Test
    void logisticGeneratingWeightsFitTheLabels() {
        TrainTest t = DataSources.load("synthetic:sparse-logistic,n=4000,d=1000,density=0.01", 0, 4);
        LogisticRegression p = new LogisticRegression(1000, 0);
        double atTruth = p.loss(t.trueWeights(), t.train());
        double[] zero = new double[1001];
        assertThat(p.loss(zero, t.train())).isCloseTo(Math.log(2), within(1e-12));
        // scores x . w* + 0.5 ~ N(0.5, 9): the Bayes loss is about 0.35, the Bayes accuracy about 0.83
        assertThat(atTruth).isBetween(0.25, 0.45);
        assertThat(p.accuracy(t.trueWeights(), t.train())).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic:sparse-logistic,density=0", "synthetic:sparse-logistic,density=1.5",
        "synthetic:sparse-logistic,density=x", "synthetic:sparse-least-squares,classes=3,density=0.1,foo=2",
        "synthetic:logistic,density=0.1"})
    void rejectsBadSpecs(String spec) {
        assertThatThrownBy(() -> DataSources.load(spec, 0, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("data");
    }

    @Test
    void generatorsRefuseTheOtherKinds() {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThatThrownBy(() -> SyntheticData.generateSparse(SyntheticData.Kind.LOGISTIC, 10, 10, 0.1, 1, rng))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SyntheticData.generate(SyntheticData.Kind.SPARSE_LOGISTIC, 10, 10, 0, 1, rng))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SyntheticData.generateSparse(SyntheticData.Kind.SPARSE_LOGISTIC, 10, 10, 0, 1, rng))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("density");
        assertThat(SyntheticData.Kind.SPARSE_LEAST_SQUARES.sparse()).isTrue();
        assertThat(SyntheticData.Kind.SOFTMAX.sparse()).isFalse();
    }
}
