/**
 * Exact first and second moments of discrete ASGD on the quadratic with additive Gaussian noise,
 * with no sampling (THEORY-NOTES section 5): the closed five-term recursion for the paper's
 * geometric staleness, a lag-augmented covariance recursion for any i.i.d. staleness of finite
 * support, the stationary second moment (the fixed point, one linear solve) and the asymptotic
 * per-step rates of the mean and of the second moment (spectral radii, Hipparchus eigenvalues).
 * With a diagonal Hessian and independent noise the coordinates decouple, so every recursion is
 * one-dimensional, run once per coordinate on u = theta - theta*.
 */
package dev.asgd.theory.moments;
