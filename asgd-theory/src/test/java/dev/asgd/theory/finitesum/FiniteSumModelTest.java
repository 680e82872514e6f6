package dev.asgd.theory.finitesum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.core.staleness.FixedStaleness;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.closedform.StepRates;
import org.junit.jupiter.api.Test;

class FiniteSumModelTest {
    /** Rows (1, 0), (0, 2), (1, 1): A^T A / 3 = [[2, 1], [1, 5]] / 3. */
    private static final double[][] A = {{1, 0}, {0, 2}, {1, 1}};
    private static final double[] B = {1, 2, 3};

    @Test
    void omega0AreTheRootsOfTheHessiansEigenvalues() {
        FiniteSumModel m = FiniteSumModel.of(new FiniteSumLeastSquares(A, B), new double[] {0, 0},
                new GeometricStaleness(0.5));
        // eigenvalues of [[2, 1], [1, 5]] / 3 in closed form: (7 -+ sqrt(9 + 4)) / 6
        double lo = (7 - Math.sqrt(13)) / 6;
        double hi = (7 + Math.sqrt(13)) / 6;
        assertThat(m.omega0()).hasSize(2);
        assertThat(m.omega0()[0]).isCloseTo(Math.sqrt(lo), within(1e-14));
        assertThat(m.omega0()[1]).isCloseTo(Math.sqrt(hi), within(1e-14));
        assertThat(m.singular()).isFalse();
        assertThat(m.oracle().loss()).isSameAs(m.loss());
    }

    @Test
    void rootsAreAscendingAndNegativeRoundOffIsZero() {
        double[] r = FiniteSumModel.hessianRoots(new double[][] {{9, 0, 0}, {0, -1e-18, 0}, {0, 0, 4}});
        assertThat(r).containsExactly(0, 2, 3);
        FiniteSumModel m = new FiniteSumModel(new FiniteSumLeastSquares(A, B), new double[2], new GeometricStaleness(0),
                new double[] {0, 1});
        assertThat(m.singular()).isTrue();
    }

    @Test
    void workLimit() {
        assertThat(FiniteSumModel.affordable(1000, 784)).isTrue();
        assertThat(FiniteSumModel.affordable(60000, 784)).isFalse();
    }

    @Test
    void rejectsMismatchedSizes() {
        FiniteSumLeastSquares loss = new FiniteSumLeastSquares(A, B);
        assertThatThrownBy(() -> FiniteSumModel.of(loss, new double[3], new GeometricStaleness(0.5)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("theta0");
        assertThatThrownBy(() -> new FiniteSumModel(loss, new double[2], new GeometricStaleness(0.5), new double[1]))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("omega0");
    }

    @Test
    void stepRatesAreTheClosedFormRatesOfTheHessiansModesWithoutNoise() {
        GeometricStaleness law = new GeometricStaleness(0.5);
        FiniteSumModel m = FiniteSumModel.of(new FiniteSumLeastSquares(A, B), new double[] {0, 0}, law);
        StepRates r = m.stepRates(0.05).orElseThrow();
        assertThat(r).isEqualTo(StepRates.of(0.05, law, m.omega0(), 0).orElseThrow());
        // the deciding mode's mean contraction is a root of z^2 - (1 + kappa - eta (1 - kappa) w^2) z + kappa
        assertThat(r.kappa()).isEqualTo(0.5);
        assertThat(r.meanContractionPerStep()).isBetween(Math.sqrt(0.5), 1.0);
        FiniteSumModel singular = new FiniteSumModel(new FiniteSumLeastSquares(A, B), new double[2], law,
                new double[] {0, 1});
        assertThat(singular.stepRates(0.05)).isEmpty();
        FiniteSumModel noKappa = FiniteSumModel.of(new FiniteSumLeastSquares(A, B), new double[2],
                new FixedStaleness(2));
        assertThat(noKappa.stepRates(0.05)).isEmpty();
    }
}
