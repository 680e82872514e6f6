package dev.asgd.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.noise.FiniteSumSampling;
import dev.asgd.core.noise.GradientOracle;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.core.random.ChainStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LossTest {

    /** The potential's derivative is eps (central differences), and the gradient is f's derivative. */
    @ParameterizedTest
    @ValueSource(strings = {"none", "sin:0.3,2", "tanh:0.4,0.5", "bump:0.2"})
    void gradientIsTheDerivativeOfTheValue(String spec) {
        Perturbation p = Perturbations.parse(spec);
        QuadraticLoss f = new QuadraticLoss(new double[] {1.5, 0.7}, new double[] {0.2, -1}, p);
        double[] g = new double[2];
        for (double x : new double[] {-3, -0.4, 0.1, 2.5}) {
            double[] theta = {x, 0.5 * x};
            f.gradient(theta, g);
            for (int i = 0; i < 2; i++) {
                double h = 1e-6;
                double[] a = theta.clone();
                double[] b = theta.clone();
                a[i] += h;
                b[i] -= h;
                double fd = (f.value(a) - f.value(b)) / (2 * h);
                assertThat(g[i]).as("%s at %s coordinate %d", spec, x, i).isCloseTo(fd, within(1e-6));
            }
        }
        assertThat(f.value(f.minimizer())).isCloseTo(f.minimumValue(), within(1e-15));
        assertThat(f.isUnperturbed()).isEqualTo(spec.equals("none"));
    }

    @Test
    void quadratureFallbackIntegratesAnyPerturbation() {
        Perturbation cubic = new Perturbation() {
            @Override
            public double value(double theta) {
                return theta * theta * theta;
            }

            @Override
            public double derivative(double theta) {
                return 3 * theta * theta;
            }

            @Override
            public double supAbsValue() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public double supAbsDerivative() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public double supAbsThetaTimesValue() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public String spec() {
                return "cubic";
            }
        };
        assertThat(PerturbationPotential.of(cubic, 2)).isCloseTo(4, within(1e-12));
    }

    @Test
    void leastSquaresMinimizerSolvesTheNormalEquations() {
        double[][] a = {{1, 0}, {0, 2}, {1, 1}, {2, -1}};
        double[] b = {1, 2, 0, 3};
        FiniteSumLeastSquares f = new FiniteSumLeastSquares(a, b);
        double[] g = new double[2];
        f.gradient(f.minimizer(), g);
        assertThat(g[0]).isCloseTo(0, within(1e-12));
        assertThat(g[1]).isCloseTo(0, within(1e-12));
        assertThat(f.minimumValue()).isGreaterThan(0);
        assertThat(f.size()).isEqualTo(4);
        // finite-sum sampling is unbiased: the average of the component gradients is the gradient
        double[] theta = {0.3, -0.2};
        double[] avg = new double[2];
        double[] c = new double[2];
        for (int k = 0; k < 4; k++) {
            f.componentGradient(k, theta, c);
            avg[0] += c[0] / 4;
            avg[1] += c[1] / 4;
        }
        f.gradient(theta, g);
        assertThat(avg[0]).isCloseTo(g[0], within(1e-15));
        assertThat(avg[1]).isCloseTo(g[1], within(1e-15));
        // the excess loss by the quadratic form equals f(theta) - f* computed over the data
        assertThat(f.excess(theta)).isCloseTo(f.value(theta) - f.minimumValue(), within(1e-14));
        assertThat(f.excess(f.minimizer())).isZero();
        assertThat(f.hessian()[0][1]).isCloseTo((0 + 0 + 1 - 2) / 4.0, within(1e-15));
        GradientOracle.Sampler s = new FiniteSumSampling(f).sampler(new ChainStreams(1).stream(0));
        s.sample(theta, c);
        assertThat(c[0] * c[0] + c[1] * c[1]).isGreaterThan(0);
    }

    @Test
    void rejectsRankDeficientData() {
        assertThatThrownBy(() -> new FiniteSumLeastSquares(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsRaggedData() {
        assertThatThrownBy(() -> new FiniteSumLeastSquares(new double[][] {{1, 2}, {2}}, new double[] {1, 2}))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsThetaStarOfTheWrongLength() {
        assertThatThrownBy(() -> new QuadraticLoss(new double[] {1}, new double[] {1, 2}, null))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void additiveNoiseBroadcastsSigmaAndChecksItsLength() {
        AdditiveGaussianNoise n = new AdditiveGaussianNoise(QuadraticLoss.of(1, 2, 3), new double[] {0.5});
        assertThat(n.sigma()).containsExactly(0.5, 0.5, 0.5);
        assertThat(n.describe()).contains("0.5");
        assertThatThrownBy(() -> new AdditiveGaussianNoise(QuadraticLoss.of(1, 2, 3), new double[] {1, 2}))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void chainStreamsDependOnSeedAndIndexOnly() {
        ChainStreams s = new ChainStreams(42);
        assertThat(s.stream(5).nextLong()).isEqualTo(new ChainStreams(42).stream(5).nextLong());
        assertThat(s.stream(5).nextLong()).isNotEqualTo(s.stream(6).nextLong());
        assertThat(s.seed()).isEqualTo(42);
    }
}
