package dev.asgd.spark;

import java.util.Arrays;
import java.util.Iterator;

/**
 * Builds one {@link Shard} from parsed rows on the executor: in arrays of the exact size when the
 * metadata pass counted the rows (a training shard), else in arrays that grow (a block of held-out
 * rows). Dense rows (CSV) stay dense, LIBSVM rows are stored as CSR.
 */
final class ShardRowsBuilder {
    private final int features;
    private final boolean dense;
    private double[] labels;
    private double[] values;
    private int[] start;
    private int[] index;
    private int rows;
    private int stored;

    /**
     * @param features d
     * @param dense whether the rows are dense (CSV)
     * @param rows the rows expected (an initial capacity when not exact)
     * @param stored the stored entries expected
     */
    ShardRowsBuilder(int features, boolean dense, long rows, long stored) {
        if (rows > Integer.MAX_VALUE - 8 || stored > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a shard of " + rows + " rows and " + stored + " stored values: at most 2^31"
                    + " of each per shard (use more --workers)");
        }
        this.features = features;
        this.dense = dense;
        this.labels = new double[(int) Math.max(rows, 1)];
        this.values = new double[(int) Math.max(stored, 1)];
        if (!dense) {
            this.start = new int[labels.length + 1];
            this.index = new int[values.length];
        }
    }

    /**
     * @param r a row (dense rows must have d features)
     * @return this
     */
    ShardRowsBuilder add(ShardRows.Row r) {
        int k = r.values().length;
        if (rows == labels.length) {
            labels = Arrays.copyOf(labels, grow(rows, 1));
            if (!dense) {
                start = Arrays.copyOf(start, labels.length + 1);
            }
        }
        if (stored + k > values.length) {
            values = Arrays.copyOf(values, grow(values.length, stored + k - values.length));
            if (!dense) {
                index = Arrays.copyOf(index, values.length);
            }
        }
        if (dense && k != features) {
            throw new IllegalStateException("a dense row of " + k + " features in data of " + features
                    + " (the file changed while it was read?)");
        }
        labels[rows] = r.label();
        System.arraycopy(r.values(), 0, values, stored, k);
        if (!dense) {
            System.arraycopy(r.index(), 0, index, stored, k);
        }
        stored += k;
        rows++;
        if (!dense) {
            start[rows] = stored;
        }
        return this;
    }

    private static int grow(int length, int atLeast) {
        long n = Math.max((long) length * 2, (long) length + atLeast);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a block of more than 2^31 values");
        }
        return (int) n;
    }

    /**
     * @param rowsIn the rows
     * @return this, with all of them added
     */
    ShardRowsBuilder addAll(Iterator<ShardRows.Row> rowsIn) {
        while (rowsIn.hasNext()) {
            add(rowsIn.next());
        }
        return this;
    }

    /** @return the shard (the arrays trimmed to the rows added) */
    Shard build() {
        double[] y = labels.length == rows ? labels : Arrays.copyOf(labels, rows);
        double[] v = values.length == stored ? values : Arrays.copyOf(values, stored);
        if (dense) {
            return Shard.dense(features, y, v);
        }
        int[] st = start.length == rows + 1 ? start : Arrays.copyOf(start, rows + 1);
        int[] ix = index.length == stored ? index : Arrays.copyOf(index, stored);
        return Shard.sparse(features, y, st, ix, v);
    }

    /** @return the rows added */
    int rows() {
        return rows;
    }
}
