/**
 * The staleness a run saw, and what the theory makes of it: the per-update log and per-worker
 * histograms, the geometric law P(tau = l) = (1 - kappa) kappa^l of Zhu and Ying's section 2
 * fitted by maximum likelihood (kappa = mean / (1 + mean)) with a chi-square goodness of fit, and
 * the prediction of the run's per-update decay from the fitted kappa and the least-squares Hessian
 * spectrum (THEORY-NOTES section 5, exact discrete mean rate) beside the decay measured in the run.
 */
package dev.asgd.training.staleness;
