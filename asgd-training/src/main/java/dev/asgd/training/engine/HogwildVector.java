package dev.asgd.training.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A vector of doubles shared by hogwild workers without locks: each coordinate is updated by a
 * compare-and-set loop on its bits ({@link VarHandle} on a {@code double[]}), so no addition is
 * ever lost, while different coordinates and different workers never wait for each other. Reads
 * are opaque: a worker may see a mix of versions across coordinates, as in Recht et al. (2011).
 *
 * <p>{@link #addPlain} is the other way: an opaque read and an opaque write, no atomic
 * instruction. It is exact for a single writer; with several (the {@code hogwild:racy} mode) an
 * addition is lost when another worker writes the same coordinate between its read and its write.
 * Why offer it: on x86 a compare-and-set is a locked instruction, which waits for its cache line
 * to be owned and lets no later memory access overtake it, so the 800 or so coordinates of one
 * sparse update are written one cache miss at a time (measured on sparse logistic, d = 50,000,
 * batch 8: one worker 1.09x and 1.27x faster with plain writes, medians of two interleaved
 * series; asgd-training/README.md, "Hogwild on sparse data").
 */
public final class HogwildVector {
    private static final VarHandle AA = MethodHandles.arrayElementVarHandle(double[].class);
    private final double[] values;

    /** @param initial the starting values (copied) */
    public HogwildVector(double[] initial) {
        this.values = initial.clone();
    }

    /** @return the dimension */
    public int length() {
        return values.length;
    }

    /**
     * Atomically adds delta to entry i.
     *
     * @param i the coordinate
     * @param delta the increment
     * @return the new value
     */
    public double add(int i, double delta) {
        double old;
        double next;
        do {
            old = (double) AA.getVolatile(values, i);
            next = old + delta;
        } while (!AA.weakCompareAndSet(values, i, old, next));
        return next;
    }

    /**
     * Atomically adds delta to entry i, first trying a compare-and-set from a value read earlier:
     * when nobody has changed the entry since, that one instruction is the whole update (no second
     * read of the cache line, which another core may hold); else the {@link #add(int, double)}
     * loop. The result is the same as {@code add(i, delta)}.
     *
     * @param i the coordinate
     * @param expected the value read earlier
     * @param delta the increment
     * @return the new value
     */
    public double add(int i, double expected, double delta) {
        double next = expected + delta;
        if (AA.compareAndSet(values, i, expected, next)) {
            return next;
        }
        return add(i, delta);
    }

    /**
     * Adds delta to entry i with a plain (opaque) read and write: exact when no other thread writes
     * entry i meanwhile; otherwise one of the two additions may be lost (see the class comment).
     *
     * @param i the coordinate
     * @param delta the increment
     * @return the new value
     */
    public double addPlain(int i, double delta) {
        double next = (double) AA.getOpaque(values, i) + delta;
        AA.setOpaque(values, i, next);
        return next;
    }

    /**
     * @param i the coordinate
     * @return its current value
     */
    public double get(int i) {
        return (double) AA.getOpaque(values, i);
    }

    /** @param into output, filled coordinate by coordinate (not an atomic snapshot) */
    public void read(double[] into) {
        for (int i = 0; i < values.length; i++) {
            into[i] = (double) AA.getOpaque(values, i);
        }
    }
}
