/**
 * {@code asgd tune}: a short probe of the user's data and model on this machine (gradient time,
 * staleness law and throughput per worker count, local curvature and gradient noise, the early loss
 * curve), a recommended learning rate and worker count with the predicted time to a target, its
 * verification by real runs, and the tuner against a grid of real runs ({@link
 * dev.asgd.training.tune.TuneStudy}).
 */
package dev.asgd.training.tune;
