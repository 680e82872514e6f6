/**
 * The peer benchmark: the asgd Spark engine (asynchronous, Zhu and Ying's section 2 system) against
 * Spark MLlib's synchronous mini-batch SGD ({@code GradientDescent.runMiniBatchSGD}) on the same
 * least-squares data and master, timed to the same excess training loss. Test sources: run by hand
 * (asgd-spark's README), exercised once by {@code SparkEngineTest}, never shipped.
 */
package dev.asgd.spark.bench;
