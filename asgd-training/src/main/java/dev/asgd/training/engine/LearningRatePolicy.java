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

    /**
     * The schedule's factor at an update (1 unless the policy carries a schedule, {@link Scheduled}).
     *
     * @param update the update being applied, 0 for the first
     * @return the factor of the rate
     */
    default double factor(long update) {
        return 1;
    }

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
     * A policy with a learning-rate schedule over the updates k = 0, 1, ...:
     * <pre>
     *   step:K:GAMMA   factor GAMMA^floor(k / K)    (0 &lt; GAMMA &lt;= 1, K &gt;= 1)
     *   inv:T          factor 1 / (1 + k / T)       (T &gt; 0)
     * </pre>
     * Spelled {@code POLICY@SCHEDULE} in settings and recordings (e.g. {@code constant@inv:1000}).
     *
     * @param base the policy
     * @param schedule the schedule's spec
     * @param every K (step) or T (inv)
     * @param gamma GAMMA (step), NaN for inv
     */
    record Scheduled(LearningRatePolicy base, String schedule, double every, double gamma) implements LearningRatePolicy {
        @Override
        public double rate(double eta, int workers, long staleness) {
            return base.rate(eta, workers, staleness);
        }

        @Override
        public double factor(long update) {
            return Double.isNaN(gamma) ? 1 / (1 + update / every) : Math.pow(gamma, Math.floor(update / every));
        }

        @Override
        public double compensation() {
            return base.compensation();
        }

        @Override
        public boolean needsReadParameters() {
            return base.needsReadParameters();
        }

        @Override
        public String spec() {
            return base.spec() + "@" + schedule;
        }

        /**
         * @param base the policy
         * @param spec {@code constant}, {@code step:K:GAMMA} or {@code inv:T}
         * @return the policy with that schedule ({@code base} itself for {@code constant})
         */
        public static LearningRatePolicy of(LearningRatePolicy base, String spec) {
            String s = spec.strip();
            if (s.equals("constant")) {
                return base;
            }
            String[] f = s.split(":");
            try {
                if (f[0].equals("step") && f.length == 3) {
                    double k = Double.parseDouble(f[1]);
                    double g = Double.parseDouble(f[2]);
                    if (k >= 1 && k < 1e18 && k == Math.rint(k) && g > 0 && g <= 1) {
                        return new Scheduled(base, "step:" + (long) k + ":" + g, k, g);
                    }
                } else if (f[0].equals("inv") && f.length == 2) {
                    double t = Double.parseDouble(f[1]);
                    if (t > 0 && t < Double.POSITIVE_INFINITY) {
                        return new Scheduled(base, "inv:" + t, t, Double.NaN);
                    }
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new InvalidParameterException("lr-schedule", spec,
                    "constant, step:K:GAMMA (K >= 1 an integer, 0 < GAMMA <= 1) or inv:T (T > 0)");
        }
    }

    /**
     * @param spec {@code constant}, {@code scaled}, {@code staleness-aware} or {@code dc-asgd:LAMBDA},
     *     optionally followed by {@code @SCHEDULE} ({@link Scheduled})
     * @return the policy
     */
    static LearningRatePolicy parse(String spec) {
        String s = spec.strip();
        int at = s.indexOf('@');
        if (at >= 0) {
            return Scheduled.of(parse(s.substring(0, at)), s.substring(at + 1));
        }
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
