package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;

/**
 * The step a server takes for one gradient g read at staleness tau. Every policy is one rate and
 * an optional delay compensation; the loop that uses them lives once in the parameter server:
 * <pre>
 *   theta_i &lt;- theta_i - rate(eta, M, tau) (g_i + lambda g_i^2 (theta_i - theta_read,i))
 * </pre>
 * lambda is 0 except for delay compensation (Zheng et al. 2017, the diagonal outer-product
 * approximation of the Hessian times the parameter drift).
 */
public sealed interface LearningRatePolicy {
    /**
     * @param eta the base learning rate
     * @param workers M
     * @param staleness tau
     * @return the rate of this update
     */
    double rate(double eta, int workers, long staleness);

    /** @return lambda of the delay compensation (0: none) */
    default double compensation() {
        return 0;
    }

    /** @return whether the server needs the parameters the worker read (delay compensation) */
    default boolean needsReadParameters() {
        return compensation() != 0;
    }

    /** @return the name as parsed */
    String spec();

    /**
     * The learning rate the theory should use: the rate at the run's mean staleness, as the
     * quadratic model has one eta.
     *
     * @param eta base rate
     * @param workers M
     * @param meanStaleness mean tau of the run
     * @return the effective eta
     */
    default double effectiveEta(double eta, int workers, double meanStaleness) {
        return rate(eta, workers, Math.round(meanStaleness));
    }

    /** eta for every update. */
    record Constant() implements LearningRatePolicy {
        @Override
        public double rate(double eta, int workers, long staleness) {
            return eta;
        }

        @Override
        public String spec() {
            return "constant";
        }
    }

    /** eta / M. */
    record Scaled() implements LearningRatePolicy {
        @Override
        public double rate(double eta, int workers, long staleness) {
            return eta / workers;
        }

        @Override
        public String spec() {
            return "scaled";
        }
    }

    /** eta / (tau + 1) (Zhang, Gupta, Lian and Liu 2016). */
    record StalenessAware() implements LearningRatePolicy {
        @Override
        public double rate(double eta, int workers, long staleness) {
            return eta / (staleness + 1);
        }

        @Override
        public String spec() {
            return "staleness-aware";
        }
    }

    /**
     * Delay-compensated ASGD (Zheng et al. 2017), rate eta.
     *
     * @param lambda the compensation strength >= 0
     */
    record DelayCompensated(double lambda) implements LearningRatePolicy {
        /** Validates. */
        public DelayCompensated {
            Require.nonNegativeFinite(lambda, "lr-policy");
        }

        @Override
        public double rate(double eta, int workers, long staleness) {
            return eta;
        }

        @Override
        public double compensation() {
            return lambda;
        }

        @Override
        public boolean needsReadParameters() {
            return true;
        }

        @Override
        public String spec() {
            return "dc-asgd:" + lambda;
        }
    }

    /**
     * @param spec {@code constant}, {@code scaled}, {@code staleness-aware} or {@code dc-asgd:LAMBDA}
     * @return the policy
     */
    static LearningRatePolicy parse(String spec) {
        String s = spec.strip();
        switch (s) {
            case "constant":
                return new Constant();
            case "scaled":
                return new Scaled();
            case "staleness-aware":
                return new StalenessAware();
            default:
                break;
        }
        if (s.startsWith("dc-asgd:")) {
            try {
                double l = Double.parseDouble(s.substring(8));
                if (l >= 0 && l < Double.POSITIVE_INFINITY) {
                    return new DelayCompensated(l);
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new InvalidParameterException("lr-policy", spec,
                "constant, scaled, staleness-aware or dc-asgd:LAMBDA with LAMBDA >= 0");
    }
}
