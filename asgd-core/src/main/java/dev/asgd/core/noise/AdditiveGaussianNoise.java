package dev.asgd.core.noise;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import dev.asgd.core.loss.Loss;
import dev.asgd.core.random.ZigguratNormal;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * g(theta) = grad f(theta) + sigma . xi, xi ~ N(0, I) independent across steps and coordinates
 * (THEORY-NOTES section 1), xi drawn by {@link ZigguratNormal}
 * (the simulator's fast loop draws the same numbers).
 */
public final class AdditiveGaussianNoise implements GradientOracle {
    private final Loss loss;
    private final double[] sigma;

    /**
     * @param loss f
     * @param sigma one standard deviation per coordinate (or one for all), each &gt;= 0 (copied)
     */
    public AdditiveGaussianNoise(Loss loss, double[] sigma) {
        this.loss = loss;
        double[] s = Require.nonNegativeFiniteAll(sigma, "sigma");
        int d = loss.dimension();
        if (s.length == 1 && d > 1) {
            double v = s[0];
            s = new double[d];
            Arrays.fill(s, v);
        } else if (s.length != d) {
            throw new InvalidParameterException("sigma", Arrays.toString(sigma),
                    "one value or " + d + " values (one per coordinate)");
        }
        this.sigma = s;
    }

    /** @return a copy of sigma per coordinate */
    public double[] sigma() {
        return sigma.clone();
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public String describe() {
        return "gaussian sigma=" + Arrays.toString(sigma);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        final double[] s = sigma;
        final Loss f = loss;
        return (theta, out) -> {
            f.gradient(theta, out);
            for (int i = 0; i < s.length; i++) {
                out[i] += s[i] * ZigguratNormal.sample(rng);
            }
        };
    }
}
