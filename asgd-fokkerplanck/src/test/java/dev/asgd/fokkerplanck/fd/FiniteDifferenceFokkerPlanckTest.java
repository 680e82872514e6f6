package dev.asgd.fokkerplanck.fd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.InitialCondition;
import dev.asgd.fokkerplanck.hermite.CrankNicolsonIntegrator;
import dev.asgd.fokkerplanck.hermite.Functionals;
import dev.asgd.fokkerplanck.hermite.GaussianCoefficients;
import dev.asgd.fokkerplanck.hermite.HermiteGalerkinOperator;
import dev.asgd.fokkerplanck.hermite.SteadyState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-check of the Hermite-Galerkin solver against the finite-difference solver on perturbed
 * problems: the first and second moments of g (in M's standard deviations) at t = 0.5, 1.5, 3 and
 * the steady state's, from the same shifted Gaussian start. Tolerance 3e-3 absolute: the
 * finite-difference error at h = 0.225 (fourth order) is about 1e-3 here, the Hermite one
 * (degree 24, time step 0.01) below 1e-5.
 */
class FiniteDifferenceFokkerPlanckTest {

    @ParameterizedTest
    @CsvSource({"0.5, sin:0.3", "0.05, tanh:0.3", "0.2, bump:0.5"})
    void hermiteAndFiniteDifferencesAgreeOnPerturbedProblems(double eta, String eps) {
        FokkerPlanckProblem p = new FokkerPlanckProblem(eta, 0.5, new double[] {1}, new double[] {3},
                Perturbations.parse(eps), 24);
        double w = 1;
        double beta = p.sme(0).beta();
        double sb = Math.sqrt(beta);
        HermiteGalerkinOperator op = p.operator();
        double[] f = SteadyState.coefficients(op);
        InitialCondition.PhaseGaussian g0 = new InitialCondition.Shifted(new double[] {0.3}).state(p, 0, new double[2]);
        double[] mu = g0.scaledMean(w, beta);
        double[][] s = g0.scaledCovariance(w, beta);
        double[] u = GaussianCoefficients.coefficients(mu, s, 24);
        double[] hh = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            hh[i] = u[i] - f[i];
        }
        FiniteDifferenceFokkerPlanck fd = new FiniteDifferenceFokkerPlanck(w, p.gamma(), beta, p.perturbation(), 9, 81);
        fd.setGaussian(mu, s);
        double dt = 0.01;
        CrankNicolsonIntegrator cn = new CrankNicolsonIntegrator(op, dt);
        double t = 0;
        for (double target : new double[] {0.5, 1.5, 3}) {
            fd.advance(target - t);
            while (t < target - 1e-9) {
                cn.step(hh);
                t += dt;
            }
            double[] g = new double[u.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = f[i] + hh[i];
            }
            compare(Functionals.moments(op, g, 0), fd.moments(), w, sb, "t = " + target + ", " + eps);
            assertThat(fd.moments()[0]).as("finite-difference mass").isCloseTo(1, within(1e-6));
            assertThat(fd.minOverMax()).as("finite-difference positivity").isGreaterThan(-1e-3);
        }
        FiniteDifferenceFokkerPlanck steady = new FiniteDifferenceFokkerPlanck(w, p.gamma(), beta, p.perturbation(), 9,
                61);
        steady.setGaussian(new double[2], new double[][] {{1, 0}, {0, 1}});
        steady.advance(14 / (p.gamma() < 2 ? p.gamma() / 2 : 0.3));
        compare(Functionals.moments(op, f, 0), steady.moments(), w, sb, "steady state, " + eps);
    }

    private static void compare(double[] hermite, double[] fd, double w, double sb, String what) {
        double sx = sb * w;
        double[] scaled = {hermite[0] * sx, hermite[1] * sb, hermite[2] * sx * sx, hermite[3] * sx * sb,
            hermite[4] * sb * sb};
        for (int k = 0; k < 5; k++) {
            assertThat(fd[k + 1]).as("%s: moment %d, Hermite %s", what, k, scaled[k]).isCloseTo(scaled[k],
                    within(3e-3 * Math.max(1, Math.abs(scaled[k]))));
        }
    }
}
