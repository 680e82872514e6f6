/**
 * The Hermite-Galerkin discretisation of (3.2) in the weighted space L^2(M) of (3.4): orthonormal
 * Hermite functions of M's scaled variables, truncated by total degree; T and L of (3.3) act by
 * index shifts, the perturbation R of (3.3) by a Gauss-Hermite-projected multiplication; the
 * steady state, the Crank-Nicolson time integrator and the slow modes of the discrete generator.
 */
package dev.asgd.fokkerplanck.hermite;
