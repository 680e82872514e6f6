package dev.asgd.theory.sampled;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** Every invalid input is refused with an {@link InvalidParameterException} naming the parameter. */
class SampledInvalidInputTest {
    private static final double[] ROWS = {1, 1, -1, 1, 0.5, 1};
    private static final double[] GRADS = {0.1, -0.1, 0.2, 0, -0.3, 0.1};
    private static final double[] PENALTY = {0.1, 0};

    private static SampledQuadratic model() {
        return SampledQuadratic.of(ROWS, GRADS, PENALTY, 2);
    }

    @Test
    void nanEtaIsRefused() {
        assertThatThrownBy(() -> SampledMoments.start(model(), Double.NaN, new double[] {1}, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta");
        SampledRates rates = SampledRates.of(model(), new double[] {1});
        assertThatThrownBy(() -> rates.meanContraction(Double.NaN)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> rates.meanSquareContraction(Double.NaN)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void negativeEtaIsRefused() {
        assertThatThrownBy(() -> SampledMoments.start(model(), -0.1, new double[] {1}, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta");
    }

    @Test
    void negativePmfEntryIsRefused() {
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, new double[] {0.5, -0.1, 0.6}, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pmf");
        assertThatThrownBy(() -> SampledRates.of(model(), new double[] {0.5, -0.1}))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pmf");
    }

    @Test
    void nonFiniteOrZeroPmfIsRefused() {
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, new double[] {Double.NaN}, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pmf");
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, new double[] {0, 0}, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pmf");
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, new double[0], new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pmf");
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, null, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pmf");
    }

    @Test
    void mismatchedRowsAndGradientsAreRefused() {
        assertThatThrownBy(() -> SampledQuadratic.of(ROWS, new double[4], PENALTY, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gradientsAtOptimum");
    }

    @Test
    void rowsNotAMultipleOfTheDimensionAreRefused() {
        assertThatThrownBy(() -> SampledQuadratic.of(new double[] {1, 2, 3}, new double[3], PENALTY, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("rows");
        assertThatThrownBy(() -> SampledQuadratic.of(null, GRADS, PENALTY, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("rows");
    }

    @Test
    void mismatchedStartIsRefused() {
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, new double[] {1}, new double[3]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("u0");
        assertThatThrownBy(() -> SampledMoments.start(model(), 0.1, new double[] {1}, new double[] {Double.NaN, 0}))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("u0");
        assertThatThrownBy(() -> SampledMoments.start(null, 0.1, new double[] {1}, new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("model");
    }

    @Test
    void mismatchedEvaluationIsRefused() {
        SampledMoments m = SampledMoments.start(model(), 0.1, new double[] {1}, new double[2]);
        assertThatThrownBy(() -> m.expectedQuadratic(new double[3], new double[2]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hEval");
        assertThatThrownBy(() -> m.expectedQuadratic(new double[4], new double[3]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gEval");
    }

    @Test
    void batchBelowOneIsRefused() {
        assertThatThrownBy(() -> SampledQuadratic.of(ROWS, GRADS, PENALTY, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("batch");
    }

    @Test
    void negativeOrNonFinitePenaltyAndDataAreRefused() {
        assertThatThrownBy(() -> SampledQuadratic.of(ROWS, GRADS, new double[] {-1, 0}, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("penalty");
        double[] bad = ROWS.clone();
        bad[3] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> SampledQuadratic.of(bad, GRADS, PENALTY, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("rows");
        double[] badGrads = GRADS.clone();
        badGrads[0] = Double.NaN;
        assertThatThrownBy(() -> SampledQuadratic.of(ROWS, badGrads, PENALTY, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gradientsAtOptimum");
    }

    @Test
    void dimensionAboveTheLimitIsRefused() {
        int p = SampledQuadratic.MAX_DIMENSION + 1;
        assertThatThrownBy(() -> SampledQuadratic.of(new double[p], new double[p], new double[p], 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("dimension")
                .hasMessageContaining(String.valueOf(SampledQuadratic.MAX_DIMENSION));
    }

    @Test
    void singularHessianIsRefusedForRates() {
        // two identical rows and no penalty: H has rank 1
        SampledQuadratic flat = SampledQuadratic.of(new double[] {1, 1, 1, 1}, new double[4], new double[2], 1);
        assertThatThrownBy(() -> SampledRates.of(flat, new double[] {1}))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hessian");
        assertThatThrownBy(() -> SampledRates.of(null, new double[] {1}))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("model");
    }
}
