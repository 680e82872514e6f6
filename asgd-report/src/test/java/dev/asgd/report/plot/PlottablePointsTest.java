package dev.asgd.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlottablePointsTest {
    private static final double[] X = {-1, 0, 1, 2, Double.NaN, 4};
    private static final double[] Y = {1, 2, -3, Double.POSITIVE_INFINITY, 5, 0};

    @Test
    void dropsNonFinitePairsInOrder() {
        PlottablePoints p = PlottablePoints.of(X, Y, false, false);
        assertThat(p.x()).containsExactly(-1.0, 0.0, 1.0, 4.0);
        assertThat(p.y()).containsExactly(1.0, 2.0, -3.0, 0.0);
    }

    @Test
    void dropsNonPositiveValuesOnLogAxes() {
        assertThat(PlottablePoints.of(X, Y, false, true).x()).containsExactly(-1.0, 0.0);
        assertThat(PlottablePoints.of(X, Y, true, false).x()).containsExactly(1.0, 4.0);
        PlottablePoints both = PlottablePoints.of(X, Y, true, true);
        assertThat(both.isEmpty()).isTrue();
        assertThat(both.y()).isEmpty();
    }

    @Test
    void keepsItsOwnCopies() {
        List<Double> xs = new java.util.ArrayList<>(List.of(1.0));
        PlottablePoints p = new PlottablePoints(xs, List.of(2.0));
        xs.add(3.0);
        assertThat(p.x()).containsExactly(1.0);
    }
}
