/**
 * Loss models: the perturbed quadratic of Zhu and Ying (section 2),
 * f(theta) = sum_i omega_i^2 (theta_i - theta*_i)^2 / 2 + E(theta_i - theta*_i) with
 * grad f = omega^2 (theta - theta*) + eps(theta - theta*) and E' = eps (Assumption 3.1 bounds eps),
 * and finite-sum least squares f = (1/2n) sum_i (a_i . theta - b_i)^2, whose components
 * f_gamma are the paper's sampled losses.
 */
package dev.asgd.core.loss;
