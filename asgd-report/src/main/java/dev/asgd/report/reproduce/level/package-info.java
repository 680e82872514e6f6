/**
 * The levels of the software the report names ({@link dev.asgd.report.reproduce.level.Level}):
 * the closed forms and exact recursions of {@code asgd-theory}, the SME (2.2)'s exact moments, the
 * Monte Carlo simulator and SME ensembles ({@code asgd-simulation}), the Fokker-Planck solver of
 * (2.4) ({@code asgd-fokkerplanck}) and real threaded training ({@code asgd-training}). Every level
 * is in the build; the numbers come from the studies of those modules.
 */
package dev.asgd.report.reproduce.level;
