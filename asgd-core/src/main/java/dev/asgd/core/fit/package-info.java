/**
 * The fits of asgd, one of each kind: {@link dev.asgd.core.fit.Line} is the one least-squares line
 * (slope, intercept, standard errors, pooled and weighted fits, t intervals) that every slope or
 * rate fit of the project uses; {@link dev.asgd.core.fit.WindowDecay} reads a decay exponent off a
 * curve over windows; {@link dev.asgd.core.fit.DecayFit} fits the rate r of an excess-loss curve
 * e_k ~ A exp(-r k) + F that ends on a noisy, serially correlated floor F, over the transient only
 * (points with a minimum signal-to-noise ratio above the floor), with a standard error robust to
 * unequal variances and serial correlation, the floor's uncertainty propagated, and a t interval;
 * {@link dev.asgd.core.fit.DecayFit#pooled} combines repeats (seeds).
 */
package dev.asgd.core.fit;
