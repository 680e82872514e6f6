package dev.asgd.theory.closedform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.ModelParameters;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.core.staleness.QueueStaleness;
import dev.asgd.core.staleness.UniformStaleness;
import dev.asgd.theory.RateAnalysis;
import org.junit.jupiter.api.Test;

class StepRatesTest {
    @Test
    void plainSgdContractsByOneMinusEtaOmegaSquared() {
        // kappa = 0: the mean recursion is u' = (1 - eta w^2) u; the slowest of the modes decides
        double eta = 0.01;
        StepRates r = StepRates.of(eta, new GeometricStaleness(0), new double[] {0.5, 2}, 1).orElseThrow();
        assertThat(r.kappa()).isZero();
        assertThat(r.meanContractionPerStep()).isCloseTo(1 - eta * 0.25, within(1e-12));
        assertThat(r.exactMeanSquaredDecayPerStep()).isCloseTo(-2 * Math.log(1 - eta * 0.25), within(1e-12));
    }

    @Test
    void theRateAnalysisAtTheLawsKappa() {
        double[] omega0 = {1, 3};
        StepRates r = StepRates.of(0.01, new QueueStaleness(8), omega0, 0.5).orElseThrow();
        RateAnalysis a = RateAnalysis.of(new ModelParameters(0.01, 7.0 / 8, omega0, 0.5), Double.NaN, 0);
        assertThat(r).isEqualTo(new StepRates(7.0 / 8, a.slowestDiscrete().meanContractionPerStep(),
                a.slowestDiscrete().exactDecayPerStep(), a.slowestSme().decayPerStepSharp(),
                a.slowestSme().decayPerStepPaper(), a.etaMax(), a.verdict()));
    }

    @Test
    void perCoordinateNoiseTakesTheLargest() {
        double[] omega0 = {1, 3};
        assertThat(StepRates.of(0.01, new QueueStaleness(8), omega0, new double[] {0.2, 0.5}))
                .isEqualTo(StepRates.of(0.01, new QueueStaleness(8), omega0, 0.5));
    }

    @Test
    void noneWithoutATheoryKappa() {
        assertThat(StepRates.of(0.01, new UniformStaleness(4), new double[] {1}, 1)).isEmpty();
    }
}
