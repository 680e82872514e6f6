/**
 * How well the stochastic modified equation (2.2) approximates discrete ASGD (An, Lu and Ying's
 * weak-approximation claim, measured): exact discrete moments, Monte Carlo ASGD and the SME for
 * one parameter set; the SME's weak error of the mean and the second moment over a horizon and at
 * stationarity; its decay as eta decreases with the fitted order; and an explicit verdict where
 * the SME does not track ASGD (ASGD's second moment diverging, eta omega0^2 not small).
 */
package dev.asgd.simulation.compare;
