package dev.asgd.simulation.sde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weak order by step refinement, deterministically: on the unperturbed quadratic every scheme is a
 * linear Gaussian recursion whose mean and covariance are propagated exactly (no sampling) and
 * compared with the SME's exact moments at a fixed time T (Hipparchus {@code testDecreasingSteps}
 * style: the observed order log2(e(h) / e(h/2)) over the last three of six halvings).
 */
class SchemeWeakOrderTest {
    private static final double T = 2.0;
    private static final int[] STEPS = {40, 80, 160, 320, 640, 1280, 2560};
    /** Orders are read from the last halvings only (the stiff case, gamma h = 0.5 at T/40, is pre-asymptotic). */
    private static final int FIRST_CHECKED = 4;

    static SdeProblem quadratic(double eta, double kappa, double omega, double sigma, double theta0) {
        return new SdeProblem(new QuadraticLoss(new double[] {omega}, new double[] {0.25},
                Perturbations.parse("none")), eta, kappa, new double[] {sigma}, new double[] {theta0});
    }

    private static LinearStepMaps.Moments exact(SdeProblem p, double t) {
        LinearSme sme = p.linearSme(0);
        double u0 = p.theta0()[0] - 0.25;
        double[] m = sme.mean(t, u0, p.y0()[0]);
        return new LinearStepMaps.Moments(m[0], m[1], sme.covariance(t, new Matrix2(0, 0, 0, 0)));
    }

    private static double[] errors(SchemeKind kind, SdeProblem p) {
        LinearStepMaps.Moments ref = exact(p, T);
        double[] e = new double[STEPS.length];
        for (int j = 0; j < STEPS.length; j++) {
            int n = STEPS[j];
            LinearStepMaps maps = LinearStepMaps.of(kind, p, T / n);
            e[j] = maps.propagate(p.theta0()[0] - 0.25, p.y0()[0], n).distance(ref);
        }
        return e;
    }

    /** The weak order of Euler-Maruyama is 1 and the splitting's 2, in every damping regime. */
    @ParameterizedTest(name = "eta {0}, kappa {1}, omega {2}, sigma {3}")
    @CsvSource({"0.1, 0.5, 1.3, 0.8", "0.01, 0.9, 1.0, 1.0", "0.5, 0.0, 0.7, 2.0", "0.02, 0.5, 3.0, 1.0"})
    void observedOrdersOfTheApproximateSchemes(double eta, double kappa, double omega, double sigma) {
        SdeProblem p = quadratic(eta, kappa, omega, sigma, 1.5);
        for (SchemeKind kind : new SchemeKind[] {SchemeKind.EM, SchemeKind.SPLITTING}) {
            double[] e = errors(kind, p);
            for (int j = FIRST_CHECKED; j < e.length; j++) {
                double order = Math.log(e[j - 1] / e[j]) / Math.log(2);
                assertThat(order).as("%s observed order at h = T/%d, errors %s", kind, STEPS[j],
                        java.util.Arrays.toString(e)).isBetween(kind.weakOrder() - 0.1, kind.weakOrder() + 0.15);
            }
        }
    }

    /** Exact sampling has no discretisation error: its moments equal the SME's at any step. */
    @ParameterizedTest(name = "eta {0}, kappa {1}, omega {2}, sigma {3}")
    @CsvSource({"0.1, 0.5, 1.3, 0.8", "0.01, 0.9, 1.0, 1.0", "0.5, 0.0, 0.7, 2.0", "0.02, 0.5, 3.0, 1.0"})
    void exactSamplingHasNoStepError(double eta, double kappa, double omega, double sigma) {
        SdeProblem p = quadratic(eta, kappa, omega, sigma, 1.5);
        for (int n : new int[] {1, 3, 20}) {
            LinearStepMaps maps = LinearStepMaps.of(SchemeKind.EXACT, p, T / n);
            double e = maps.propagate(p.theta0()[0] - 0.25, p.y0()[0], n).distance(exact(p, T));
            assertThat(e).as("exact scheme, %d steps", n).isLessThan(1e-12);
        }
    }

    /**
     * With sigma = 0 the schemes are ODE integrators of the nonlinear drift: on the perturbed
     * quadratic (sin:0.5,2) Euler-Maruyama converges at order 1 and the splitting at order 2,
     * against Hipparchus' Dormand-Prince 8(5,3) at tolerance 1e-13.
     */
    @ParameterizedTest(name = "eta {0}, kappa {1}")
    @CsvSource({"0.1, 0.5", "0.02, 0.9"})
    void nonlinearDriftOrders(double eta, double kappa) {
        QuadraticLoss loss = new QuadraticLoss(new double[] {1.2}, new double[] {0}, Perturbations.parse("sin:0.5,2"));
        SdeProblem p = new SdeProblem(loss, eta, kappa, new double[] {0}, new double[] {1.3});
        double gamma = p.gamma();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] z) {
                double[] g = new double[1];
                loss.gradient(new double[] {z[0]}, g);
                return new double[] {z[1], -g[0] - gamma * z[1]};
            }
        };
        ODEStateAndDerivative end = new DormandPrince853Integrator(1e-10, 1, 1e-13, 1e-13)
                .integrate(ode, new ODEState(0, new double[] {1.3, p.y0()[0]}), T);
        for (SchemeKind kind : new SchemeKind[] {SchemeKind.EM, SchemeKind.SPLITTING}) {
            double[] e = new double[STEPS.length];
            for (int j = 0; j < STEPS.length; j++) {
                int n = STEPS[j];
                SdeScheme s = kind.create(p, T / n);
                double[] theta = {1.3};
                double[] y = p.y0();
                s.begin(theta, y);
                for (int k = 0; k < n; k++) {
                    s.step(theta, y, () -> 0);
                }
                e[j] = Math.max(Math.abs(theta[0] - end.getPrimaryState()[0]), Math.abs(y[0] - end.getPrimaryState()[1]));
            }
            for (int j = FIRST_CHECKED; j < e.length; j++) {
                double order = Math.log(e[j - 1] / e[j]) / Math.log(2);
                assertThat(order).as("%s ODE order at h = T/%d, errors %s", kind, STEPS[j], java.util.Arrays.toString(e))
                        .isBetween(kind.weakOrder() - 0.1, kind.weakOrder() + 0.2);
            }
        }
    }
}
