package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.LogisticRegression;
import dev.asgd.training.problem.SoftmaxRegression;
import org.junit.jupiter.api.Test;

/** The subspace model (Lanczos, per-sample factors) against the exact model where both apply, and softmax's shift. */
class SubspaceModelTest {
    private static final StalenessLaw LAW = StalenessLaw.of(new long[] {30, 50, 20});

    /**
     * Logistic regression with 11 parameters: the subspace keeps all of them (k = p), so its model is
     * the exact one up to theta* (L-BFGS to 1e-5 against Newton to 1e-12): edges and decay to 1e-3.
     */
    @Test
    void withEveryDirectionKeptItIsTheExactModel() {
        TrainTest d = DataSources.load("synthetic:logistic,n=3000,d=10,seed=3", 0.2, 1);
        LogisticRegression lr = new LogisticRegression(10, 1e-3);
        LocalQuadraticTheory exact = LocalQuadraticTheory.of(lr, d.train(), d.train(), 8);
        SubspaceModel sub = SubspaceModel.of(lr, d.train(), 8, null);
        assertThat(sub.basis()).hasNumberOfRows(11);
        double e1 = exact.rates(LAW).meanSquareEdge();
        double e2 = dev.asgd.theory.sampled.SampledRates.of(sub.model(), LAW.pmf()).meanSquareEdge();
        assertThat(e2).isCloseTo(e1, within(1e-3 * e1));
        double[] l1 = exact.model().hessianEigenvalues();
        double[] l2 = sub.model().hessianEigenvalues();
        for (int i = 0; i < l1.length; i++) {
            assertThat(l2[i]).isCloseTo(l1[i], within(1e-4 * l1[l1.length - 1]));
        }
        assertThat(sub.bulkNoise()).isCloseTo(0, within(1e-9 * sub.totalNoise()));
        assertThat(sub.totalNoise()).isCloseTo(exact.totalNoise(), within(1e-3 * exact.totalNoise()));
    }

    /** Softmax: the kept directions have class blocks summing to zero; the theory has a phase, a bulk and finite edges. */
    @Test
    void softmaxKeepsOffTheShiftAndPredicts() {
        TrainTest d = DataSources.load("synthetic:softmax,n=2000,d=6,classes=4,seed=2", 0.2, 1);
        SoftmaxRegression s = new SoftmaxRegression(6, 4, 0.01);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(s, d.train(), RunTheory.evalRows(d.train()), 16);
        assertThat(t.subspace()).isTrue();
        assertThat(t.exact()).isFalse();
        assertThat(t.modelDimension()).isEqualTo(16);
        double[] v = t.slowestDirection();
        for (int a = 0; a < 7; a++) {
            assertThat(v[a] + v[7 + a] + v[14 + a] + v[21 + a]).isCloseTo(0, within(1e-10));
        }
        assertThat(t.bulkNoise()).isPositive().isLessThan(t.totalNoise());
        assertThat(t.optimumGradientNorm()).isLessThanOrEqualTo(SubspaceModel.TOLERANCE);
        double edge = t.rates(LAW).meanSquareEdge();
        assertThat(edge).isPositive().isFinite();
        assertThat(t.stationaryExcess(0.3 * edge, LAW)).isPositive()
                .isGreaterThan(t.bulkFloor(0.3 * edge));
        assertThat(t.curvatureAlong(v)).isCloseTo(t.model().hessianEigenvalues()[0], within(0.05 * edge));
        assertThat(t.noiseCovariance()).hasSize(256);
        assertThat(t.smallestEigenvalue()).isLessThan(t.model().hessianEigenvalues()[0]);
        // at 1 % of the edge the floor is below the initial excess (at 30 % it is not: noise fills the subspace)
        double[] ex = t.expectedExcess(0.01 * edge, LAW, new long[] {0, 10, 100000});
        assertThat(ex[0]).isGreaterThan(ex[1]);
        assertThat(ex[2]).isCloseTo(t.stationaryExcess(0.01 * edge, LAW), within(1e-3 * ex[2]));
        assertThat(t.windowDecay(0.3 * edge, LAW, 0, 50, 10)).isPositive();
    }

    /**
     * The kept directions: at least 16; more while over half of the noise trace lies outside them;
     * all available when none is enough. Gradients +-sqrt(v_a) per direction (mean 0, variance
     * v_a exactly over the two samples), batch 1.
     */
    @Test
    void keepsDirectionsUntilTheBulkHoldsAtMostHalfTheNoise() {
        int k = 40;
        double[] flat = new double[k];
        java.util.Arrays.fill(flat, 1);
        // 100 equal directions in all: 40 kept hold 40 %, never half
        assertThat(SubspaceModel.directionsFor(samples(flat), 2, k, 1, 100)).isEqualTo(40);
        // 60 in all: 30 hold half
        assertThat(SubspaceModel.directionsFor(samples(flat), 2, k, 1, 60)).isEqualTo(30);
        double[] steep = new double[k];
        for (int a = 0; a < k; a++) {
            steep[a] = Math.pow(0.5, a);
        }
        // the top direction alone holds half: still 16
        assertThat(SubspaceModel.directionsFor(samples(steep), 2, k, 1, 2)).isEqualTo(16);
        assertThat(SubspaceModel.firstCoordinates(new double[] {1, 2, 3, 4, 5, 6}, 2, 3, 2))
                .containsExactly(1, 2, 4, 5);
    }

    private static double[] samples(double[] variance) {
        int k = variance.length;
        double[] g = new double[2 * k];
        for (int a = 0; a < k; a++) {
            g[a] = Math.sqrt(variance[a]);
            g[k + a] = -Math.sqrt(variance[a]);
        }
        return g;
    }
}
