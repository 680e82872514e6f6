/**
 * Studies of the theory: each takes a parameter record, computes every number of one question
 * from the closed forms, the exact discrete recursions and the SME's exact moments (grids, ratios
 * and per-point seeds included), and returns a result record; renderers (the report, the CLI)
 * format numbers and compare them with verdict tolerances.
 */
package dev.asgd.theory.study;
