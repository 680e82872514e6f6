package dev.asgd.simulation.sde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.simulation.SeriesPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactSmeCheckTest {
    private static SeriesPoint point(long step, double[] mean, double[] meanSe, double m2, double m2Se) {
        return new SeriesPoint(step, Double.NaN, mean, meanSe, new double[mean.length], m2, m2Se, 0, 0, new double[0]);
    }

    /** Hand-computed z-scores: record 0 is skipped, the largest |x - exact| / se over means and second moments wins. */
    @Test
    void maxAbsZIsTheLargestDeviationInStandardErrorsAfterTheStart() {
        List<SeriesPoint> exact = List.of(point(0, new double[] {1, 2}, new double[] {0, 0}, 5, 0),
                point(10, new double[] {0.5, 1}, new double[] {0, 0}, 1.25, 0),
                point(20, new double[] {0.25, 0.5}, new double[] {0, 0}, 0.3125, 0));
        List<SeriesPoint> ensemble = List.of(point(0, new double[] {9, 9}, new double[] {1, 1}, 99, 1),
                point(10, new double[] {0.6, 1}, new double[] {0.05, 0.1}, 1.0, 0.5),
                point(20, new double[] {0.25, 0.8}, new double[] {0.1, 0.1}, 0.3125, 0.01));
        // record 1: |0.6 - 0.5| / 0.05 = 2, 0, |1.0 - 1.25| / 0.5 = 0.5; record 2: 0, |0.8 - 0.5| / 0.1 = 3, 0
        assertThat(ExactSmeCheck.maxAbsZ(ensemble, exact)).isEqualTo(Math.abs(0.8 - 0.5) / 0.1);
        assertThat(ExactSmeCheck.maxAbsZ(ensemble.subList(0, 1), exact.subList(0, 1))).as("start only").isZero();
    }

    @Test
    void stationaryLawMatchesSmeMomentsPerCoordinate() {
        SdeProblem p = new SdeProblem(new QuadraticLoss(new double[] {1, 2}, new double[2],
                dev.asgd.core.perturbation.Perturbations.parse("none")), 0.01, 0.9, new double[] {1, 0.5},
                new double[] {1, -1});
        List<SeriesPoint> exact = SmeMoments.series(p, 100, 50);
        ExactSmeCheck c = ExactSmeCheck.of(p, exact, exact);
        assertThat(c.series()).isEqualTo(exact);
        assertThat(c.stationarySecondMoment()).isEqualTo(SmeMoments.stationarySecondMoment(p));
        assertThat(c.stationarySecondMomentPerCoordinate())
                .containsExactly(SmeMoments.stationarySecondMomentPerCoordinate(p));
        assertThat(c.stationaryCovariance()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            double[][] s = c.stationaryCovariance().get(i);
            assertThat(s[0][0]).as("(1, 1) entry is E (Theta_i - theta*_i)^2")
                    .isEqualTo(c.stationarySecondMomentPerCoordinate()[i]);
            assertThat(s[0][1]).as("symmetric").isEqualTo(s[1][0]);
            assertThat(s[1][1]).isPositive();
        }
    }
}
