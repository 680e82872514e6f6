/**
 * The model of asynchronous SGD shared by every level of asgd: validated parameter values,
 * loss models (the perturbed quadratic of Zhu and Ying, grad f = omega0^2 theta + eps(theta),
 * section 2), perturbation families for Assumption 3.1, staleness laws (the paper's geometric
 * staleness P(tau = l) = (1 - kappa) kappa^l and others), gradient noise and RNG streams.
 *
 * <p>Library code never exits the JVM: invalid values raise {@link dev.asgd.core.InvalidParameterException},
 * numerical blow-up raises {@link dev.asgd.core.NumericalDivergenceException}.
 */
package dev.asgd.core;
