package dev.asgd.simulation.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QueueStalenessStudyTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void meanStalenessIsMMinusOne(int workers) {
        // the staleness of one update is a count of the others' arrivals; its standard deviation is
        // about sqrt(2 (m - 1)), and the updates are correlated only over a few cycles
        QueueStalenessStudy.Result r = QueueStalenessStudy.run(workers, 400_000, 11);
        assertThat(r.workers()).isEqualTo(workers);
        assertThat(r.updates()).isEqualTo(400_000);
        assertThat(r.meanStaleness()).isCloseTo(QueueStalenessStudy.exactMeanStaleness(workers), within(0.05));
    }

    @Test
    void oneWorkerIsNeverStale() {
        assertThat(QueueStalenessStudy.run(1, 1000, 3).meanStaleness()).isZero();
    }

    @Test
    void theSeedNamesTheCommonsRngStream() {
        double fromSeed = QueueStalenessStudy.run(8, 5000, 42).meanStaleness();
        double fromRng = QueueStalenessStudy.run(8, 5000, RandomSource.XO_RO_SHI_RO_128_PP.create(42L)).meanStaleness();
        assertThat(fromSeed).isEqualTo(fromRng);
        assertThat(QueueStalenessStudy.run(8, 5000, 43).meanStaleness()).isNotEqualTo(fromSeed);
    }

    @Test
    void rejectsEmptyQueues() {
        assertThatThrownBy(() -> QueueStalenessStudy.run(0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueStalenessStudy.run(2, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
