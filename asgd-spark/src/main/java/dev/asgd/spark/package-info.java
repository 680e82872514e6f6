/**
 * The Spark engine of {@code asgd train}: the asynchronous system of Zhu and Ying's section 2
 * (theta_{k+1} = theta_k - eta g(theta_{k - tau_k}), staleness tau_k = version at apply - version
 * read) with the parameter server on the Spark driver and each worker one long-running task on its
 * partition of a cached RDD of shards, running asgd-training's worker loop against the server over a
 * small authenticated RPC channel ({@link dev.asgd.spark.ExecutorWorkers}). Exactly-once updates
 * under task retries and executor loss follow from update ids (worker, step): the server applies a
 * step once, acknowledges a repeat as a duplicate, and a retried task resumes from its worker's
 * next step; minibatches are pure functions of (seed, worker, step). Modes: async, sync (bulk
 * synchronous, the baseline) and stale synchronous parallel ssp:S (Ho et al., "More effective
 * distributed ML via a stale synchronous parallel parameter server", NIPS 2013), on the same
 * channel. Replay computes each recorded update by a one-partition job
 * ({@link dev.asgd.spark.SparkGradients}). Jobs are tagged so that a timeout or a failure cancels them.
 */
package dev.asgd.spark;
