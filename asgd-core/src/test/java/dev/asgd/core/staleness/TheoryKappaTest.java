package dev.asgd.core.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TheoryKappaTest {
    @Test
    void geometricLawsGiveTheirOwnKappa() {
        assertThat(new GeometricStaleness(0.9).theoryKappa()).hasValue(0.9);
        assertThat(new GeometricStaleness(0).theoryKappa()).hasValue(0.0);
    }

    @Test
    void theQueueGivesTheKappaOfItsGeometricMarginal() {
        // mean M - 1 = kappa / (1 - kappa): kappa = (M - 1) / M
        assertThat(new QueueStaleness(8).theoryKappa()).hasValue(7.0 / 8);
        assertThat(new QueueStaleness(1).theoryKappa()).hasValue(0.0);
        QueueStaleness q = new QueueStaleness(5);
        double k = q.theoryKappa().orElseThrow();
        assertThat(k / (1 - k)).isCloseTo(q.mean(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void otherLawsHaveNone() {
        assertThat(new FixedStaleness(3).theoryKappa()).isEmpty();
        assertThat(new UniformStaleness(4).theoryKappa()).isEmpty();
        assertThat(new PoissonStaleness(2.5).theoryKappa()).isEmpty();
    }
}
