package dev.asgd.core.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Standard normal variates by the ziggurat method of Marsaglia and Tsang (2000) with 256 layers,
 * written so that the common case is a function of one 64-bit word: its low 8 bits pick the
 * layer, its upper 56 bits (a signed integer) the abscissa, so layer and abscissa come from
 * disjoint bits (the flaw Doornik (2005) found in the 32-bit original does not arise). About 99 %
 * of draws are accepted by one comparison ({@link #isFast}, {@link #fastValue}); the rest go to
 * {@link #slowValue}, which tests the wedge or samples the tail beyond R exactly (Marsaglia's
 * exponential rejection) and draws further words from the caller's generator. Exact up to the
 * 2^-55 resolution of the abscissa and double rounding.
 *
 * <p>Written here, although Commons RNG's {@code ZigguratSampler.NormalizedGaussian} is an
 * excellent (and different) ziggurat, because the simulator's fast loop keeps its generator's
 * state in local variables and needs the normal as a pure function of the word it drew: a sampler
 * object that calls back into a generator object costs about twice as much there
 * (asgd-simulation/README.md, "Speed").
 */
public final class ZigguratNormal {
    /** Layers. */
    static final int LAYERS = 256;
    /** The right edge of the base layer: where the tail begins. */
    static final double R = 3.6541528853610088;
    /** Area of every layer (and of the base layer with the tail), for f(x) = exp(-x^2/2). */
    static final double V = 4.92867323399e-3;
    private static final double TWO_POW_55 = 0x1.0p55;

    /** x[i]: right edge of layer i (x[0] = V / f(R), the base layer's pseudo-width); x[256] = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** f(x[i]). */
    private static final double[] F = new double[LAYERS + 1];
    /** Abscissa scale of layer i: x[i] / 2^55. */
    private static final double[] W = new double[LAYERS];
    /** |j| below this is inside layer i's rectangle under the curve: 2^55 x[i+1] / x[i]. */
    private static final long[] K = new long[LAYERS];

    static {
        X[0] = V / f(R);
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(V / X[i] + f(X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = f(X[i]);
        }
        F[LAYERS] = 1;
        for (int i = 0; i < LAYERS; i++) {
            W[i] = X[i] / TWO_POW_55;
            K[i] = (long) (TWO_POW_55 * (X[i + 1] / X[i]));
        }
    }

    private ZigguratNormal() {
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /**
     * @param rng the generator
     * @return a standard normal variate (one 64-bit word in about 99 % of calls)
     */
    public static double sample(UniformRandomProvider rng) {
        long word = rng.nextLong();
        return isFast(word) ? fastValue(word) : slowValue(word, rng);
    }

    /**
     * @param word a uniform 64-bit word
     * @return whether {@link #fastValue} gives the variate of this word
     */
    public static boolean isFast(long word) {
        return Math.abs(word >> 8) < K[(int) word & 0xff];
    }

    /**
     * @param word a word for which {@link #isFast} holds
     * @return its variate
     */
    public static double fastValue(long word) {
        return (word >> 8) * W[(int) word & 0xff];
    }

    /**
     * The rare case: the wedge test of layer i, or the tail; rejected points start over with new
     * words from {@code rng}.
     *
     * @param word a word for which {@link #isFast} does not hold
     * @param rng the same generator, for the further words
     * @return the variate
     */
    public static double slowValue(long word, UniformRandomProvider rng) {
        long w = word;
        while (true) {
            int i = (int) w & 0xff;
            long j = w >> 8;
            if (Math.abs(j) < K[i]) {
                return j * W[i];
            }
            if (i == 0) {
                return j < 0 ? -tail(rng) : tail(rng);
            }
            double x = j * W[i];
            double y = F[i] + unit(rng.nextLong()) * (F[i + 1] - F[i]);
            if (y < f(x)) {
                return x;
            }
            w = rng.nextLong();
        }
    }

    /** A variate of the standard normal conditioned on X &gt; R (Marsaglia 1964). */
    private static double tail(UniformRandomProvider rng) {
        while (true) {
            double x = -Math.log(openUnit(rng.nextLong())) / R;
            double y = -Math.log(openUnit(rng.nextLong()));
            if (2 * y > x * x) {
                return R + x;
            }
        }
    }

    /** @return the top 53 bits as a double in [0, 1) */
    private static double unit(long word) {
        return (word >>> 11) * 0x1.0p-53;
    }

    /** @return the top 53 bits as a double in (0, 1] */
    private static double openUnit(long word) {
        return ((word >>> 11) + 1) * 0x1.0p-53;
    }

    /** @return x[i] (tests) */
    static double edge(int i) {
        return X[i];
    }
}
