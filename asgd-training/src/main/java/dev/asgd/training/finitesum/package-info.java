/**
 * A data set as the paper's finite-sum least-squares problem (every row a component f_gamma),
 * for {@code asgd simulate --data} and theory's {@code FiniteSumModel}.
 */
package dev.asgd.training.finitesum;
