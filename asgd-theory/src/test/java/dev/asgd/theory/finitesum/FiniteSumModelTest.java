package dev.asgd.theory.finitesum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.core.staleness.GeometricStaleness;
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
}
