/**
 * Stochastic gradients g_k of asynchronous SGD (Zhu and Ying, section 2): the exact gradient plus
 * additive Gaussian noise sigma xi (THEORY-NOTES section 1; the paper's Sigma plays sigma's role),
 * or the paper's finite-sum sampling g = grad f_gamma with gamma uniform. An oracle makes one
 * per-chain sampler from the caller's random stream.
 */
package dev.asgd.core.noise;
