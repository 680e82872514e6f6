/**
 * Remark 3.3's first observation as a study: the decay per ASGD step against the learning rate at
 * several kappa, the threshold in closed form and by bisection, and the plateau above it.
 */
package dev.asgd.theory.threshold;
