/**
 * The mean of one quadratic mode under discrete ASGD and under the SME, computed in the ways the
 * studies set side by side: the eigenvalues of the discrete mean map (Hipparchus), the SME's exact
 * one-step mean map exp(A deltaT), the mean iterated from ASGD's definition (no two-state
 * reduction), the bisection on where eigenvalues turn complex, and the parameter grids.
 */
package dev.asgd.theory.meanmap;
