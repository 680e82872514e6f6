/**
 * The Fokker-Planck equation (2.4) of Zhu and Ying for the phase-space density g(t, x, v) of the
 * SME (2.2) on a perturbed quadratic, d = 1 or 2: its discrete spectrum and gap, the steady state
 * F, the decay of the fluctuation h = (g - F) / M of (3.2) in the weighted norm (3.4), the
 * Lyapunov functional H of (3.8), and the rates of Theorem 3.2 (printed mu of (3.6), sharp mu of
 * (4.7), mu - epsilon) set beside the measured ones.
 */
package dev.asgd.fokkerplanck;
