/**
 * The SME's equilibrium per mode, as the commands use it: the stationary spread of Theta, e.g.
 * for a start one equilibrium standard deviation out ({@code asgd fokker-planck}).
 */
package dev.asgd.theory.equilibrium;
