package dev.asgd.theory.sampled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.staleness.EmpiricalStaleness;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentPoint;
import dev.asgd.theory.moments.MomentProblem;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Cases where the sampled recursion reduces to known ones. */
class SampledMomentsReductionTest {

    /**
     * p = 1 with z_i = +-1: S_i = 1 + D for every row, so the curvature noise and the third moment vanish
     * and ASGD is the scalar quadratic with additive noise of {@code ExactMoments}: omega^2 = 1 + D and
     * sigma^2 = (1/n) sum_i (c_i - cbar)^2 / B (the gradients are deliberately not centred).
     */
    @Test
    void identicalOuterProductsReduceToScalarExactMoments() {
        double[] rows = {1, -1, 1, 1, -1, -1, 1};
        double[] grads = {0.9, -0.4, 0.3, -1.2, 0.5, 0.2, -0.1};
        double penalty = 0.3;
        int batch = 3;
        int n = rows.length;
        double mean = 0;
        for (double c : grads) {
            mean += c / n;
        }
        double var = 0;
        for (double c : grads) {
            var += (c - mean) * (c - mean) / n;
        }
        double[] pmf = {0.2, 0.5, 0, 0.3};
        double eta = 0.35;
        double u0 = 1.7;
        SampledMoments sampled = SampledMoments.start(SampledQuadratic.of(rows, grads, new double[] {penalty}, batch),
                eta, pmf, new double[] {u0});
        MomentProblem problem = new MomentProblem(eta, new double[] {Math.sqrt(1 + penalty)},
                new double[] {Math.sqrt(var / batch)}, new double[] {u0}, null, new EmpiricalStaleness(pmf, "test"));
        ExactMoments scalar = ExactMoments.of(problem);
        for (int k = 1; k <= 300; k++) {
            sampled.step();
            scalar.step();
            MomentPoint point = scalar.current();
            assertThat(sampled.mean()[0]).as("mean at %d", k).isCloseTo(point.mean()[0], within(1e-10));
            assertThat(sampled.secondMoment()[0]).as("second moment at %d", k)
                    .isCloseTo(point.secondMoment(), within(1e-10));
        }
    }

    /** The mean, rotated into the eigenbasis of H, follows the scalar companion recursion of each mode. */
    @Test
    void meanFollowsThePerModeScalarRecursion() {
        SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 200, 4, 3, 0.02);
        double[] pmf = {0.1, 0.4, 0.2, 0, 0.3};
        double[] lambda = model.hessianEigenvalues();
        double eta = 0.3 / lambda[3];
        double[] u0 = {0.5, -1.0, 2.0, 0.7};
        SampledMoments moments = SampledMoments.start(model, eta, pmf, u0);
        double[] e0 = model.vectorToEigen(u0);
        int w = pmf.length;
        int steps = 150;
        double[][] modes = new double[4][steps + 1];
        for (int i = 0; i < 4; i++) {
            modes[i][0] = e0[i];
            for (int k = 0; k < steps; k++) {
                double read = 0;
                for (int l = 0; l < w; l++) {
                    read += pmf[l] * modes[i][Math.max(0, k - l)];
                }
                modes[i][k + 1] = modes[i][k] - eta * lambda[i] * read;
            }
        }
        for (int k = 1; k <= steps; k++) {
            moments.step();
            double[] m = model.vectorToEigen(moments.mean());
            for (int i = 0; i < 4; i++) {
                assertThat(m[i]).as("mode %d at %d", i, k).isCloseTo(modes[i][k], within(1e-12));
            }
        }
    }

    /** E[g . u + u^T h u / 2] from the mean and second moment; the model's accessors are copies. */
    @Test
    void expectedQuadraticAndAccessors() {
        SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(6L), 50, 2, 1, 0.1);
        assertThat(model.dimension()).isEqualTo(2);
        assertThat(model.rows()).isEqualTo(50);
        assertThat(model.batch()).isEqualTo(1);
        double[] h = model.hessian();
        double[] ev = model.hessianEigenvalues();
        assertThat(ev[0]).isLessThanOrEqualTo(ev[1]);
        assertThat(ev[0] + ev[1]).isCloseTo(h[0] + h[3], within(1e-12));
        assertThat(ev[0] * ev[1]).isCloseTo(h[0] * h[3] - h[1] * h[2], within(1e-12));
        h[0] = 99;
        ev[0] = 99;
        assertThat(model.hessian()[0]).isNotEqualTo(99);
        assertThat(model.hessianEigenvalues()[0]).isNotEqualTo(99);
        SampledMoments m = SampledMoments.start(model, 0.2, new double[] {1, 1}, new double[] {1, 2});
        for (int k = 0; k < 7; k++) {
            m.step();
        }
        double[] mean = m.mean();
        double[] s = m.secondMoment();
        double[] hEval = {2, 0.5, 0.5, 1};
        double[] gEval = {0.3, -0.7};
        double want = gEval[0] * mean[0] + gEval[1] * mean[1]
                + 0.5 * (2 * s[0] + 0.5 * s[1] + 0.5 * s[2] + s[3]);
        assertThat(m.expectedQuadratic(hEval, gEval)).isCloseTo(want, within(1e-14));
        assertThat(s[1]).isCloseTo(s[2], within(1e-15));
    }
}
