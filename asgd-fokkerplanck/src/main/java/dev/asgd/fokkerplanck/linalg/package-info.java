/**
 * Small linear-algebra pieces Hipparchus lacks for this solver: matrix-free operators, restarted
 * GMRES with right preconditioning (Saad 2003, Algorithm 9.5) and an allocation-free dense LU.
 */
package dev.asgd.fokkerplanck.linalg;
