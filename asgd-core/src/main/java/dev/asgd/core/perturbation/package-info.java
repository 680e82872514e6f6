/**
 * Perturbations eps of the quadratic's gradient, grad f = omega0^2 theta + eps(theta)
 * (Zhu and Ying, section 2), and the bound eps_0 of their Assumption 3.1.
 */
package dev.asgd.core.perturbation;
