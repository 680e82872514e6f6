/**
 * The Monte Carlo ensemble simulator of discrete ASGD (Zhu and Ying, section 2),
 * theta_{k+1} = theta_k - eta g_k(theta_{k - tau_k}), reads before step 0 returning theta_0:
 * N independent chains, one random stream each, in fixed blocks over threads, with ensemble
 * statistics (mean, E|theta - theta*|^2, f - f*, standard errors, quantiles of |theta - theta*|)
 * recorded every few steps and merged in block order, so that results are bit-identical for any
 * thread count. Also the weighted least-squares fit of the second moment's exponential approach
 * to its stationary value, and {@link dev.asgd.simulation.SeriesPoint}, the one time-series record
 * every command prints.
 */
package dev.asgd.simulation;
