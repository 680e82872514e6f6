package dev.asgd.simulation.sde;

/**
 * Standard normal variates for a scheme's noise. In a run this is Commons RNG's
 * {@code ZigguratSampler.NormalizedGaussian} on the chain's stream; the tests feed chosen values to
 * read a scheme's one-step map off its own code.
 */
@FunctionalInterface
public interface NormalSource {
    /** @return the next N(0, 1) variate */
    double next();
}
