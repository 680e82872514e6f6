/**
 * Random streams: one independent stream per chain or worker, derived from (seed, index) only,
 * so that every result is the same whatever the number of threads.
 */
package dev.asgd.core.random;
