package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.DenseDataset;
import dev.asgd.training.data.SparseDataset;
import java.io.Serializable;

/**
 * One worker's share of the training rows as plain arrays, so that Spark can ship and cache it:
 * shard p of P holds the rows i with i mod P = p (strided, so that a file sorted by label still
 * gives every shard every class). Dense data stays dense (row-major); sparse data is stored as CSR.
 * On the executor {@link #dataset()} wraps the arrays without copying them.
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The rows as arrays: dense (row-major {@code dense}) or CSR ({@code start}, {@code index}, {@code value}).
     *
     * @param features d
     * @param labels the labels
     * @param dense the dense rows, or null
     * @param start the CSR row starts, or null
     * @param index the CSR feature indices, or null
     * @param value the CSR values, or null
     */
    private record Rows(int features, double[] labels, double[] dense, int[] start, int[] index, double[] value)
            implements Serializable {
    }

    private final Rows rows;
    private transient Dataset dataset;

    private Shard(Rows rows) {
        this.rows = rows;
    }

    /**
     * @param train the training rows
     * @param parts P, at most the number of rows
     * @return the P shards
     */
    static Shard[] split(Dataset train, int parts) {
        int n = train.size();
        if (parts > n) {
            throw new InvalidParameterException("workers", parts, "at most the " + n + " training rows (one shard each)");
        }
        Shard[] shards = new Shard[parts];
        for (int p = 0; p < parts; p++) {
            shards[p] = of(train, p, parts);
        }
        return shards;
    }

    private static Shard of(Dataset train, int p, int parts) {
        int d = train.features();
        int rows = (train.size() - p + parts - 1) / parts;
        double[] y = new double[rows];
        double[] row = new double[d];
        if (train.dense()) {
            double[] x = new double[rows * d];
            for (int r = 0; r < rows; r++) {
                int i = p + r * parts;
                y[r] = train.label(i);
                java.util.Arrays.fill(row, 0);
                train.addScaled(i, 1.0, row, 0);
                System.arraycopy(row, 0, x, r * d, d);
            }
            return new Shard(new Rows(d, y, x, null, null, null));
        }
        int[] st = new int[rows + 1];
        int[] idx = new int[16];
        double[] val = new double[16];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            int i = p + r * parts;
            y[r] = train.label(i);
            java.util.Arrays.fill(row, 0);
            train.addScaled(i, 1.0, row, 0);
            for (int j = 0; j < d; j++) {
                if (row[j] != 0) {
                    if (nnz == idx.length) {
                        idx = java.util.Arrays.copyOf(idx, 2 * nnz);
                        val = java.util.Arrays.copyOf(val, 2 * nnz);
                    }
                    idx[nnz] = j;
                    val[nnz++] = row[j];
                }
            }
            st[r + 1] = nnz;
        }
        return new Shard(new Rows(d, y, null, st, java.util.Arrays.copyOf(idx, nnz), java.util.Arrays.copyOf(val, nnz)));
    }

    /**
     * @param features d
     * @param labels the rows' labels (not copied)
     * @param rows the dense rows, row-major (not copied)
     * @return a dense shard of these arrays (the executor-side readers build them at their exact size)
     */
    static Shard dense(int features, double[] labels, double[] rows) {
        return new Shard(new Rows(features, labels, rows, null, null, null));
    }

    /**
     * @param features d
     * @param labels the rows' labels (not copied)
     * @param start the CSR row starts (not copied)
     * @param index the CSR feature indices (not copied)
     * @param value the CSR values (not copied)
     * @return a sparse shard of these arrays
     */
    static Shard sparse(int features, double[] labels, int[] start, int[] index, double[] value) {
        return new Shard(new Rows(features, labels, null, start, index, value));
    }

    /** @return the rows as a dataset (built once per deserialized copy) */
    synchronized Dataset dataset() {
        if (dataset == null) {
            Rows r = rows;
            dataset = r.dense() != null ? new DenseDataset(r.dense(), r.labels(), r.features())
                    : new SparseDataset(r.start(), r.index(), r.value(), r.labels(), r.features());
        }
        return dataset;
    }

    /** @return the number of rows */
    int size() {
        return rows.labels().length;
    }
}
