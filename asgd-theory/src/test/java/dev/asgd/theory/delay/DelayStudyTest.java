package dev.asgd.theory.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.theory.DiscreteMeanRate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayStudyTest {

    @Test
    void ratesAgainstKappaWithTheCallersEstimatesAtTwoKappas() {
        List<Integer> progress = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        DelayStudy.Outcome o = DelayStudy.run(30, (eta, k, omega0, index) -> {
            asked.add(index);
            return new DelayStudy.Estimate(10 * k, 20 * k);
        }, progress::add);
        DelayComparison c = o.numbers();
        assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(asked).containsExactly(1, 4);
        assertThat(c.monteCarloPerStep()[1]).isEqualTo(3.0);
        assertThat(c.monteCarloExactSecondMomentPerStep()[4]).isEqualTo(18.0);
        assertThat(c.monteCarloPerStep()[0]).isNaN();
        assertThat(c.kappa()[0]).isZero();
        assertThat(c.rateAtKappaZero()).isEqualTo(c.exactDiscretePerStep()[0]);
        assertThat(c.kappa()[29]).isEqualTo(0.995);
        // eta = 0.1 is the exact threshold at kappaAtThreshold
        assertThat(DiscreteMeanRate.etaThresholdExact(c.kappaAtThreshold(), 1)).isCloseTo(0.1, within(1e-12));
        for (int i = 0; i < c.kappa().length; i++) {
            if (c.kappa()[i] > c.kappaAtThreshold()) {
                assertThat(c.exactDiscretePerStep()[i]).isCloseTo(-Math.log(c.kappa()[i]), within(1e-9));
            }
            assertThat(c.printedOptimumPerStep()[i]).isEqualTo(2 * (1 - c.kappa()[i]));
        }
        assertThat(c.bruteForceMaxRelDev()).isLessThan(0.02);
        assertThat(c.monotoneViolationsAboveThreshold()).isZero();
        assertThat(c.maxGainBelowThreshold()).isGreaterThan(1);
        assertThat(c.kappaOfMaxGain()).isLessThan(c.kappaAtThreshold());
        assertThat(o.definitionPoints()).hasSize(DelayStudy.DEFINITION_KAPPAS.length);
        assertThat(o.aboveThresholdPoints()).isPositive();
        assertThat(o.printedOverExactOptimumAt099()).isCloseTo(0.02 / -Math.log(0.99), within(1e-12));
        DelayStudy.DefinitionPoint p = o.definitionPoints().get(4);
        assertThat(p.kappa()).isEqualTo(0.9);
        assertThat(p.fromDefinition()).isCloseTo(p.exact(), within(0.02 * p.exact()));
        assertThat(p.estimate().value()).isEqualTo(9.0);
    }
}
