package dev.asgd.simulation.sde;

/**
 * One fixed step h of an integrator of the SME (2.2) for one chain, in place on (Theta, Y).
 * A scheme holds its scratch buffers, so each thread makes its own. The shared loop
 * ({@link SdeEnsemble}) calls {@link #begin} once per chain, then {@link #step} repeatedly.
 */
public interface SdeScheme {
    /**
     * Starts a chain (a scheme that reuses the last force of a step computes the first one here).
     *
     * @param theta Theta (length d)
     * @param y Y (length d)
     */
    default void begin(double[] theta, double[] y) {
    }

    /**
     * Advances (Theta, Y) by one step h.
     *
     * @param theta Theta, updated in place
     * @param y Y, updated in place
     * @param normal the source of the step's standard normals
     */
    void step(double[] theta, double[] y, NormalSource normal);
}
