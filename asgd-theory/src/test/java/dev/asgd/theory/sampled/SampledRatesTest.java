package dev.asgd.theory.sampled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** Contraction factors and edges against independent computations. */
class SampledRatesTest {

    /** The reduced (noise-transfer) radius against the dense matrix of the full map on a small state. */
    @Test
    void meanSquareContractionMatchesDenseFullMap() {
        SampledQuadratic model = SampledModels.regression(RandomSource.XO_RO_SHI_RO_128_PP.create(11L), 30, 3, 2, 0.01);
        double[] pmf = {0.3, 0.2, 0.5};
        SampledRates rates = SampledRates.of(model, pmf);
        for (double f : new double[] {0.2, 0.5, 0.8, 0.95, 1.05}) {
            double eta = f * rates.meanEdge();
            double dense = denseRadius(model, pmf, eta);
            assertThat(rates.meanSquareContraction(eta)).as("f = %s", f).isCloseTo(dense, within(1e-9 * dense));
        }
    }

    static double denseRadius(SampledQuadratic model, double[] pmf, double eta) {
        SecondMomentMap map = new SecondMomentMap(model, eta, StalenessLaw.of(pmf));
        int n = map.size();
        double[][] a = new double[n][n];
        double[] e = new double[n];
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            map.apply(e, out);
            for (int r = 0; r < n; r++) {
                a[r][c] = out[r];
            }
        }
        double r = 0;
        for (Complex z : new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(a)).getEigenvalues()) {
            r = Math.max(r, z.norm());
        }
        return r;
    }
}
