package dev.asgd.training.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.ArrayRealVector;

class ProblemsTest {
    /** The analytic gradient equals central finite differences of the full-batch loss (seeds 1..3). */
    @ParameterizedTest
    @CsvSource({"least-squares, synthetic:least-squares, 1", "logistic, synthetic:logistic, 2",
        "softmax, synthetic:softmax, 3", "least-squares, synthetic:least-squares, 4"})
    void gradientMatchesFiniteDifferences(String name, String data, long seed) {
        TrainTest t = DataSources.load(data + ",n=40,d=3,classes=3", 0, seed);
        double l2 = seed == 4 ? 0 : 0.1;
        Problem p = Problems.of(name, t.train(), l2);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] w = new double[p.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() - 0.5;
        }
        int n = t.train().size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] g = new double[w.length];
        double batchLoss = p.gradient(w, t.train(), all, g);
        assertThat(batchLoss + penalty(p, w)).isCloseTo(p.loss(w, t.train()), within(1e-12));
        for (int i = 0; i < w.length; i++) {
            double h = 1e-6;
            double[] a = w.clone();
            double[] b = w.clone();
            a[i] += h;
            b[i] -= h;
            double fd = (p.loss(a, t.train()) - p.loss(b, t.train())) / (2 * h);
            assertThat(g[i]).as("d/dw_%d of %s", i, name).isCloseTo(fd, within(1e-6));
        }
    }

    private static double penalty(Problem p, double[] w) {
        int d = p instanceof SoftmaxRegression s ? w.length / s.classes() - 1 : w.length - 1;
        return Problem.penalty(w, d, p.l2());
    }

    @Test
    void leastSquaresOptimumSolvesTheNormalEquations() {
        TrainTest t = DataSources.load("synthetic:least-squares,n=200,d=4", 0, 9);
        LeastSquares ls = new LeastSquares(4, 0.05);
        double[] x = ls.optimum(t.train());
        double[][] h = new double[5][5];
        double[] b = new double[5];
        Dataset d = t.train();
        double[] e = new double[5];
        double[] col = new double[5];
        for (int j = 0; j < 5; j++) {
            e[j] = 1;
            ls.hessianTimes(d, e, col);
            e[j] = 0;
            for (int i = 0; i < 5; i++) {
                h[i][j] = col[i];
            }
        }
        for (int i = 0; i < d.size(); i++) {
            d.addScaled(i, d.label(i) / d.size(), b, 0);
            b[4] += d.label(i) / d.size();
        }
        double[] ref = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver().solve(new ArrayRealVector(b)).toArray();
        for (int i = 0; i < 5; i++) {
            assertThat(x[i]).isCloseTo(ref[i], within(1e-10));
        }
    }

    @Test
    void lanczosFindsTheExtremeEigenvalues() {
        TrainTest t = DataSources.load("synthetic:least-squares,n=300,d=40", 0, 2);
        LeastSquares ls = new LeastSquares(40, 0.01);
        double[] exact = HessianSpectrum.of(ls, t.train(), 200, 0).eigenvalues();
        HessianSpectrum lz = HessianSpectrum.of(ls, t.train(), 10, 30);
        assertThat(lz.exact()).isFalse();
        double[] ritz = lz.eigenvalues();
        assertThat(ritz[ritz.length - 1]).isCloseTo(exact[exact.length - 1], within(1e-8 * exact[exact.length - 1]));
        assertThat(ritz[0]).isCloseTo(exact[0], within(1e-3 * exact[0]));
        assertThat(lz.omegas(1e-10)[0]).isCloseTo(Math.sqrt(ritz[0]), within(1e-15));
    }

    @Test
    void accuracyOfPerfectClassifiers() {
        TrainTest t = DataSources.load("synthetic:logistic,n=100,d=2", 0, 3);
        LogisticRegression lr = new LogisticRegression(2, 0);
        double acc = lr.accuracy(new double[] {0, 0, 1e-9}, t.train());
        long positives = 0;
        for (int i = 0; i < 100; i++) {
            positives += t.train().label(i) > 0 ? 1 : 0;
        }
        assertThat(acc).isEqualTo(positives / 100.0);
        assertThat(new LeastSquares(2, 0).accuracy(new double[3], t.train())).isNaN();
        assertThat(LogisticRegression.softplus(800)).isEqualTo(800);
        assertThat(LogisticRegression.sigmoid(-800)).isZero();
    }

    @Test
    void rejectsUnknownProblemsAndSoftmaxOnRealLabels() {
        TrainTest t = DataSources.load("synthetic:least-squares,n=10,d=2", 0, 3);
        assertThatThrownBy(() -> Problems.of("svm", t.train(), 0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Problems.of("softmax", t.train(), 0)).hasMessageContaining("class labels");
        assertThatThrownBy(() -> new LeastSquares(2, -1)).isInstanceOf(InvalidParameterException.class);
    }
}
