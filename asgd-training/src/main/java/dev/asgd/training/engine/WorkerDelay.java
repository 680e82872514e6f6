package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;

/**
 * Injected compute delays, so that real staleness distributions appear on a small machine. A
 * comma list of terms, each adding to the delay of one gradient:
 * <pre>
 *   none            no delay
 *   fixed:MS        MS milliseconds on every worker
 *   exp:MEAN_MS     exponential with mean MEAN_MS on every worker
 *   slow:W:FACTOR   worker W takes FACTOR times as long as it computed (sleeps (FACTOR - 1) x compute time
 *                   plus the other terms' delay)
 * </pre>
 * Delays change the schedule only, never a gradient's value.
 *
 * @param fixedMs fixed milliseconds
 * @param expMeanMs mean of the exponential milliseconds (0: none)
 * @param slowWorker the slow worker (-1: none)
 * @param slowFactor its slow-down factor >= 1
 * @param spec the spec as given
 */
public record WorkerDelay(double fixedMs, double expMeanMs, int slowWorker, double slowFactor, String spec) {
    private static final String ALLOWED = "none, or a comma list of fixed:MS, exp:MEAN_MS, slow:WORKER:FACTOR"
            + " (MS >= 0, WORKER >= 0, FACTOR >= 1)";

    /** @return no delay */
    public static WorkerDelay none() {
        return new WorkerDelay(0, 0, -1, 1, "none");
    }

    /** @return whether no delay is ever injected */
    public boolean isNone() {
        return fixedMs == 0 && expMeanMs == 0 && slowWorker < 0;
    }

    /**
     * @param spec the spec
     * @param workers M (the slow worker must exist)
     * @return the delay
     */
    public static WorkerDelay parse(String spec, int workers) {
        double fixed = 0;
        double exp = 0;
        int slow = -1;
        double factor = 1;
        String s = spec.strip();
        if (s.equals("none")) {
            return none();
        }
        try {
            for (String term : s.split(",")) {
                String[] f = term.strip().split(":");
                if (f[0].equals("fixed") && f.length == 2) {
                    fixed = Double.parseDouble(f[1]);
                } else if (f[0].equals("exp") && f.length == 2) {
                    exp = Double.parseDouble(f[1]);
                } else if (f[0].equals("slow") && f.length == 3) {
                    slow = Integer.parseInt(f[1]);
                    factor = Double.parseDouble(f[2]);
                } else {
                    throw new InvalidParameterException("worker-delay", spec, ALLOWED);
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("worker-delay", spec, ALLOWED);
        }
        if (!(fixed >= 0 && fixed < 1e7 && exp >= 0 && exp < 1e7 && factor >= 1 && factor < 1e6)
                || slow >= workers) {
            throw new InvalidParameterException("worker-delay", spec, ALLOWED + ", WORKER < " + workers);
        }
        return new WorkerDelay(fixed, exp, slow, factor, s);
    }

    /**
     * @param worker the worker
     * @param computeNanos how long its gradient took
     * @param rng the worker's delay stream
     * @return nanoseconds to sleep
     */
    public long delayNanos(int worker, long computeNanos, UniformRandomProvider rng) {
        double ms = fixedMs;
        if (expMeanMs > 0) {
            ms += AhrensDieterExponentialSampler.of(rng, expMeanMs).sample();
        }
        double nanos = ms * 1e6;
        if (worker == slowWorker) {
            nanos = nanos * slowFactor + (slowFactor - 1) * computeNanos;
        }
        return (long) nanos;
    }

    /**
     * Sleeps the delay.
     *
     * @param worker the worker
     * @param computeNanos how long its gradient took
     * @param rng the worker's delay stream
     * @throws InterruptedException when interrupted
     */
    public void sleep(int worker, long computeNanos, UniformRandomProvider rng) throws InterruptedException {
        if (isNone()) {
            return;
        }
        long n = delayNanos(worker, computeNanos, rng);
        if (n > 0) {
            Thread.sleep(n / 1_000_000, (int) (n % 1_000_000));
        }
    }

    /** @return the terms, for reports */
    public List<String> terms() {
        List<String> t = new ArrayList<>();
        if (fixedMs > 0) {
            t.add("fixed:" + fixedMs);
        }
        if (expMeanMs > 0) {
            t.add("exp:" + expMeanMs);
        }
        if (slowWorker >= 0) {
            t.add("slow:" + slowWorker + ":" + slowFactor);
        }
        return t;
    }
}
