/**
 * Staleness laws tau_k of asynchronous SGD, theta_{k+1} = theta_k - eta g_k(theta_{k - tau_k})
 * (Zhu and Ying, section 2): the paper's geometric law P(tau = l) = (1 - kappa) kappa^l, and
 * fixed, uniform, Poisson, empirical and queue (parameter-server) staleness. Each law gives its
 * pmf, mean and support bound, and a per-chain {@link dev.asgd.core.staleness.StalenessSampler}
 * built from the caller's {@link org.apache.commons.rng.UniformRandomProvider}. Reads before
 * step 0 return theta_0: callers clip the lag to the step, {@code min(tau, k)}.
 */
package dev.asgd.core.staleness;
