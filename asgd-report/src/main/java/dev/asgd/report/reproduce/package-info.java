/**
 * The {@code asgd reproduce} pipeline: one {@link dev.asgd.report.reproduce.Experiment} per claim of
 * Zhu and Ying's paper (Theorem 3.2 and (3.6) in its three regimes, Remark 3.3 and (3.7), Remark
 * 3.4, the perturbation's mu - epsilon, the SME (2.2)'s accuracy, which initial data attain the
 * printed mu, and the errata of docs/theory.md). Each experiment computes its claim with every
 * level of the software that is in this build (adapters in {@code level}), draws its figures, and
 * returns a report section with a verdict plus its numbers for {@code results.json}.
 */
package dev.asgd.report.reproduce;
