/**
 * Exact first and second moments of ASGD on least squares with minibatches sampled uniformly with
 * replacement and i.i.d. staleness of finite support, and the per-step contraction factors and
 * stability edges of the mean and of the second moment. Unlike {@code moments}, the Hessian noise is
 * multiplicative (H_B depends on the sampled rows) and correlated with the gradient noise (the
 * third-moment term), so the coordinates do not decouple: the state is the p x p block covariance
 * of the last L + 1 iterates, held in the eigenbasis of H.
 */
package dev.asgd.theory.sampled;
