package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.TextPosition;
import java.io.Serializable;
import java.util.Iterator;

/**
 * What the driver needs to know of the rows without holding them, counted on the executors (one
 * summary per split, merged on the driver): the rows of each training shard and their stored
 * entries (so that a shard is built in arrays of its exact size), the held-out rows, the features
 * d, the label classes of both sets, and the first malformed row. A few hundred bytes per split,
 * whatever the data's size.
 */
final class ShardRowsSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] shardRows;
    private final long[] shardStored;
    private long testRows;
    private long testStored;
    private int features = -1;
    private String featuresAt;
    private final Labels train = new Labels();
    private final Labels test = new Labels();
    private String errorAt;
    private String errorAllowed;

    /** The classes of labels: their largest value + 1 when every one is an integer 0..1e6, else 0. */
    private static final class Labels implements Serializable {
        private static final long serialVersionUID = 1L;
        private boolean integral = true;
        private double max = -1;

        void add(double y) {
            if (!(y >= 0) || y != Math.rint(y) || y > 1_000_000) {
                integral = false;
            }
            max = Math.max(max, y);
        }

        void merge(Labels o) {
            integral &= o.integral;
            max = Math.max(max, o.max);
        }

        int classes() {
            return integral ? (int) max + 1 : 0;
        }
    }

    /** @param shards M */
    ShardRowsSummary(int shards) {
        this.shardRows = new long[shards];
        this.shardStored = new long[shards];
    }

    /**
     * Counts a split's rows; a malformed row ends the count and is recorded (the driver reports it).
     *
     * @param format CSV rows must all have the first row's number of fields
     * @param path the split's file
     * @param rows the split's rows
     * @param shards M
     * @return the summary
     */
    static ShardRowsSummary of(ShardRows.Format format, String path, Iterator<ShardRows.Row> rows, int shards) {
        ShardRowsSummary s = new ShardRowsSummary(shards);
        try {
            while (rows.hasNext()) {
                ShardRows.Row r = rows.next();
                int d = r.features();
                if (format == ShardRows.Format.CSV && s.features >= 0 && d != s.features) {
                    s.errorAt = new TextPosition(path, r.key().offset(), true).toString();
                    s.errorAllowed = (s.features + 1) + " fields like the row at " + s.featuresAt + ", got " + (d + 1);
                    return s;
                }
                if (d > s.features) {
                    s.features = d;
                    s.featuresAt = new TextPosition(path, r.key().offset(), true).toString();
                }
                if (r.test()) {
                    s.testRows++;
                    s.testStored += r.values().length;
                    s.test.add(r.label());
                } else {
                    s.shardRows[r.key().shard()]++;
                    s.shardStored[r.key().shard()] += r.values().length;
                    s.train.add(r.label());
                }
            }
        } catch (InvalidParameterException e) {
            s.errorAt = e.value();
            s.errorAllowed = e.allowed();
        }
        return s;
    }

    /**
     * @param o another split's summary
     * @param format CSV splits must agree on the number of fields
     * @return this, merged with it (the first error kept)
     */
    ShardRowsSummary merge(ShardRowsSummary o, ShardRows.Format format) {
        if (errorAt == null && o.errorAt != null) {
            errorAt = o.errorAt;
            errorAllowed = o.errorAllowed;
        }
        if (errorAt == null && format == ShardRows.Format.CSV && features >= 0 && o.features >= 0
                && features != o.features) {
            errorAt = o.featuresAt;
            errorAllowed = (features + 1) + " fields like the row at " + featuresAt + ", got " + (o.features + 1);
        }
        for (int p = 0; p < shardRows.length; p++) {
            shardRows[p] += o.shardRows[p];
            shardStored[p] += o.shardStored[p];
        }
        testRows += o.testRows;
        testStored += o.testStored;
        if (o.features > features) {
            features = o.features;
            featuresAt = o.featuresAt;
        }
        train.merge(o.train);
        test.merge(o.test);
        return this;
    }

    /**
     * @param spec the {@code --data} spec
     * @throws InvalidParameterException naming {@code data} at the first malformed row
     */
    void requireValid(String spec) {
        if (errorAt != null) {
            throw new InvalidParameterException("data", errorAt, errorAllowed);
        }
        if (trainRows() + testRows == 0 || features < 1) {
            throw new InvalidParameterException("data", spec, "at least one data row with a feature, got none");
        }
    }

    /** @return the training rows */
    long trainRows() {
        long n = 0;
        for (long r : shardRows) {
            n += r;
        }
        return n;
    }

    /**
     * @param shard a shard
     * @return its rows
     */
    long shardRows(int shard) {
        return shardRows[shard];
    }

    /**
     * @param shard a shard
     * @return its stored entries (dense: rows x d; sparse: non-zeros)
     */
    long shardStored(int shard) {
        return shardStored[shard];
    }

    /** @return the held-out rows */
    long testRows() {
        return testRows;
    }

    /** @return the held-out rows' stored entries */
    long testStored() {
        return testStored;
    }

    /** @return d */
    int features() {
        return features;
    }

    /** @return the training labels' classes (0: not all integers 0..1e6) */
    int trainClasses() {
        return train.classes();
    }

    /** @return the held-out labels' classes */
    int testClasses() {
        return testRows == 0 ? 0 : test.classes();
    }
}
