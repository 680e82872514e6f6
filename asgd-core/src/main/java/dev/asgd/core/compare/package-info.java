/** Measures of agreement between two computations of the same quantity. */
package dev.asgd.core.compare;
