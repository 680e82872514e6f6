/**
 * The losses trained: least squares, binary logistic and multinomial softmax regression, each
 * linear with an intercept and an optional L2 penalty (lambda / 2) |w|^2 on the weights (not the
 * intercept). For least squares the Hessian X^T X / n + lambda I is the curvature of the paper's
 * quadratic model (section 2): its eigenvalues are the omega_i^2 of the theory, and
 * {@link dev.asgd.training.problem.HessianSpectrum} computes them (exactly for small d, by Lanczos
 * for large d).
 */
package dev.asgd.training.problem;
