package dev.asgd.theory.equilibrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import org.junit.jupiter.api.Test;

class SmeEquilibriumTest {
    @Test
    void thetaVarianceInClosedForm() {
        double eta = 0.05;
        double kappa = 0.9;
        double[] omega0 = {1, 2};
        double[] sigma = {1, 0.5};
        double[] sd = SmeEquilibrium.thetaStandardDeviations(eta, kappa, omega0, sigma);
        for (int i = 0; i < 2; i++) {
            // dTheta = Y dt + tau dB, dY = -w^2 Theta dt - gamma Y dt: Var Theta = tau^2 / (2 gamma) (1 + gamma^2 / w^2)
            double gamma = Math.sqrt((1 - kappa) / eta);
            double tau = Math.pow(eta, 0.75) * Math.pow(1 - kappa, -0.25) * sigma[i];
            double w2 = omega0[i] * omega0[i];
            double var = tau * tau / (2 * gamma) * (1 + gamma * gamma / w2);
            assertThat(sd[i]).isCloseTo(Math.sqrt(var), within(1e-12 * Math.sqrt(var)));
        }
    }

    @Test
    void noNoiseNoSpread() {
        assertThat(SmeEquilibrium.thetaStandardDeviations(0.01, 0.5, new double[] {1}, new double[] {0}))
                .containsExactly(0.0);
    }

    @Test
    void onePerMode() {
        assertThatThrownBy(() -> SmeEquilibrium.thetaStandardDeviations(0.01, 0.5, new double[] {1, 2},
                new double[] {1})).isInstanceOf(InvalidParameterException.class);
    }
}
