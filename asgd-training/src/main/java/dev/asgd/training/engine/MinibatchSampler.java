package dev.asgd.training.engine;

import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * The minibatch of one gradient as a pure function of (seed, worker, worker step): rows drawn
 * uniformly with replacement from a SplitMix64 stream seeded by mixing the three. A gradient can
 * thus be recomputed anywhere (a replay, a retried Spark task) and give the same bits, and the
 * worker's "RNG state" is its step counter.
 */
public final class MinibatchSampler {
    private MinibatchSampler() {
    }

    /**
     * @param seed the run's seed
     * @param worker the worker
     * @param step the worker's step
     * @return the seed of that minibatch's stream
     */
    public static long streamSeed(long seed, int worker, long step) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (worker * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        return mix(h ^ step);
    }

    /**
     * @param seed the run's seed
     * @param worker the worker
     * @param step the worker's step
     * @param n rows to draw from
     * @param batch output: the row indices (its length is the batch size)
     */
    public static void sample(long seed, int worker, long step, int n, int[] batch) {
        SplitMix64 rng = new SplitMix64(streamSeed(seed, worker, step));
        for (int i = 0; i < batch.length; i++) {
            batch[i] = rng.nextInt(n);
        }
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser (as in SplitMix64). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
