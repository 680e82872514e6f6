package dev.asgd.core.noise;

import dev.asgd.core.loss.Loss;
import org.apache.commons.rng.UniformRandomProvider;

/** The stochastic gradient of a loss: makes one sampler per chain from that chain's stream. */
public interface GradientOracle {
    /** @return the loss whose gradient is estimated */
    Loss loss();

    /**
     * @param rng the chain's stream (kept by the sampler)
     * @return a new sampler for one chain
     */
    Sampler sampler(UniformRandomProvider rng);

    /** @return a short description, e.g. {@code "gaussian sigma=[1.0]"} */
    String describe();

    /** One chain's stochastic gradients. Not thread-safe. */
    interface Sampler {
        /**
         * @param theta the (possibly stale) point read, length d, not modified
         * @param out receives g(theta), length d
         */
        void sample(double[] theta, double[] out);
    }
}
