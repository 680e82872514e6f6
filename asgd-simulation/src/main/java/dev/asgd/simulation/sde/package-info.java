/**
 * Ensemble integrators of the stochastic modified equation (2.2) of Zhu and Ying (after An, Lu and
 * Ying), dTheta = Y dt + tau dB, dY = -grad f(Theta) dt - gamma Y dt, on the (perturbed)
 * quadratic in d dimensions, with Theta_0 = theta_0 and Y_0 = -sqrt(eta/(1-kappa)) grad f(theta_0):
 * Euler-Maruyama (weak order 1), a Strang splitting with an exact Ornstein-Uhlenbeck substep (weak
 * order 2) and, for the unperturbed quadratic, exact sampling of the Gaussian transition. Records
 * fall on the ASGD step axis (t = k deltaT). Also the exact SME moments of the quadratic (mean ODE,
 * Lyapunov differential and algebraic equations).
 */
package dev.asgd.simulation.sde;
