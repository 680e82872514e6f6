/**
 * Remark 3.4 as a study: ASGD with m workers against SGD, per unit time, under the
 * independent-staleness and the queue model, and beside measured threaded runs.
 */
package dev.asgd.theory.workers;
