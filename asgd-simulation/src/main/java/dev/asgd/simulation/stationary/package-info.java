/**
 * The stationary level a Monte Carlo ensemble's second moment approaches, and the exact per-step
 * rates beside its fitted rate: the exact stationary second moment when the exact moment
 * recursions apply, else the ensemble's own tail average.
 */
package dev.asgd.simulation.stationary;
