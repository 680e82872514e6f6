/**
 * One entry point for a real training run and the theory set beside it ({@link
 * dev.asgd.training.run.TrainingRun}: settings in, {@link dev.asgd.training.run.TrainingRunResult}
 * out), and for a measured stability-edge sweep with its predictions ({@link
 * dev.asgd.training.run.EdgeMeasurement}); {@code asgd train} and the reproduce report call these
 * instead of wiring sessions, engines and predictions themselves.
 */
package dev.asgd.training.run;
