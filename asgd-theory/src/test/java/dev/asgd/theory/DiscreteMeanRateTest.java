package dev.asgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DiscreteMeanRateTest {
    /** Spectral radius of the (m, w) map [[1, -a], [1 - kappa, kappa - (1 - kappa) a]] by Hipparchus. */
    static double spectralRadius(double eta, double kappa, double omega0) {
        double a = eta * omega0 * omega0;
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(new double[][] {{1, -a},
            {1 - kappa, kappa - (1 - kappa) * a}});
        double r = 0;
        for (Complex c : new EigenDecompositionNonSymmetric(m).getEigenvalues()) {
            r = Math.max(r, c.norm());
        }
        return r;
    }

    /**
     * Brute force from the definition, with no closed recursion: the mean obeys
     * m_{k+1} = m_k - a sum_l (1 - kappa) kappa^l m_{max(k - l, 0)} (reads before step 0 return
     * theta_0). The contraction is read off the ratio of sum m_k^2 over two consecutive windows.
     */
    static double bruteForceContraction(double eta, double kappa, double omega0, int maxSteps, int maxWindow) {
        // keep |m_k| above the underflow: rho^steps > 1e-250
        double rho = DiscreteMeanRate.contractionPerStep(eta, kappa, omega0);
        int steps = (int) Math.min(maxSteps, Math.floor(250 * Math.log(10) / -Math.log(rho)));
        int window = Math.min(maxWindow, steps / 10);
        double a = eta * omega0 * omega0;
        double[] m = new double[steps + 1];
        m[0] = 1;
        for (int k = 0; k < steps; k++) {
            double avg = 0;
            double p = 1 - kappa;
            for (int l = 0; l <= k; l++) {
                double weight = l < k ? p : p / (1 - kappa); // the tail mass kappa^k sits on m_0
                avg += weight * m[k - l];
                p *= kappa;
            }
            m[k + 1] = m[k] - a * avg;
        }
        double late = 0;
        double early = 0;
        for (int k = steps - window + 1; k <= steps; k++) {
            double scale = Math.abs(m[steps - 2 * window + 1]);
            late += (m[k] / scale) * (m[k] / scale);
            early += (m[k - window] / scale) * (m[k - window] / scale);
        }
        return Math.pow(late / early, 0.5 / window);
    }

    /** Seeded random (eta, kappa, omega0) over the stable range (seed 7). */
    static Stream<Arguments> randomStable() {
        SplittableRandom r = new SplittableRandom(7);
        return Stream.generate(() -> {
            double kappa = r.nextDouble(0, 0.95);
            double omega0 = Math.pow(10, r.nextDouble(-0.5, 0.5));
            double eta = DiscreteMeanRate.etaMax(kappa, omega0) * Math.pow(10, r.nextDouble(-3, -0.01));
            return Arguments.of(eta, kappa, omega0);
        }).limit(60);
    }

    @ParameterizedTest
    @MethodSource("randomStable")
    void equalsTheSpectralRadiusOfTheMeanMap(double eta, double kappa, double omega0) {
        assertThat(DiscreteMeanRate.contractionPerStep(eta, kappa, omega0))
                .isCloseTo(spectralRadius(eta, kappa, omega0), within(1e-7));
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.9, 1", "0.1, 0.5, 1", "0.5, 0.2, 1.5", "0.003, 0.6, 2", "2.5, 0.7, 1", "0.05, 0, 1"})
    void agreesWithTheBruteForceMeanOfAsgd(double eta, double kappa, double omega0) {
        double rho = DiscreteMeanRate.contractionPerStep(eta, kappa, omega0);
        // 1 % relative: with fast complex decay every window sum is dominated by its first terms,
        // whose phase the estimate cannot average out.
        assertThat(bruteForceContraction(eta, kappa, omega0, 3000, 200)).isCloseTo(rho, within(0.01 * rho));
    }

    /**
     * The closed two-state recursion (THEORY-NOTES section 5) reproduces the brute-force mean of
     * ASGD, m_{k+1} = m_k - a sum_l p_l m_{max(k - l, 0)}, step by step.
     */
    @ParameterizedTest
    @CsvSource({"0.01, 0.9, 1", "0.5, 0.2, 1.5", "2.5, 0.7, 1", "0.05, 0, 1"})
    void closedRecursionEqualsTheDefinition(double eta, double kappa, double omega0) {
        double a = eta * omega0 * omega0;
        int steps = 300;
        double[] brute = new double[steps + 1];
        brute[0] = 1;
        double m = 1;
        double w = 1;
        for (int k = 0; k < steps; k++) {
            double avg = 0;
            double p = 1 - kappa;
            for (int l = 0; l <= k; l++) {
                avg += (l < k ? p : p / (1 - kappa)) * brute[k - l];
                p *= kappa;
            }
            brute[k + 1] = brute[k] - a * avg;
            m = m - a * w;
            w = kappa * w + (1 - kappa) * m;
            assertThat(m).as("step %d", k + 1).isCloseTo(brute[k + 1], within(1e-11 * Math.max(1, Math.abs(m))));
        }
    }

    /** Inside the complex-root window the contraction is sqrt(kappa) for every eta (seed 11). */
    @Test
    void isSqrtKappaInsideTheWindow() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            double kappa = r.nextDouble(0.01, 0.99);
            double omega0 = Math.pow(10, r.nextDouble(-1, 1));
            double lo = DiscreteMeanRate.etaThresholdExact(kappa, omega0);
            double hi = DiscreteMeanRate.etaWindowUpper(kappa, omega0);
            double eta = lo + (hi - lo) * r.nextDouble(0.001, 0.999);
            assertThat(DiscreteMeanRate.contractionPerStep(eta, kappa, omega0))
                    .as("kappa %s omega0 %s eta %s", kappa, omega0, eta).isCloseTo(Math.sqrt(kappa), within(1e-12));
        }
    }

    @Test
    void belowTheThresholdItIsSlowerThanSqrtKappa() {
        double lo = DiscreteMeanRate.etaThresholdExact(0.9, 1);
        assertThat(DiscreteMeanRate.contractionPerStep(0.5 * lo, 0.9, 1)).isGreaterThan(Math.sqrt(0.9) + 1e-3);
        assertThat(DiscreteMeanRate.contractionPerStep(lo, 0.9, 1)).isCloseTo(Math.sqrt(0.9), within(1e-7));
    }

    @Test
    void kappaZeroIsPlainSgd() {
        for (double eta : new double[] {0.01, 0.5, 1, 1.5, 1.99, 2.5}) {
            assertThat(DiscreteMeanRate.contractionPerStep(eta, 0, 1)).isCloseTo(Math.abs(1 - eta), within(1e-15));
        }
        assertThat(DiscreteMeanRate.etaMax(0, 1)).isEqualTo(2);
    }

    /**
     * etaMax = 2 (1 + kappa) / ((1 - kappa) omega0^2) is the mean's stability limit. THEORY-NOTES
     * section 5 calls (1 + sqrt kappa) / ((1 - sqrt kappa) omega0^2) the stability limit; it is only
     * the end of the sqrt(kappa) plateau: just above it ASGD still converges.
     */
    @ParameterizedTest
    @CsvSource({"0, 1", "0.5, 1", "0.9, 2", "0.81, 0.5"})
    void etaMaxIsTheStabilityLimitAndTheNotesLimitIsNot(double kappa, double omega0) {
        double etaMax = DiscreteMeanRate.etaMax(kappa, omega0);
        assertThat(DiscreteMeanRate.contractionPerStep(etaMax * (1 - 1e-6), kappa, omega0)).isLessThan(1);
        assertThat(DiscreteMeanRate.contractionPerStep(etaMax * (1 + 1e-6), kappa, omega0)).isGreaterThan(1);
        assertThat(DiscreteMeanRate.contractionPerStep(etaMax, kappa, omega0)).isCloseTo(1, within(1e-12));
        double notes = DiscreteMeanRate.etaWindowUpper(kappa, omega0);
        assertThat(notes).isLessThan(etaMax);
        double between = 0.5 * (notes + etaMax);
        assertThat(DiscreteMeanRate.contractionPerStep(between, kappa, omega0)).isLessThan(1);
        assertThat(bruteForceContraction(between, kappa, omega0, 2000, 200)).isLessThan(1);
    }

    @Test
    void thresholdsAsPrinted() {
        assertThat(DiscreteMeanRate.etaThresholdPaper(0.9, 1)).isCloseTo(0.025, within(1e-16));
        double s = Math.sqrt(0.9);
        assertThat(DiscreteMeanRate.etaThresholdExact(0.9, 1)).isCloseTo((1 - s) / (1 + s), within(1e-16));
    }

    /**
     * Where the SME is valid the exact discrete exponent -2 ln rho approaches the sharp 2 mu deltaT:
     * as eta -> 0 in the overdamped regime, and as kappa -> 1 in the underdamped one. The printed
     * exponent stays twice as large.
     */
    @Test
    void exactOverSharpTendsToOneWhereTheSmeIsValid() {
        double previous = Double.POSITIVE_INFINITY;
        for (double eta : new double[] {1e-2, 1e-3, 1e-4, 1e-5}) {
            ModeRate m = ModeRate.of(eta, 0.5, 1, 1);
            assertThat(m.regime()).isEqualTo(DampingRegime.OVERDAMPED);
            double gap = Math.abs(m.exactDecayPerStep() / m.decayPerStepSharp() - 1);
            assertThat(gap).isLessThan(previous);
            previous = gap;
            assertThat(m.decayPerStepPaper() / m.exactDecayPerStep()).isCloseTo(2, within(0.05));
        }
        assertThat(previous).isLessThan(1e-4);
        previous = Double.POSITIVE_INFINITY;
        for (double kappa : new double[] {0.9, 0.99, 0.999, 0.9999}) {
            double eta = 4 * DiscreteMeanRate.etaThresholdExact(kappa, 1);
            ModeRate m = ModeRate.of(eta, kappa, 1, 1);
            assertThat(m.regime()).isEqualTo(DampingRegime.UNDERDAMPED);
            double gap = Math.abs(m.exactDecayPerStep() / m.decayPerStepSharp() - 1);
            assertThat(gap).isLessThan(previous);
            previous = gap;
        }
        assertThat(previous).isLessThan(1e-4);
    }
}
