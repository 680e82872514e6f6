/**
 * Dense vector kernels shared by the solvers of the library modules ({@link dev.asgd.core.linalg.Vectors}).
 */
package dev.asgd.core.linalg;
