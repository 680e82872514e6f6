package dev.asgd.fokkerplanck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.theory.DecayRates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpectralGapTest {

    /** The three regimes: underdamped (gamma = 1), critical (gamma = 2), overdamped (gamma = sqrt 10). */
    @ParameterizedTest
    @CsvSource({"0.5, 0.5, 1.0", "0.125, 0.5, 1.0", "0.05, 0.5, 1.0", "0.02, 0.9, 1.7", "0.3, 0.2, 0.6"})
    void gapEqualsMuSharpInEveryRegime(double eta, double kappa, double omega) {
        FokkerPlanckProblem p = new FokkerPlanckProblem(eta, kappa, new double[] {omega}, new double[] {1},
                NoPerturbation.INSTANCE, 64);
        SpectralGap s = SpectralGap.of(p.operator());
        double mu = DecayRates.muSharp(p.gamma(), omega);
        // The critical degree-1 block is a 2x2 Jordan block: its eigenvalue is resolved to sqrt(machine eps).
        double tol = Math.abs(p.gamma() - 2 * omega) < 1e-9 ? 1e-7 : 1e-12;
        assertThat(s.gap()).as("gap vs muSharp %s", mu).isCloseTo(mu, org.assertj.core.api.Assertions.within(tol * mu));
        assertThat(s.gapDegree()).isEqualTo(1);
        assertThat(s.method()).isEqualTo("blocks");
        assertThat(s.rateOfDegree(2)).as("degree-2 rate vs printed mu").isCloseTo(DecayRates.muPaper(p.gamma(), omega),
                org.assertj.core.api.Assertions.within(Math.sqrt(tol) * mu));
    }

    /** d = 2, eps = 0: the spectrum holds the sums of the two coordinates' spectra; the gap is the least muSharp. */
    @org.junit.jupiter.api.Test
    void twoDimensionalSpectrumIsTheKroneckerSum() {
        FokkerPlanckProblem p = new FokkerPlanckProblem(0.05, 0.5, new double[] {1, 2}, new double[] {1, 1},
                NoPerturbation.INSTANCE, 6);
        SpectralGap s = SpectralGap.of(p.operator());
        double g = p.gamma();
        double mu = Math.min(DecayRates.muSharp(g, 1), DecayRates.muSharp(g, 2));
        assertThat(s.gap()).isCloseTo(mu, org.assertj.core.api.Assertions.within(1e-12));
        // lambda(coordinate 1, slow) + lambda(coordinate 2, slow) lives in the degree-2 block (1, 1).
        double sum = DecayRates.muSharp(g, 1) * 2 / 2 + DecayRates.muSharp(g, 2);
        assertThat(s.modes()).anySatisfy(m -> assertThat(Math.abs(m.re() + sum)).isLessThan(1e-10));
        assertThat(s.modes()).hasSize((int) dev.asgd.fokkerplanck.hermite.HermiteBasis.count(2, 6) - 1);
    }

    /** Every eigenvalue of degree <= 12 equals -(n1 lambda1 + n2 lambda2) (non-critical regimes). */
    @ParameterizedTest
    @CsvSource({"0.5, 0.5, 1.0", "0.05, 0.5, 1.0", "0.2, 0.3, 1.3"})
    void spectrumIsOrnsteinUhlenbeck(double eta, double kappa, double omega) {
        int n = 12;
        FokkerPlanckProblem p = new FokkerPlanckProblem(eta, kappa, new double[] {omega}, new double[] {1},
                NoPerturbation.INSTANCE, n);
        SpectralGap s = SpectralGap.of(p.operator());
        double g = p.gamma();
        double disc = g * g - 4 * omega * omega;
        double[] l1 = {g / 2, disc < 0 ? Math.sqrt(-disc) / 2 : 0};
        double[] l2 = {g / 2, -l1[1]};
        if (disc > 0) {
            l1[0] = (g + Math.sqrt(disc)) / 2;
            l2[0] = (g - Math.sqrt(disc)) / 2;
        }
        for (int k = 1; k <= n; k++) {
            List<double[]> expected = new ArrayList<>();
            for (int a = 0; a <= k; a++) {
                expected.add(new double[] {-(a * l1[0] + (k - a) * l2[0]), -(a * l1[1] + (k - a) * l2[1])});
            }
            List<double[]> actual = new ArrayList<>();
            for (SpectralGap.Mode m : s.modes()) {
                if (m.degree() == k) {
                    actual.add(new double[] {m.re(), m.im()});
                }
            }
            Comparator<double[]> order = Comparator.<double[]>comparingDouble(z -> Math.round(z[0] * 1e6))
                    .thenComparingDouble(z -> z[1]);
            expected.sort(order);
            actual.sort(order);
            assertThat(actual).hasSize(k + 1);
            double scale = k * Math.max(g, omega);
            for (int i = 0; i <= k; i++) {
                double err = Math.hypot(actual.get(i)[0] - expected.get(i)[0], actual.get(i)[1] - expected.get(i)[1]);
                assertThat(err / scale).as("degree %d eigenvalue %d: %s vs %s", k, i, actual.get(i)[0] + "+"
                        + actual.get(i)[1] + "i", expected.get(i)[0] + "+" + expected.get(i)[1] + "i").isLessThan(1e-11);
            }
        }
    }
}
