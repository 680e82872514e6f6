/**
 * The Spark engine of {@code asgd train}: the asynchronous system of Zhu and Ying's section 2
 * (theta_{k+1} = theta_k - eta g(theta_{k - tau_k}), staleness tau_k = version at apply - version
 * read) with the parameter server on the Spark driver and the workers' minibatch gradients
 * computed by one-partition jobs on a cached RDD of shards: asgd-training's worker loop and replay
 * with this module's {@code GradientComputer} ({@link dev.asgd.spark.SparkGradients}). Exactly-once updates under task
 * retries follow from applying gradients only at the driver from job results, with minibatches
 * that are pure functions of (seed, partition, step). Modes: async, sync (bulk synchronous, the
 * baseline) and stale synchronous parallel ssp:S (Ho et al., "More effective distributed ML via a
 * stale synchronous parallel parameter server", NIPS 2013). Scheduling: Spark's FAIR scheduler,
 * one pool per driver thread; jobs are tagged so that a timeout or a failed worker cancels them.
 */
package dev.asgd.spark;
