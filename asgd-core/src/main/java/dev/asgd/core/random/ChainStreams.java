package dev.asgd.core.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * One random stream per chain, derived from (seed, index): chain i gets a XoRoShiRo128++
 * generator (Commons RNG {@code XO_RO_SHI_RO_128_PP}) whose 128-bit state is the outputs 2i and
 * 2i + 1 of SplitMix64 started at {@code seed}. SplitMix64's outputs are a bijective mix of
 * seed + n * golden-ratio increment, so distinct chains get distinct, well-mixed states, and a
 * chain's stream depends on nothing but the seed and its index (never on the thread count).
 * Building a stream costs two mixes and one small object.
 */
public final class ChainStreams {
    /** SplitMix64's state increment (the golden ratio times 2^64). */
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final long seed;

    /**
     * @param seed the run's seed
     */
    public ChainStreams(long seed) {
        this.seed = seed;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * @param index the chain (or worker) index, {@code >= 0}
     * @return that chain's stream, a new generator
     */
    public UniformRandomProvider stream(long index) {
        return new XoRoShiRo128PlusPlus(state0(index), state1(index));
    }

    /**
     * @param index the chain (or worker) index
     * @return the chain's stream as an {@link OpenXoRoShiRo128PlusPlus}: the same numbers as
     *     {@link #stream}
     */
    public OpenXoRoShiRo128PlusPlus openStream(long index) {
        return new OpenXoRoShiRo128PlusPlus(state0(index), state1(index));
    }

    /** SplitMix64(seed) outputs mix(seed + (n + 1) GOLDEN) for n = 0, 1, ...: output 2 index. */
    private long state0(long index) {
        return new SplitMix64(seed + 2 * index * GOLDEN).nextLong();
    }

    /** Output 2 index + 1; replaced by GOLDEN when both words are zero (not allowed). */
    private long state1(long index) {
        long s1 = new SplitMix64(seed + (2 * index + 1) * GOLDEN).nextLong();
        return s1 == 0 && state0(index) == 0 ? GOLDEN : s1;
    }
}
