package dev.asgd.core.noise;

import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.core.loss.Loss;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The paper's stochastic gradient g_k = grad f_{gamma_k}, gamma_k uniform on the n components
 * (Zhu and Ying, section 2), for finite-sum least squares. Unbiased: E g = grad f.
 */
public final class FiniteSumSampling implements GradientOracle {
    private final FiniteSumLeastSquares loss;

    /**
     * @param loss the finite sum
     */
    public FiniteSumSampling(FiniteSumLeastSquares loss) {
        this.loss = loss;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public String describe() {
        return "finite-sum sampling n=" + loss.size();
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        final int n = loss.size();
        final FiniteSumLeastSquares f = loss;
        return (theta, out) -> f.componentGradient(rng.nextInt(n), theta, out);
    }
}
