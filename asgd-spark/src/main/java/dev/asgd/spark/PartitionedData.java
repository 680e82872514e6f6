package dev.asgd.spark;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.problem.Problem;
import org.apache.spark.api.java.JavaRDD;

/**
 * The run's data where it lives: the training rows as a cached RDD of M partitions holding one
 * {@link Shard} each (the workers' shards), the held-out rows as cached blocks, and their shape
 * (counted on the executors). The driver holds no row: {@link #inMemory()} is null and the
 * evaluation is a Spark job ({@link SparkEvaluation}). Closing it unpersists the partitions and
 * ends the Spark context if this data started it.
 */
final class PartitionedData implements SessionData {
    private final String spec;
    private final JavaRDD<Shard> shards;
    private final JavaRDD<Shard> test;
    private final ShardRowsSummary summary;
    private SparkLease lease;

    /**
     * @param spec the {@code --data} spec
     * @param shards the M training shards, cached
     * @param test the held-out blocks, cached
     * @param summary the rows' shape
     */
    PartitionedData(String spec, JavaRDD<Shard> shards, JavaRDD<Shard> test, ShardRowsSummary summary) {
        this.spec = spec;
        this.shards = shards;
        this.test = test;
        this.summary = summary;
    }

    /**
     * @param value the context this data started (closed with it), or null
     * @return this
     */
    PartitionedData withLease(SparkLease value) {
        this.lease = value;
        return this;
    }

    /** @return the {@code --data} spec */
    String spec() {
        return spec;
    }

    /** @return the M training shards: partition p holds worker p's shard, one {@link Shard} */
    JavaRDD<Shard> shards() {
        return shards;
    }

    /** @return the held-out blocks, one {@link Shard} per partition (possibly empty) */
    JavaRDD<Shard> test() {
        return test;
    }

    /** @return the shape counted on the executors */
    ShardRowsSummary summary() {
        return summary;
    }

    @Override
    public int features() {
        return summary.features();
    }

    @Override
    public long trainRows() {
        return summary.trainRows();
    }

    @Override
    public long testRows() {
        return summary.testRows();
    }

    @Override
    public int trainClasses() {
        return summary.trainClasses();
    }

    @Override
    public int testClasses() {
        return summary.testClasses();
    }

    /** @return null: the rows are not in this JVM */
    @Override
    public TrainTest inMemory() {
        return null;
    }

    @Override
    public Evaluation evaluation(Problem problem, int maxTrainRows) {
        return new SparkEvaluation(shards, test, problem, features(), maxTrainRows);
    }

    @Override
    public synchronized void close() {
        try {
            if (!shards.context().isStopped()) {
                shards.unpersist(false);
                test.unpersist(false);
            }
        } finally {
            if (lease != null) {
                lease.close();
                lease = null;
            }
        }
    }
}
