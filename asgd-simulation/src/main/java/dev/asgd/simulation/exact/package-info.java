/**
 * Exact moments of discrete ASGD as a command's result: the series in the shape every command
 * prints, the stationary second moment, the per-step rates and the notes on what could not be
 * computed ({@code asgd moments}).
 */
package dev.asgd.simulation.exact;
