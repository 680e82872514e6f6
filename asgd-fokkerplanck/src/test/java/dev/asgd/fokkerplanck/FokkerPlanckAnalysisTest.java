package dev.asgd.fokkerplanck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.theory.DecayRates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FokkerPlanckAnalysisTest {

    private static FokkerPlanckProblem problem(double eta, String eps, int degree) {
        // kappa = 0.5, omega0 = 1, sigma = 3: beta = 2 gamma / tau^2 is O(10), so theta0 = 0.3 is a
        // shift of about one equilibrium standard deviation.
        return new FokkerPlanckProblem(eta, 0.5, new double[] {1}, new double[] {3}, Perturbations.parse(eps), degree);
    }

    /**
     * eps = 0, shifted equilibrium: g stays Gaussian with M's covariance and the mean m(t) of the
     * scaled variables follows the degree-1 block, so ||h||^2 = exp(|m(t)|^2) - 1 exactly. The
     * Crank-Nicolson series must match it to its O((|lambda| dt)^2) relative error.
     */
    @ParameterizedTest
    @CsvSource({"0.5", "0.125", "0.05"})
    void shiftedSeriesMatchesTheExactGaussianSolution(double eta) {
        FokkerPlanckProblem p = problem(eta, "none", 40);
        FokkerPlanckResult r = FokkerPlanckAnalysis.run(p, new InitialCondition.Shifted(new double[] {0.3}),
                new RunSettings(null, null, 50, false, 0), null);
        double w = 1;
        double gamma = p.gamma();
        double beta = p.sme(0).beta();
        InitialCondition.PhaseGaussian g0 = new InitialCondition.Shifted(new double[] {0.3}).state(p, 0, new double[2]);
        double[] m0 = g0.scaledMean(w, beta);
        for (FokkerPlanckResult.Point pt : r.series()) {
            double[] m = ExactOrnsteinUhlenbeck.mean(w, gamma, m0, pt.time());
            double exact = Math.expm1(m[0] * m[0] + m[1] * m[1]);
            assertThat(pt.hNormSq()).as("t = %s", pt.time()).isCloseTo(exact, within(2e-3 * exact + 1e-300));
        }
        assertThat(r.maxMassDefect()).isLessThan(1e-14);
        if (Math.abs(p.gamma() - 2) > 1e-9) {
            // (critical damping has the (1 + t) factor instead: see the next test)
            assertThat(r.measuredRate()).as("measured vs muSharp").isCloseTo(r.muSharp(), within(1e-3 * r.muSharp()));
        }
    }

    /** Critical damping: ||h||^2 ~ |m|^2 ~ (1 + t)^2 exp(-gamma t); fitting that form recovers gamma. */
    @Test
    void criticalCaseDecaysLikeOnePlusTTimesExponential() {
        FokkerPlanckProblem p = problem(0.125, "none", 40);
        assertThat(p.gamma()).isCloseTo(2.0, within(1e-12));
        FokkerPlanckResult r = FokkerPlanckAnalysis.run(p, new InitialCondition.Shifted(new double[] {0.3}),
                new RunSettings(20.0, null, 400, false, 0), null);
        // Least squares of log(||h||^2) - 2 log(1 + t) on t over t in [10, 20]: slope -gamma.
        double[] fit = slope(r, 10, 20, true);
        assertThat(-fit[0]).as("fitted exponent with the (1 + t)^2 factor").isCloseTo(2.0, within(0.02));
        double[] plain = slope(r, 10, 20, false);
        assertThat(-plain[0]).as("a pure exponential fit is biased by the (1 + t) factor").isLessThan(1.9);
    }

    /** Centred data (mean right, covariance off) excite only even modes: the printed mu is attained. */
    @ParameterizedTest
    @CsvSource({"0.5, none", "0.05, none", "0.5, sin:0.2", "0.05, tanh:0.3"})
    void centredDataDecayAtThePrintedRate(double eta, String eps) {
        FokkerPlanckProblem p = problem(eta, eps, 24);
        FokkerPlanckResult r = FokkerPlanckAnalysis.run(p, new InitialCondition.Centred(0.6),
                new RunSettings(null, null, 50, false, 0), null);
        assertThat(r.measuredRate()).as("centred rate vs degree-2 rate").isCloseTo(r.expectedRate(),
                within(2e-3 * r.expectedRate()));
        if (p.perturbation().isZero()) {
            assertThat(r.expectedRate()).isCloseTo(DecayRates.muPaper(p.gamma(), 1), within(1e-9));
        }
    }

    /** eps != 0: the measured rate is at least muSharp - epsilon (the corrected theorem) and equals the gap. */
    @ParameterizedTest
    @CsvSource({"0.5, sin:0.2", "0.05, tanh:0.3", "0.2, bump:0.4"})
    void perturbedRateIsTheGapAndRespectsTheTheorem(double eta, String eps) {
        FokkerPlanckProblem p = problem(eta, eps, 24);
        FokkerPlanckResult r = FokkerPlanckAnalysis.run(p, new InitialCondition.Shifted(new double[] {0.3}),
                RunSettings.defaults(), null);
        assertThat(r.measuredRate()).isGreaterThanOrEqualTo(r.muSharpMinusEpsilon());
        assertThat(r.measuredRate()).as("measured vs gap").isCloseTo(r.spectrum().gap(), within(2e-3 * r.spectrum().gap()));
        assertThat(r.steadyResidual()).isLessThan(1e-10);
        assertThat(r.maxMassDefect()).isLessThan(1e-12);
        assertThat(r.gapTruncationError()).isLessThan(1e-3 * r.spectrum().gap());
    }

    /**
     * d = 2 (a 4-D phase space), two overdamped coordinates with distinct rates: the measured rate
     * of the 4-D solution is the slower coordinate's d = 1 gap (the generator is a Kronecker sum),
     * to the integrator's 1e-4.
     */
    @Test
    void twoDimensionalRateIsTheSlowerCoordinatesGap() {
        FokkerPlanckProblem p2 = new FokkerPlanckProblem(0.02, 0.5, new double[] {1, 2}, new double[] {25, 25},
                Perturbations.parse("tanh:0.3"), 8);
        FokkerPlanckProblem p1 = new FokkerPlanckProblem(0.02, 0.5, new double[] {1}, new double[] {25},
                Perturbations.parse("tanh:0.3"), 24);
        double gap1 = SpectralGap.of(p1.operator()).gap();
        FokkerPlanckResult r = FokkerPlanckAnalysis.run(p2, new InitialCondition.Shifted(new double[] {0.3}),
                new RunSettings(30 / gap1, null, 20, false, 0), null);
        assertThat(r.spectrum().gap()).as("4-D gap vs d = 1 gap").isCloseTo(gap1, within(1e-4 * gap1));
        assertThat(r.measuredRate()).as("4-D measured rate vs d = 1 gap").isCloseTo(gap1, within(1e-4 * gap1));
        assertThat(r.measuredRate()).isGreaterThanOrEqualTo(r.muSharpMinusEpsilon());
        assertThat(r.maxMassDefect()).isLessThan(1e-12);
    }

    @Test
    void unresolvedInitialDensityIsRefused() {
        FokkerPlanckProblem p = problem(0.5, "none", 4);
        assertThatThrownBy(() -> FokkerPlanckAnalysis.run(p, new InitialCondition.Shifted(new double[] {3}),
                RunSettings.defaults(), null)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("degree");
    }

    @Test
    void tooWideInitialCovarianceIsRefused() {
        assertThatThrownBy(() -> new InitialCondition.Centred(2.5)).isInstanceOf(InvalidParameterException.class);
    }

    private static double[] slope(FokkerPlanckResult r, double from, double to, boolean withFactor) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (FokkerPlanckResult.Point pt : r.series()) {
            if (pt.time() < from || pt.time() > to) {
                continue;
            }
            double y = Math.log(pt.hNormSq()) - (withFactor ? 2 * Math.log(1 + pt.time()) : 0);
            sx += pt.time();
            sy += y;
            sxx += pt.time() * pt.time();
            sxy += pt.time() * y;
            n++;
        }
        double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {b};
    }

    static {
        NoPerturbation.INSTANCE.spec();
    }
}
