/**
 * The {@code asgd reproduce} pipeline: one {@link dev.asgd.report.reproduce.Experiment} per claim of
 * Zhu and Ying's paper (Theorem 3.2 and (3.6) in its three regimes, Remark 3.3 and (3.7), Remark
 * 3.4, the perturbation's mu - epsilon, the SME (2.2)'s accuracy, which initial data attain the
 * printed mu, the errata of docs/theory.md, and the theory against real threaded runs). Each
 * experiment runs the studies of the library modules that compute its claim, renders their result
 * records as figures, tables and a verdict, and hands a record to {@code results.json}.
 */
package dev.asgd.report.reproduce;
