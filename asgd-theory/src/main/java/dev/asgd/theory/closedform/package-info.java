/**
 * The closed-form theory's per-step exponents for the deciding mode, as the series commands
 * print them beside a simulation or the exact moments: for any staleness law whose {@link
 * dev.asgd.core.staleness.StalenessDistribution#theoryKappa() theory kappa} exists.
 */
package dev.asgd.theory.closedform;
