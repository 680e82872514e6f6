/**
 * Small adapters from the report's experiments to each level of the software: the closed forms
 * and exact discrete recursions of {@code asgd-theory} (THEORY-NOTES section 5), the SME (2.2)'s
 * exact moments ({@code dev.asgd.theory.sme.LinearSme}), the Monte Carlo simulator
 * ({@code asgd-simulation}), SME ensembles (its package {@code sde}), the Fokker-Planck solver of
 * (2.4) ({@code asgd-fokkerplanck}) and real threaded training ({@code asgd-training}). A level that is not in this build says so
 * ({@link dev.asgd.report.reproduce.level.Level#available()}); it never returns a made-up number.
 */
package dev.asgd.report.reproduce.level;
