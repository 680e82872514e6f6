package dev.asgd.core.staleness;

/**
 * Draws the staleness of one chain, step after step. A sampler belongs to one chain and may keep
 * state (the queue law does), so steps must be asked for in order 0, 1, 2, ... Not thread-safe.
 */
public interface StalenessSampler {
    /**
     * @param step the step k (0, 1, 2, ... in order)
     * @return the staleness tau_k &gt;= 0 of that step, not yet clipped to k
     */
    int next(long step);
}
