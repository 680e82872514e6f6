package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.LogisticRegression;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The local quadratic model of logistic regression at theta* against the problem itself: its
 * Hessian against finite differences of the exact gradient, its minibatch noise covariance against
 * a Monte Carlo of minibatch gradients, and its late-phase decay against a seeded SGD run started
 * close to theta*.
 */
class LocalQuadraticTheoryTest {
    private static final String DATA = "synthetic:logistic,n=3000,d=6,seed=3";
    private static final TrainTest TT = DataSources.load(DATA, 0.2, 1);
    private static final LogisticRegression LOGISTIC = new LogisticRegression(6, 1e-3);

    private static int[] all(Dataset d) {
        return IntStream.range(0, d.size()).toArray();
    }

    @Test
    void newtonReachesTheOptimumToGradientNorm1e12() {
        double[] theta = LOGISTIC.optimum(TT.train());
        double[] g = new double[theta.length];
        LOGISTIC.gradient(theta, TT.train(), all(TT.train()), g);
        double norm = Math.sqrt(java.util.Arrays.stream(g).map(x -> x * x).sum());
        assertThat(norm).isLessThanOrEqualTo(1e-12);
    }

    /**
     * H_e (the mean of r_i r_i^T + D over the evaluation rows) against central differences of the
     * exact full gradient at theta* with step 1e-5: truncation O(h^2 |f'''|) ~ 1e-10 and rounding
     * ~ 1e-16 / 1e-5 = 1e-11, so 1e-7 of the largest entry is a safe bound.
     */
    @Test
    void theLocalHessianIsTheExactHessianAtTheOptimum() {
        Dataset train = TT.train();
        LocalQuadraticTheory t = LocalQuadraticTheory.of(LOGISTIC, train, train, 8);
        double[] theta = t.thetaStar();
        int p = theta.length;
        double[] h = t.evalHessian();
        double[] model = t.model().hessian();
        double max = 0;
        for (double v : h) {
            max = Math.max(max, Math.abs(v));
        }
        double step = 1e-5;
        double[] gp = new double[p];
        double[] gm = new double[p];
        for (int b = 0; b < p; b++) {
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[b] += step;
            dn[b] -= step;
            LOGISTIC.gradient(up, train, all(train), gp);
            LOGISTIC.gradient(dn, train, all(train), gm);
            for (int a = 0; a < p; a++) {
                double fd = (gp[a] - gm[a]) / (2 * step);
                assertThat(h[a * p + b]).as("H[%d][%d]", a, b).isCloseTo(fd, within(1e-7 * max));
                // the sampled model's Hessian is the same matrix (the same rows here)
                assertThat(model[a * p + b]).isCloseTo(h[a * p + b], within(1e-12 * max));
            }
        }
        assertThat(t.exact()).isFalse();
        assertThat(t.phase()).isEqualTo(LocalQuadraticTheory.PHASE);
        assertThat(t.lossStar()).isCloseTo(LOGISTIC.loss(theta, train), within(1e-15));
    }

    /**
     * Cov(c_B) = Cov(c_i) / B against the sample covariance of N = 20000 minibatch gradients at
     * theta* (B = 8 rows drawn uniformly with replacement, a seeded stream). The Frobenius relative
     * error of a sample covariance of N draws has a standard deviation of about sqrt(2 / N) times a
     * kurtosis factor (here below 3): about 0.03, so the bound 0.15 is 5 standard deviations (a false
     * failure rate below 1e-6 over seeds; the seed is fixed).
     */
    @Test
    void theNoiseCovarianceIsThatOfMinibatchGradientsAtTheOptimum() {
        Dataset train = TT.train();
        int batch = 8;
        LocalQuadraticTheory t = LocalQuadraticTheory.of(LOGISTIC, train, train, batch);
        double[] theta = t.thetaStar();
        int p = theta.length;
        double[] c = t.noiseCovariance();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {17, 4});
        int draws = 20_000;
        double[] mean = new double[p];
        double[] second = new double[p * p];
        double[] g = new double[p];
        int[] rows = new int[batch];
        for (int k = 0; k < draws; k++) {
            for (int j = 0; j < batch; j++) {
                rows[j] = rng.nextInt(train.size());
            }
            LOGISTIC.gradient(theta, train, rows, g);
            for (int a = 0; a < p; a++) {
                mean[a] += g[a] / draws;
                for (int b = 0; b < p; b++) {
                    second[a * p + b] += g[a] * g[b] / draws;
                }
            }
        }
        double diff = 0;
        double norm = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double mc = second[a * p + b] - mean[a] * mean[b];
                diff += (mc - c[a * p + b]) * (mc - c[a * p + b]);
                norm += c[a * p + b] * c[a * p + b];
            }
        }
        assertThat(Math.sqrt(diff / norm)).isLessThan(0.15);
    }

    /**
     * The late phase: SGD (one worker, no staleness) with the problem's own minibatch gradients from
     * theta* + 0.5 v (v the Hessian's slowest eigenvector, the direction that is left in the late
     * phase), eta 0.005 and B = 8 over 100000 updates, one seeded stream. The loss starts a few
     * 30 times above its stationary floor (0.003 above f*, the floor 1e-4), where the curvature
     * is nearly the one at theta*; core's DecayFit of f - f* (as {@code asgd train} measures it) is
     * compared with the local model's -ln rho_ms. Over streams (seed, 9), seed = 1..10, the ratio
     * measured / predicted was 0.91 to 1.29 (median 1.15; the 95 % interval contains 1 for 7 of the
     * 10): the measured late decay is slightly faster, the rest of the nonlinearity. Asserted for
     * seed 5 (1.08 [0.84, 1.33]): between 0.8 and 1.35.
     */
    @Test
    void theLatePhaseDecaysAtTheLocalModelsRate() {
        Dataset train = TT.train();
        int batch = 8;
        double eta = 0.005;
        LocalQuadraticTheory t = LocalQuadraticTheory.of(LOGISTIC, train, train, batch);
        StalenessLaw none = StalenessLaw.of(new long[] {1});
        double predicted = -Math.log(t.rates(none).meanSquareContraction(eta));
        double[] theta = t.thetaStar();
        int p = theta.length;
        double[] v = slowest(t.model().hessian(), p);
        double[] w = theta.clone();
        for (int a = 0; a < p; a++) {
            w[a] += 0.5 * v[a];
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {5, 9});
        List<MetricPoint> series = new ArrayList<>();
        double[] g = new double[p];
        int[] rows = new int[batch];
        int updates = 100_000;
        for (int k = 0; k <= updates; k++) {
            if (k % 250 == 0) {
                series.add(new MetricPoint(k, 0, LOGISTIC.loss(w, train), Double.NaN, Double.NaN, 0));
            }
            for (int j = 0; j < batch; j++) {
                rows[j] = rng.nextInt(train.size());
            }
            LOGISTIC.gradient(w, train, rows, g);
            for (int a = 0; a < p; a++) {
                w[a] -= eta * g[a];
            }
        }
        DecayFit measured = MeasuredDecay.of(series, t.lossStar());
        assertThat(series.get(0).trainLoss() - t.lossStar()).isLessThan(0.003);
        assertThat(measured.rate() / predicted).as("measured %s, predicted %s", measured, predicted).isBetween(0.8, 1.35);
    }

    /** The unit eigenvector of the smallest eigenvalue of a symmetric p x p matrix (Hipparchus). */
    private static double[] slowest(double[] h, int p) {
        double[][] m = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                m[a][b] = h[a * p + b];
            }
        }
        var e = new org.hipparchus.linear.EigenDecompositionSymmetric(new org.hipparchus.linear.Array2DRowRealMatrix(m));
        double[] ev = e.getEigenvalues();
        int min = 0;
        for (int i = 1; i < p; i++) {
            if (ev[i] < ev[min]) {
                min = i;
            }
        }
        return e.getEigenvector(min).toArray();
    }

    @Test
    void leastSquaresIsItsOwnLocalModel() {
        TrainTest d = DataSources.load("synthetic:least-squares,n=1000,d=3,seed=2", 0.2, 1);
        LeastSquares ls = new LeastSquares(3, 0);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(ls, d.train(), d.train(), 4);
        assertThat(t.exact()).isTrue();
        assertThat(t.phase()).isNull();
        assertThat(t.noiseCovariance()).hasSize(16);
    }

    /** More than 39 features: the model in the top Hessian eigendirections (it used to be refused). */
    @Test
    void moreThan39FeaturesGetTheSubspaceModel() {
        TrainTest d = DataSources.load("synthetic:logistic,n=200,d=40,seed=2", 0.2, 1);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(new LogisticRegression(40, 0.1), d.train(), d.train(), 4);
        assertThat(t.subspace()).isTrue();
        assertThat(t.modelDimension()).isEqualTo(16);
        assertThat(t.phase()).contains("top 16 Hessian eigendirections");
    }

    /** Separable classes have no optimum without a penalty: Newton's method says so and names --l2. */
    @Test
    void separableDataWithoutAPenaltyHaveNoOptimum() {
        double[] x = {-2, -1, 1, 2};
        double[] y = {0, 0, 1, 1};
        DenseDataset sep = new DenseDataset(x, y, 1);
        assertThatThrownBy(() -> new LogisticRegression(1, 0).optimum(sep)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("l2");
        double[] theta = new LogisticRegression(1, 0.1).optimum(sep);
        assertThat(theta[0]).isPositive();
    }
}
