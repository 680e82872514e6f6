package dev.asgd.theory.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.theory.DiscreteMeanRate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdStudyTest {

    @Test
    void thresholdsPlateauAndMonotonicityAgreeWithTheClosedForms() {
        List<Integer> progress = new ArrayList<>();
        ThresholdComparison c = ThresholdStudy.run(40, progress::add);
        assertThat(progress).containsExactly(1, 2, 3);
        assertThat(c.omega0()).isEqualTo(1);
        assertThat(c.perKappa()).extracting(ThresholdComparison.PerKappa::kappa).containsExactly(0.5, 0.9, 0.99);
        for (ThresholdComparison.PerKappa p : c.perKappa()) {
            double k = p.kappa();
            assertThat(p.thresholdPrinted()).isCloseTo((1 - k) / 4, within(1e-15));
            double sk = Math.sqrt(k);
            assertThat(p.thresholdExact()).isCloseTo((1 - sk) / (1 + sk), within(1e-15));
            assertThat(p.thresholdDiscreteBisection()).isCloseTo(p.thresholdExact(), within(1e-9 * p.thresholdExact()));
            assertThat(p.thresholdSmeBisection()).isCloseTo(p.thresholdPrinted(), within(1e-6 * p.thresholdPrinted()));
            assertThat(p.plateauExactPerStep()).isEqualTo(-Math.log(k));
            assertThat(p.printedOverExactPlateau()).isCloseTo(2 * (1 - k) / -Math.log(k), within(1e-15));
            assertThat(p.eta()).hasSize(40);
            for (int i = 0; i < p.eta().length; i++) {
                double rho = DiscreteMeanRate.contractionPerStep(p.eta()[i], k, 1);
                assertThat(p.exactDiscretePerStep()[i]).isEqualTo(-2 * Math.log(rho));
                if (p.eta()[i] > p.thresholdExact() * 1.001) {
                    assertThat(p.exactDiscretePerStep()[i]).isCloseTo(-Math.log(k), within(1e-9));
                }
            }
        }
        assertThat(c.plateauMaxRelDev()).isLessThan(1e-9);
        assertThat(c.belowThresholdMonotoneViolations()).isZero();
        assertThat(c.belowThresholdPoints()).isPositive();
        assertThat(c.thresholdBisectionMaxRelDev()).isLessThan(1e-6);
    }
}
