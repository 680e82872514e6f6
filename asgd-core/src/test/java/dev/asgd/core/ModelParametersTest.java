package dev.asgd.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelParametersTest {
    @Test
    void validValuesAreKeptAndArraysCopied() {
        double[] omega = {2, 0.5, 1};
        ModelParameters p = new ModelParameters(0.01, 0.9, omega, 1);
        omega[0] = 99;
        assertThat(p.omega0()).containsExactly(2, 0.5, 1);
        p.omega0()[1] = 42;
        assertThat(p.omega0()).containsExactly(2, 0.5, 1);
        assertThat(p.dimension()).isEqualTo(3);
        assertThat(p.omegaMin()).isEqualTo(0.5);
        assertThat(p.omegaMax()).isEqualTo(2);
    }

    @Test
    void equalityIsByValue() {
        ModelParameters a = ModelParameters.of(0.01, 0.5, 1, 1);
        ModelParameters b = new ModelParameters(0.01, 0.5, new double[] {1}, 1);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ModelParameters.of(0.01, 0.5, 2, 1));
        assertThat(a.toString()).contains("omega0=[1.0]");
    }

    @Test
    void kappaZeroIsAllowed() {
        assertThat(ModelParameters.of(0.1, 0, 1, 0).kappa()).isZero();
    }

    @Test
    void rejectsEtaZero() {
        assertThatThrownBy(() -> ModelParameters.of(0, 0.5, 1, 1)).hasMessageStartingWith("eta = 0.0");
    }

    @Test
    void rejectsKappaOne() {
        assertThatThrownBy(() -> ModelParameters.of(0.1, 1, 1, 1)).hasMessageStartingWith("kappa = 1.0");
    }

    @Test
    void rejectsOmegaZero() {
        assertThatThrownBy(() -> ModelParameters.of(0.1, 0.5, 0, 1)).hasMessageStartingWith("omega0 = [0.0]");
    }

    @Test
    void rejectsNegativeSigma() {
        assertThatThrownBy(() -> ModelParameters.of(0.1, 0.5, 1, -1)).hasMessageStartingWith("sigma = -1.0");
    }

    @Test
    void exceptionsCarryTheirFields() {
        NumericalDivergenceException e = new NumericalDivergenceException(17, "chain 3", Double.NaN, "not finite");
        assertThat(e.step()).isEqualTo(17);
        assertThat(e.where()).isEqualTo("chain 3");
        assertThat(e.value()).isNaN();
        assertThat(e.getMessage()).isEqualTo("diverged at step 17, chain 3: value NaN (not finite)");
    }
}
