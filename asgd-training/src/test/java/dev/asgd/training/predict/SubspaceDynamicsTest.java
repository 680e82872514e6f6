package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.LogisticRegression;
import dev.asgd.training.problem.SoftmaxRegression;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The dynamics in the model's directions: its loss and gradient against the problem's own, its
 * stationary loss at a small rate against the exact quadratic model's, and its late-loss edge.
 */
class SubspaceDynamicsTest {
    private static final StalenessLaw LAW = StalenessLaw.of(new long[] {30, 50, 20});

    /** Softmax in 16 directions: loss(z) is the problem's loss at theta* + U z (1e-10), and at theta = 0 ln 4. */
    @Test
    void itsLossIsTheProblemsOnTheDirections() {
        TrainTest d = DataSources.load("synthetic:softmax,n=2000,d=6,classes=4,seed=2", 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(6, 4, 0.01);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, d.train(), d.train(), 16);
        SubspaceDynamics dyn = SubspaceDynamics.of(s, t, d.train(), d.train(), 16, 0);
        assertThat(dyn.dimension()).isEqualTo(16);
        double[][] u = t.directions();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {7, 0});
        for (int trial = 0; trial < 5; trial++) {
            double[] z = new double[16];
            double[] theta = t.thetaStar();
            for (int a = 0; a < 16; a++) {
                z[a] = rng.nextDouble(-2, 2);
                for (int j = 0; j < theta.length; j++) {
                    theta[j] += z[a] * u[a][j];
                }
            }
            double expected = s.loss(theta, d.train());
            assertThat(dyn.loss(z)).isCloseTo(expected, within(1e-10 * expected));
        }
        assertThat(dyn.initialLoss()).isCloseTo(Math.log(4), within(1e-12));
        // the start is theta = 0 projected: U^T (0 - theta*)
        double[] z0 = dyn.start();
        double[] star = t.thetaStar();
        for (int a = 0; a < 16; a++) {
            assertThat(z0[a]).isCloseTo(-SubspaceModel.dot(u[a], star), within(1e-12));
        }
    }

    /** The mean gradient is the derivative of the loss (central differences, step 1e-5, within 1e-7). */
    @Test
    void itsGradientIsTheLossesDerivative() {
        TrainTest d = DataSources.load("synthetic:softmax,n=1500,d=5,classes=3,seed=4", 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(5, 3, 0.05);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, d.train(), d.train(), 8);
        SubspaceDynamics dyn = SubspaceDynamics.of(s, t, d.train(), d.train(), 8, 4);
        int k = dyn.dimension();
        double[] z = new double[k];
        for (int a = 0; a < k; a++) {
            z[a] = 0.3 * Math.sin(1 + a);
        }
        double[] g = dyn.meanGradient(z);
        double h = 1e-5;
        for (int a = 0; a < k; a++) {
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[a] += h;
            zm[a] -= h;
            assertThat(g[a]).isCloseTo((dyn.loss(zp) - dyn.loss(zm)) / (2 * h), within(1e-7));
        }
    }

    /**
     * Logistic regression with 6 parameters (every direction, the exact model): at 3 % of the
     * mean-square edge the dynamics' stationary excess loss is the quadratic model's. 24 seeds of
     * 6000 updates from theta*, each averaged over its second half; the mean over seeds must lie
     * within 4 standard errors plus 10 % (the loss's higher-order terms) of the prediction. Seeds
     * fixed: deterministic; the 4-standard-error band alone would fail about 1 in 15,000 draws.
     */
    @Test
    void atASmallRateItSettlesAtTheQuadraticModelsStationaryExcess() {
        TrainTest d = DataSources.load("synthetic:logistic,n=2500,d=5,seed=6", 0.2, 1);
        LogisticRegression lr = new LogisticRegression(5, 1e-3);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(lr, d.train(), d.train(), 4);
        assertThat(t.subspace()).isFalse();
        SubspaceDynamics dyn = SubspaceDynamics.of(lr, t, d.train(), d.train(), 4, 0);
        assertThat(dyn.dimension()).isEqualTo(6);
        double eta = 0.03 * t.rates(LAW).meanSquareEdge();
        double predicted = t.stationaryExcess(eta, LAW);
        double[] excess = stationaryExcess(dyn, eta, t.lossStar());
        double mean = excess[0];
        double se = excess[1];
        assertThat(mean).isCloseTo(predicted, within(4 * se + 0.1 * predicted));
        assertThat(se).isLessThan(0.1 * predicted);
    }

    /**
     * Softmax at 3 times the quadratic model's mean-square edge: the exact loss's bounded gradients
     * cap the excursions (the quadratic model's excess is infinite there); the late-loss edge is a
     * bracket of a stable and an unstable rate within the tolerance.
     */
    @Test
    void boundedGradientsCapTheLossAboveTheQuadraticEdge() {
        TrainTest d = DataSources.load("synthetic:softmax,n=2000,d=6,classes=4,seed=2", 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(6, 4, 0.01);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, d.train(), d.train(), 16);
        SubspaceDynamics dyn = SubspaceDynamics.of(s, t, d.train(), d.train(), 16, 0);
        double e = t.rates(LAW).meanSquareEdge();
        assertThat(t.stationaryExcess(3 * e, LAW)).isInfinite();
        double[] curve = dyn.lossCurve(3 * e, LAW, dyn.start(), 1000, 50, 1);
        for (double v : curve) {
            assertThat(v).isFinite();
        }
        double[] edge = dyn.lateLossEdge(LAW, e, 1000, 20, 3, 0.05);
        assertThat(edge[0]).isPositive();
        assertThat(edge[1] / edge[0]).isBetween(1.0, 1.05);
        assertThat(dyn.unstable(edge[0], LAW, 1000, 20, 3)).isFalse();
        assertThat(dyn.unstable(edge[1], LAW, 1000, 20, 3)).isTrue();
    }

    /**
     * A given staleness sequence: all zeros is the law of point mass at 0 (same rows stream, same
     * curve bit for bit); a constant lag of 2 is the law of point mass at 2.
     */
    @Test
    void aGivenSequenceIsTheLawItRepeats() {
        TrainTest d = DataSources.load("synthetic:softmax,n=1500,d=5,classes=3,seed=4", 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(5, 3, 0.05);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, d.train(), d.train(), 8);
        SubspaceDynamics dyn = SubspaceDynamics.of(s, t, d.train(), d.train(), 8, 0);
        double eta = 0.3 * t.rates(StalenessLaw.of(new long[] {1})).meanSquareEdge();
        double[] z0 = dyn.start();
        assertThat(dyn.lossCurve(eta, new int[] {0}, z0, 300, 10, 5))
                .containsExactly(dyn.lossCurve(eta, StalenessLaw.of(new long[] {1}), z0, 300, 10, 5));
        assertThat(dyn.lossCurve(eta, new int[] {2, 2, 2}, z0, 300, 10, 5))
                .containsExactly(dyn.lossCurve(eta, StalenessLaw.of(new long[] {0, 0, 1}), z0, 300, 10, 5));
    }

    /** The late median takes the points of the second half of the run, as the sweep's criterion. */
    @Test
    void theLateMedianIsOverTheSecondHalf() {
        assertThat(SubspaceDynamics.lateMedian(new double[] {9, 9, 9, 1, 2, 3}, 20, 100)).isEqualTo(2);
        assertThat(SubspaceDynamics.lateMedian(new double[] {9, 9, 1, 3}, 40, 100)).isEqualTo(2);
    }

    /**
     * The floor added for the directions the dynamics does not follow counts only their noise: the
     * minibatch noise trace outside all of U, computed here independently from the problem's own
     * per-sample gradients (one row each) on the same rows, projected onto U (relative 1e-8). Softmax
     * d = 10, 4 classes: 16 kept directions and 16 curvature directions of the 33 off the shift, so
     * the model's bulk noise (outside the 16 kept ones) is several times what is left.
     */
    @Test
    void itsFloorCountsOnlyTheNoiseOutsideItsDirections() {
        TrainTest d = DataSources.load("synthetic:softmax,n=3000,d=10,classes=4,seed=1", 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(10, 4, 0);
        int batch = 16;
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, d.train(), d.train(), batch);
        SubspaceDynamics dyn = SubspaceDynamics.of(s, t, d.train(), d.train(), batch);
        assertThat(dyn.dimension()).isGreaterThan(t.directions().length);
        double[][] u = dyn.directions();
        int n = d.train().size();
        int p = s.dimension();
        double[] theta = t.thetaStar();
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            s.gradient(theta, d.train(), new int[] {i}, c[i]);
        }
        double total = 0;
        for (int j = 0; j < p; j++) {
            int col = j;
            total += variance(c, row -> row[col]);
        }
        double inside = 0;
        for (double[] dir : u) {
            inside += variance(c, row -> SubspaceModel.dot(dir, row));
        }
        double outside = (total - inside) / batch;
        assertThat(dyn.bulkNoise()).isCloseTo(outside, within(1e-8 * total / batch));
        assertThat(t.bulkNoise()).isGreaterThan(2 * outside);
        assertThat(dyn.bulkFloor(0.4)).isCloseTo(0.1 * outside, within(1e-8 * total / batch));
    }

    private static double variance(double[][] rows, java.util.function.ToDoubleFunction<double[]> f) {
        double mean = 0;
        for (double[] r : rows) {
            mean += f.applyAsDouble(r) / rows.length;
        }
        double v = 0;
        for (double[] r : rows) {
            double e = f.applyAsDouble(r) - mean;
            v += e * e / rows.length;
        }
        return v;
    }

    /**
     * Minibatches from a tenth of the training rows (200 of 2000; the property the experiments use)
     * have their own optimum, not theta*: centred, the dynamics still settles at the quadratic
     * model's stationary excess of all the rows (logistic d = 5, 3 % of E; 24 seeds; 4 standard
     * errors plus 15 %, the 200 rows' own curvature and noise). Uncentred, the iterate sits at the
     * 200 rows' optimum and the excess is 2.2 times the prediction (0.0093 against 0.0042; checked by
     * removing the centring).
     */
    @Test
    void minibatchesFromFewerRowsAreCentredAtTheta() {
        TrainTest d = DataSources.load("synthetic:logistic,n=2500,d=5,seed=6", 0.2, 1);
        LogisticRegression lr = new LogisticRegression(5, 1e-3);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(lr, d.train(), d.train(), 4);
        SubspaceDynamics dyn;
        System.setProperty(SubspaceDynamics.ROWS_PROPERTY, "200");
        try {
            dyn = SubspaceDynamics.of(lr, t, d.train(), d.train(), 4, 0);
        } finally {
            System.clearProperty(SubspaceDynamics.ROWS_PROPERTY);
        }
        double eta = 0.03 * t.rates(LAW).meanSquareEdge();
        double predicted = t.stationaryExcess(eta, LAW);
        double[] excess = stationaryExcess(dyn, eta, t.lossStar());
        double mean = excess[0];
        double se = excess[1];
        assertThat(mean).isCloseTo(predicted, within(4 * se + 0.15 * predicted));
    }

    /**
     * The stationary excess loss of the dynamics from theta* (z = 0, 6 coordinates): 24 seeds of 6000
     * updates, each averaged over its second half.
     *
     * @return the mean over seeds and its standard error
     */
    private static double[] stationaryExcess(SubspaceDynamics dyn, double eta, double lossStar) {
        int seeds = 24;
        double[] means = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            double[] curve = dyn.lossCurve(eta, LAW, new double[6], 6000, 10, seed);
            means[seed] = Arrays.stream(curve, curve.length / 2, curve.length).average().orElseThrow() - lossStar;
        }
        double mean = Arrays.stream(means).average().orElseThrow();
        double var = Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (seeds - 1);
        return new double[] {mean, Math.sqrt(var / seeds)};
    }
}
