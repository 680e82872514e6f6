package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmeParametersTest {
    @Test
    void knownAnswerForTheNotesExample() {
        // eta = 0.01, kappa = 0.9: deltaT = sqrt(0.001), gamma = sqrt(10),
        // tau = 0.01^(3/4) 0.1^(-1/4) = 10^(-1.25), beta = 2 sqrt(10) / 10^(-2.5) = 2000.
        SmeParameters s = SmeParameters.of(0.01, 0.9, 1, 1);
        assertThat(s.deltaT()).isCloseTo(Math.sqrt(0.001), within(1e-15));
        assertThat(s.gamma()).isCloseTo(Math.sqrt(10), within(1e-14));
        assertThat(s.tau()).isCloseTo(Math.pow(10, -1.25), within(1e-15));
        assertThat(s.beta()).isCloseTo(2000, within(1e-9));
        assertThat(s.deltaT() * s.gamma()).as("gamma deltaT = 1 - kappa").isCloseTo(0.1, within(1e-15));
    }

    @Test
    void zeroNoiseGivesInfiniteBeta() {
        SmeParameters s = SmeParameters.of(0.01, 0.5, 1, 0);
        assertThat(s.tau()).isZero();
        assertThat(s.beta()).isInfinite();
    }

    @Test
    void kappaZeroIsDefined() {
        SmeParameters s = SmeParameters.of(0.04, 0, 1, 1);
        assertThat(s.gamma()).isCloseTo(5, within(1e-14));
        assertThat(s.deltaT()).isCloseTo(0.2, within(1e-15));
    }

    /**
     * Independent check of beta and of the steady state M (3.1): the stationary covariance S of the
     * linear SME d(theta, y) = A (theta, y) dt + (tau, 0) dB, A = [[0, 1], [-omega0^2, -gamma]],
     * solves A S + S A^T + B B^T = 0 (solved here as a 3 x 3 linear system with Hipparchus). In
     * x = y, v = -omega0^2 theta - gamma y it must be diag(1 / (beta omega0^2), 1 / beta).
     */
    @ParameterizedTest
    @CsvSource({"0.01, 0.9, 1, 1", "0.2, 0.3, 0.7, 2", "0.001, 0.99, 3, 0.5", "0.05, 0, 1.3, 1"})
    void betaIsTheInverseTemperatureOfTheSmeSteadyState(double eta, double kappa, double omega0, double sigma) {
        SmeParameters s = SmeParameters.of(eta, kappa, omega0, sigma);
        double w2 = omega0 * omega0;
        double g = s.gamma();
        double t2 = s.tau() * s.tau();
        // Unknowns (s11, s12, s22); A S + S A^T = -B B^T entry by entry:
        // (1,1): 2 s12 = -tau^2; (1,2): s22 - w2 s11 - g s12 = 0; (2,2): -2 w2 s12 - 2 g s22 = 0.
        RealMatrix m = new Array2DRowRealMatrix(new double[][] {{0, 2, 0}, {-w2, -g, 1}, {0, -2 * w2, -2 * g}});
        RealVector rhs = new ArrayRealVector(new double[] {-t2, 0, 0});
        DecompositionSolver solver = new LUDecomposition(m).getSolver();
        RealVector sol = solver.solve(rhs);
        double s11 = sol.getEntry(0);
        double s12 = sol.getEntry(1);
        double s22 = sol.getEntry(2);
        double varX = s22;
        double covXV = -w2 * s12 - g * s22;
        double varV = w2 * w2 * s11 + 2 * w2 * g * s12 + g * g * s22;
        assertThat(varX * s.beta() * w2).isCloseTo(1, within(1e-9));
        assertThat(varV * s.beta()).isCloseTo(1, within(1e-9));
        assertThat(Math.abs(covXV) * s.beta()).isLessThan(1e-9);
    }

    /** THEORY-NOTES section 2: the SME's stationary variance for the example is 0.00550. */
    @Test
    void smeStationaryVarianceOfTheNotesExample() {
        SmeParameters s = SmeParameters.of(0.01, 0.9, 1, 1);
        // From the Lyapunov solution above: s12 = -tau^2/2, s22 = -w2 s12 / g, s11 = (s22 - g s12) / w2.
        double s12 = -s.tau() * s.tau() / 2;
        double s22 = -s12 / s.gamma();
        double s11 = s22 - s.gamma() * s12;
        assertThat(s11).isCloseTo(0.00550, within(5e-6));
    }

    @Test
    void rejectsInvalidInputs() {
        assertThatThrownBy(() -> SmeParameters.of(-1, 0.5, 1, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SmeParameters.of(0.1, 1, 1, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SmeParameters.of(0.1, 0.5, -1, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SmeParameters.of(0.1, 0.5, 1, Double.NaN))
                .isInstanceOf(InvalidParameterException.class);
    }
}
