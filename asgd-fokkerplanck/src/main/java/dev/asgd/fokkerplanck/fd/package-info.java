/**
 * A finite-difference method of lines for (2.4) in d = 1, independent of the Hermite solver, for
 * cross-checks of the steady state's moments and the transient.
 */
package dev.asgd.fokkerplanck.fd;
