/**
 * Studies of the Fokker-Planck equation (2.4): each takes a parameter record, computes spectral
 * gaps or measured decays with the Hermite-Galerkin solver ({@link dev.asgd.fokkerplanck.study.FokkerPlanckRates}),
 * sets them against asgd-theory's rates where the question asks for it, and returns a result
 * record; renderers format numbers and compare them with verdict tolerances.
 */
package dev.asgd.fokkerplanck.study;
