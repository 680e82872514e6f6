/**
 * Studies of the theory: each takes a parameter record, computes every number of one question
 * from the closed forms, the exact discrete recursions and the SME's exact moments, and returns a
 * result record, which renderers (the report, the CLI) print without further arithmetic.
 */
package dev.asgd.theory.study;
