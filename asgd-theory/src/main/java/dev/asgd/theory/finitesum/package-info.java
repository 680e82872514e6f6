/**
 * The paper's finite-sum setting as a model of the theory: least squares on the rows of a data
 * set, the sampled gradients grad f_gamma with gamma uniform, a staleness law, and the omega0 of
 * the closed-form theory (the square roots of the eigenvalues of the Hessian A^T A / n, from a
 * Hipparchus symmetric eigen-decomposition).
 */
package dev.asgd.theory.finitesum;
