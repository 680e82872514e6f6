package dev.asgd.theory.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class Matrix2Test {

    @Test
    void spectralRadiusAndKindAgreeWithHipparchus() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            Matrix2 m = new Matrix2(rng.nextDouble(-2, 2), rng.nextDouble(-2, 2), rng.nextDouble(-2, 2),
                    rng.nextDouble(-2, 2));
            Complex[] ev = new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(m.toArray())).getEigenvalues();
            double r = Math.max(ev[0].norm(), ev[1].norm());
            assertThat(m.spectralRadius()).as("%s", m).isCloseTo(r, within(1e-9 * Math.max(1, r)));
            boolean complex = Math.abs(ev[0].getImaginary()) > 1e-9;
            assertThat(m.complexEigenvalues()).as("%s", m).isEqualTo(complex);
        }
    }

    @Test
    void spectralRadiusOfTriangularAndRotation() {
        assertThat(new Matrix2(0.5, 3, 0, -0.8).spectralRadius()).isEqualTo(0.8);
        double t = 0.3;
        Matrix2 rot = new Matrix2(Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)).times(0.9);
        assertThat(rot.complexEigenvalues()).isTrue();
        assertThat(rot.spectralRadius()).isCloseTo(0.9, within(1e-15));
        assertThat(new Matrix2(0, 0, 0, 0).spectralRadius()).isZero();
    }

    @Test
    void normsAndConversion() {
        Matrix2 m = Matrix2.of(new double[][] {{1, -2}, {2, -4}});
        assertThat(m).isEqualTo(new Matrix2(1, -2, 2, -4));
        assertThat(m.frobeniusNorm()).isEqualTo(5.0);
        assertThat(m.maxAbs()).isEqualTo(4.0);
        assertThat(m.transpose().maxAbs()).isEqualTo(4.0);
    }
}
