/**
 * The queue model of asynchronous workers: an event simulation of m workers with exponential
 * compute times around a server that applies each gradient on arrival, and the staleness it makes.
 */
package dev.asgd.simulation.queue;
