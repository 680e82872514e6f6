package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import org.junit.jupiter.api.Test;

class TheoremConstantsTest {
    @Test
    void caseOneConstants() {
        // eta = 0.5, kappa = 0.5, omega0 = 1: gamma = 1 < 2, so C = omega0^2 = 1, Chat = 1/2.
        SmeParameters s = SmeParameters.of(0.5, 0.5, 1, 1);
        TheoremConstants c = TheoremConstants.of(s, 1);
        assertThat(c.c()).isCloseTo(1, within(1e-15));
        assertThat(c.cHat()).isCloseTo(0.5, within(1e-15));
        assertThat(c.criticalDelta()).isNaN();
        // C2 = max{1, gamma, gamma^2, beta gamma, beta omega0^2} / min{1, omega0^2}
        double beta = s.beta();
        assertThat(c.c2()).isCloseTo(Math.max(1, beta), within(1e-12 * beta));
        // C1 = (11 + 11 C + 15 Chat) C2^2 max{1, C} / (C - Chat^2) = 29.5 C2^2 / 0.75
        assertThat(c.c1()).isCloseTo(29.5 * c.c2() * c.c2() / 0.75, within(1e-9 * c.c1()));
        assertThat(c.epsilon(1e-3)).isCloseTo(1e-3 * c.c1(), within(1e-12 * c.c1()));
        assertThat(c.epsilon(0)).isZero();
    }

    @Test
    void caseTwoConstants() {
        // eta = 0.01, kappa = 0.9, omega0 = 1: gamma = sqrt(10) > 2: C = gamma^2/2 - omega0^2 = 4.
        SmeParameters s = SmeParameters.of(0.01, 0.9, 1, 1);
        TheoremConstants c = TheoremConstants.of(s, 1);
        assertThat(c.c()).isCloseTo(4, within(1e-12));
        assertThat(c.cHat()).isCloseTo(Math.sqrt(10) / 2, within(1e-14));
        assertThat(c.c2()).isCloseTo(2000 * Math.sqrt(10), within(1e-6));
        assertThat(c.c() - c.cHat() * c.cHat()).as("C - Chat^2 = gamma^2/4 - omega0^2").isCloseTo(1.5, within(1e-12));
    }

    @Test
    void criticalConstantsGiveAPositiveDefiniteP() {
        SmeParameters s = new SmeParameters(Double.NaN, 2, 1, 1);
        TheoremConstants c = TheoremConstants.of(s, 1);
        double delta = TheoremConstants.CRITICAL_DELTA_FRACTION;
        assertThat(c.criticalDelta()).isCloseTo(delta, within(1e-15));
        assertThat(c.c() - c.cHat() * c.cHat()).isCloseTo(4 * delta * delta, within(1e-15));
        assertThat(c.c1()).isFinite().isPositive();
    }

    @Test
    void noNoiseMakesTheConstantsInfinite() {
        TheoremConstants c = TheoremConstants.of(SmeParameters.of(0.01, 0.5, 1, 0), 1);
        assertThat(c.c2()).isInfinite();
        assertThat(c.c1()).isInfinite();
    }

    @Test
    void rejectsNegativeEpsilon0() {
        TheoremConstants c = TheoremConstants.of(SmeParameters.of(0.01, 0.5, 1, 1), 1);
        assertThatThrownBy(() -> c.epsilon(-1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("epsilon0 = -1.0");
    }
}
