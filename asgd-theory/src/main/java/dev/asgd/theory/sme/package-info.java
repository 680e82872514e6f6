/**
 * The stochastic modified equation (2.2) of an unperturbed quadratic mode as a linear SDE: exact
 * mean (matrix exponential), covariance (Lyapunov differential equation in closed form), stationary
 * covariance (algebraic Lyapunov equation) and the exact Gaussian one-step transition.
 */
package dev.asgd.theory.sme;
