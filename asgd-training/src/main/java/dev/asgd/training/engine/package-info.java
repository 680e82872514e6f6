/**
 * The system of Zhu and Ying's section 2, for real: workers compute minibatch gradients at the
 * version they read, a parameter server applies them as they arrive,
 * theta_{k+1} = theta_k - eta_k g(theta_{k - tau_k}), and records the staleness
 * tau_k = (version at apply) - (version read) exactly. The {@link dev.asgd.training.engine.Engine}
 * interface separates the driver-side state (server, policies, staleness log, schedule,
 * checkpoints, metrics: {@link dev.asgd.training.engine.TrainingSession}) from the scheduling of
 * the workers ({@link dev.asgd.training.engine.ThreadsEngine}), and the worker loop
 * ({@link dev.asgd.training.engine.WorkerLoop}, {@link dev.asgd.training.engine.ReplayEngine}) from
 * where the gradients are computed ({@link dev.asgd.training.engine.GradientComputer}: in this JVM,
 * or as a Spark engine's cluster jobs).
 * Learning-rate policies: constant, scaled eta / M, staleness-aware eta / (tau + 1) (Zhang et al.,
 * "Staleness-aware async-SGD", IJCAI 2016) and delay compensation (Zheng et al., "Asynchronous
 * stochastic gradient descent with delay compensation", ICML 2017). Hogwild: Recht et al. (2011).
 * Stale synchronous parallel: Ho et al. (2013).
 */
package dev.asgd.training.engine;
