package dev.asgd.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open generator and the inline step functions reproduce Commons RNG's XoRoShiRo128++ word for word. */
class OpenXoRoShiRo128PlusPlusTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
    void sameWordsAsCommonsRng(long seed) {
        ChainStreams streams = new ChainStreams(seed);
        for (long chain : new long[] {0, 1, 255, 1L << 40}) {
            UniformRandomProvider reference = streams.stream(chain);
            OpenXoRoShiRo128PlusPlus open = streams.openStream(chain);
            long s0 = open.s0;
            long s1 = open.s1;
            for (int i = 0; i < 10_000; i++) {
                long expected = reference.nextLong();
                // the inline form a loop uses ...
                long word = OpenXoRoShiRo128PlusPlus.mix(s0, s1);
                long t = OpenXoRoShiRo128PlusPlus.next0(s0, s1);
                s1 = OpenXoRoShiRo128PlusPlus.next1(s0, s1);
                s0 = t;
                assertThat(word).as("seed %d chain %d word %d", seed, chain, i).isEqualTo(expected);
                // ... and the object form, kept in step
                assertThat(open.nextLong()).isEqualTo(expected);
            }
            assertThat(open.s0).isEqualTo(s0);
            assertThat(open.s1).isEqualTo(s1);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 0x9e3779b97f4a7c15L})
    void directSeedingMatchesCommonsRng(long seed) {
        UniformRandomProvider reference = new XoRoShiRo128PlusPlus(seed, ~seed);
        OpenXoRoShiRo128PlusPlus open = new OpenXoRoShiRo128PlusPlus(seed, ~seed);
        for (int i = 0; i < 1000; i++) {
            assertThat(open.nextLong()).isEqualTo(reference.nextLong());
        }
        // nextDouble is the top 53 bits of nextLong in both (nextInt differs: Commons RNG splits a
        // word into two ints, the interface default takes one word per int)
        assertThat(open.nextDouble()).isEqualTo(reference.nextDouble());
    }
}
