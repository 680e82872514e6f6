package dev.asgd.theory.sme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.SmeParameters;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearSmeTest {
    /**
     * Mean ODE dm/dt = A m and Lyapunov ODE dS/dt = A S + S A^T + B B^T, integrated by Hipparchus'
     * adaptive Dormand-Prince 8(5,3): an independent reference for the closed forms.
     */
    private static double[] integrate(LinearSme sme, double t, double theta0, double y0) {
        double w2 = sme.omega0() * sme.omega0();
        double g = sme.gamma();
        double t2 = sme.tau() * sme.tau();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 5;
            }

            @Override
            public double[] computeDerivatives(double time, double[] z) {
                double m1 = z[0];
                double m2 = z[1];
                double s11 = z[2];
                double s12 = z[3];
                double s22 = z[4];
                return new double[] {m2, -w2 * m1 - g * m2, 2 * s12 + t2, s22 - w2 * s11 - g * s12,
                    -2 * w2 * s12 - 2 * g * s22};
            }
        };
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, 1, 1e-13, 1e-13);
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0, new double[] {theta0, y0, 0, 0, 0}), t);
        return end.getPrimaryState();
    }

    @ParameterizedTest
    @CsvSource({
        "0.01, 0.9, 1, 1, 3",     // overdamped
        "0.05, 0.9, 1, 1, 5",     // underdamped
        "0.025, 0.9, 1, 1, 2",    // critical
        "0.2, 0.3, 0.7, 2, 4",
        "0.001, 0.5, 2, 0.5, 1"
    })
    void closedFormsAgreeWithAnOdeIntegration(double eta, double kappa, double omega0, double sigma, double t) {
        LinearSme sme = LinearSme.of(SmeParameters.of(eta, kappa, omega0, sigma), omega0);
        double y0 = -Math.sqrt(eta / (1 - kappa)) * omega0 * omega0;
        double[] ref = integrate(sme, t, 1, y0);
        double[] mean = sme.mean(t, 1, y0);
        Matrix2 cov = sme.covariance(t, new Matrix2(0, 0, 0, 0));
        assertThat(mean[0]).isCloseTo(ref[0], within(1e-10));
        assertThat(mean[1]).isCloseTo(ref[1], within(1e-10));
        double scale = Math.max(1e-300, sme.tau() * sme.tau());
        assertThat(cov.a() / scale).isCloseTo(ref[2] / scale, within(1e-9));
        assertThat(cov.b() / scale).isCloseTo(ref[3] / scale, within(1e-9));
        assertThat(cov.c()).isEqualTo(cov.b());
        assertThat(cov.d() / scale).isCloseTo(ref[4] / scale, within(1e-9));
    }

    @Test
    void stationaryCovarianceSolvesTheLyapunovEquation() {
        LinearSme sme = LinearSme.of(SmeParameters.of(0.01, 0.9, 1, 1), 1);
        Matrix2 a = sme.drift();
        Matrix2 s = sme.stationaryCovariance();
        Matrix2 residual = a.times(s).plus(s.times(a.transpose())).plus(new Matrix2(sme.tau() * sme.tau(), 0, 0, 0));
        assertThat(Math.abs(residual.a()) + Math.abs(residual.b()) + Math.abs(residual.c()) + Math.abs(residual.d()))
                .isLessThan(1e-16);
        // THEORY-NOTES section 2: 0.00550 for eta = 0.01, kappa = 0.9, omega0 = 1, sigma = 1.
        assertThat(s.a()).isCloseTo(0.00550, within(5e-6));
        assertThat(sme.covariance(200, new Matrix2(0, 0, 0, 0)).a()).isCloseTo(s.a(), within(1e-15));
    }

    @Test
    void exponentialOfTheZeroMatrixIsTheIdentityAndComposes() {
        Matrix2 a = new Matrix2(0.3, -1.2, 0.7, -0.4);
        assertThat(new Matrix2(0, 0, 0, 0).exp(5)).isEqualTo(Matrix2.IDENTITY);
        Matrix2 twice = a.exp(0.8).times(a.exp(0.8));
        Matrix2 once = a.exp(1.6);
        assertThat(twice.a()).isCloseTo(once.a(), within(1e-14));
        assertThat(twice.b()).isCloseTo(once.b(), within(1e-14));
        assertThat(twice.c()).isCloseTo(once.c(), within(1e-14));
        assertThat(twice.d()).isCloseTo(once.d(), within(1e-14));
        assertThat(a.toArray()[0][1]).isEqualTo(-1.2);
        assertThat(a.minus(a).det()).isZero();
    }

    /** Strongly overdamped modes at long times: cosh(q t) alone overflows, the product with e^{s t} does not. */
    @Test
    void exponentialStaysFiniteForLongTimesOfStiffModes() {
        LinearSme sme = new LinearSme(0.05, 100, 0.01);
        Matrix2 e = sme.drift().exp(1e4);
        Matrix2 half = sme.drift().exp(5e3);
        Matrix2 twice = half.times(half);
        for (double[] pair : new double[][] {{e.a(), twice.a()}, {e.b(), twice.b()}, {e.c(), twice.c()},
            {e.d(), twice.d()}}) {
            assertThat(pair[0]).isFinite().isCloseTo(pair[1], within(1e-12));
        }
        // the slow mode decays like exp(-muSharp t), muSharp = omega0^2 / gamma to first order: about e^{-0.25}
        assertThat(sme.mean(1e4, 1, 0)[0]).isBetween(0.5 * Math.exp(-0.25), 2 * Math.exp(-0.25));
        assertThat(sme.covariance(1e4, new Matrix2(0, 0, 0, 0)).a()).isFinite();
    }

    /**
     * A stiff overdamped mode, where e^{st} cosh(qt) - s e^{st} sinh(qt)/q cancels in the (2, 2) entry:
     * the value below is (e^{l1 t}(d - l2) - e^{l2 t}(d - l1)) / (2q) at 60 digits (Python decimal).
     */
    @Test
    void stiffEntryHasFullRelativeAccuracy() {
        Matrix2 e = new Matrix2(0, 1, -0.09, -999.9999999999898).exp(1);
        assertThat(e.d()).isCloseTo(-8.99919246615823540364825e-8, within(2e-23));
    }

    @Test
    void transitionNoiseHasACholeskyFactor() {
        LinearSme sme = LinearSme.of(SmeParameters.of(0.01, 0.9, 1, 1), 1);
        LinearSme.Transition tr = sme.transition(Math.sqrt(0.001));
        double[] l = tr.choleskyLower();
        assertThat(l[0] * l[0]).isCloseTo(tr.noise().a(), within(1e-18));
        assertThat(l[0] * l[1]).isCloseTo(tr.noise().c(), within(1e-18));
        assertThat(l[1] * l[1] + l[2] * l[2]).isCloseTo(tr.noise().d(), within(1e-18));
        double[] noNoise = LinearSme.of(SmeParameters.of(0.01, 0.9, 1, 0), 1).transition(0.1).choleskyLower();
        assertThat(noNoise).containsExactly(0, 0, 0);
    }

    @Test
    void rejectsInvalidInputs() {
        assertThatThrownBy(() -> new LinearSme(0, 1, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new LinearSme(1, 0, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new LinearSme(1, 1, -1)).isInstanceOf(InvalidParameterException.class);
        LinearSme sme = new LinearSme(1, 1, 1);
        assertThatThrownBy(() -> sme.transition(0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("dt = 0.0");
    }
}
