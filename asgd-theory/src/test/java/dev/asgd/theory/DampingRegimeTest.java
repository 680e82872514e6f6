package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DampingRegimeTest {
    @Test
    void classifiesByGammaAgainstTwoOmega() {
        assertThat(DampingRegime.of(1, 1)).isEqualTo(DampingRegime.UNDERDAMPED);
        assertThat(DampingRegime.of(3, 1)).isEqualTo(DampingRegime.OVERDAMPED);
        assertThat(DampingRegime.of(2, 1)).isEqualTo(DampingRegime.CRITICAL);
        assertThat(DampingRegime.criticalFriction(1.7)).isEqualTo(3.4);
        assertThat(DampingRegime.of(DampingRegime.criticalFriction(1.7), 1.7)).isEqualTo(DampingRegime.CRITICAL);
    }

    @Test
    void criticalWithinTheStatedRelativeTolerance() {
        double tol = DampingRegime.RELATIVE_TOLERANCE;
        assertThat(DampingRegime.of(2 * (1 + 0.5 * tol), 1)).isEqualTo(DampingRegime.CRITICAL);
        assertThat(DampingRegime.of(2 * (1 - 0.5 * tol), 1)).isEqualTo(DampingRegime.CRITICAL);
        assertThat(DampingRegime.of(2 * (1 + 2 * tol), 1)).isEqualTo(DampingRegime.OVERDAMPED);
        assertThat(DampingRegime.of(2 * (1 - 2 * tol), 1)).isEqualTo(DampingRegime.UNDERDAMPED);
    }

    @Test
    void thePapersThresholdIsTheCriticalPoint() {
        // Remark 3.3: eta = (1 - kappa) / (4 omega0^2) is where gamma = 2 omega0.
        double kappa = 0.9;
        double omega0 = 1.7;
        double eta = DiscreteMeanRate.etaThresholdPaper(kappa, omega0);
        SmeParameters s = SmeParameters.of(eta, kappa, omega0, 1);
        assertThat(DampingRegime.of(s.gamma(), omega0)).isEqualTo(DampingRegime.CRITICAL);
        assertThat(DampingRegime.CRITICAL.label()).isEqualTo("critical");
    }
}
