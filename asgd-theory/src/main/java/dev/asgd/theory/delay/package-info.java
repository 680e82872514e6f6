/**
 * Remark 3.3's second observation as a study: the decay per ASGD step against the staleness rate at
 * a fixed learning rate, exact, from ASGD's definition, from the SME and as printed.
 */
package dev.asgd.theory.delay;
