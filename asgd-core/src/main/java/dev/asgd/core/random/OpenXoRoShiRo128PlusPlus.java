package dev.asgd.core.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * XoRoShiRo128++ (Blackman and Vigna) with its two state words in the open: the same sequence as
 * Commons RNG's {@code XoRoShiRo128PlusPlus} started from the same two words (tested), for loops
 * that copy the state into local variables, step it there with {@link #mix} and {@link #next0} /
 * {@link #next1}, and hand it back here only when a rare path needs a generator object.
 * Commons RNG keeps its state private, so a loop using it cannot keep the state in registers.
 */
public final class OpenXoRoShiRo128PlusPlus implements UniformRandomProvider {
    /** First state word. */
    public long s0;
    /** Second state word. */
    public long s1;

    /**
     * @param s0 first state word
     * @param s1 second state word (not both zero)
     */
    public OpenXoRoShiRo128PlusPlus(long s0, long s1) {
        this.s0 = s0;
        this.s1 = s1;
    }

    /**
     * @param s0 first state word
     * @param s1 second state word
     * @return the output of this state
     */
    public static long mix(long s0, long s1) {
        return Long.rotateLeft(s0 + s1, 17) + s0;
    }

    /**
     * @param s0 first state word
     * @param s1 second state word
     * @return the next first state word
     */
    public static long next0(long s0, long s1) {
        long t = s1 ^ s0;
        return Long.rotateLeft(s0, 49) ^ t ^ (t << 21);
    }

    /**
     * @param s0 first state word
     * @param s1 second state word
     * @return the next second state word
     */
    public static long next1(long s0, long s1) {
        return Long.rotateLeft(s1 ^ s0, 28);
    }

    @Override
    public long nextLong() {
        long a = s0;
        long b = s1;
        long out = mix(a, b);
        s0 = next0(a, b);
        s1 = next1(a, b);
        return out;
    }
}
