/**
 * Studies by simulation: each takes a parameter record, runs Monte Carlo ensembles of discrete
 * ASGD ({@link dev.asgd.simulation.EnsembleSimulator}) or of the SME
 * ({@link dev.asgd.simulation.sde.SdeEnsemble}) beside the exact moments of asgd-theory, and
 * returns a result record (fits with their intervals, arrays on the caller's grid); renderers
 * format numbers and compare them with verdict tolerances.
 */
package dev.asgd.simulation.study;
