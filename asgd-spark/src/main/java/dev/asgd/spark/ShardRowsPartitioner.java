package dev.asgd.spark;

import org.apache.spark.Partitioner;

/** Sends a training row ({@link ShardRows.Key}) to its shard's partition. */
final class ShardRowsPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int shards;

    /** @param shards M */
    ShardRowsPartitioner(int shards) {
        this.shards = shards;
    }

    @Override
    public int numPartitions() {
        return shards;
    }

    @Override
    public int getPartition(Object key) {
        return ((ShardRows.Key) key).shard();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardRowsPartitioner p && p.shards == shards;
    }

    @Override
    public int hashCode() {
        return shards;
    }
}
