package dev.asgd.training.problem;

import dev.asgd.core.Require;
import dev.asgd.training.data.SparseDataset;
import java.util.Arrays;

/**
 * The support of a minibatch of sparse rows: the distinct feature indices its rows store, in order
 * of first appearance, each with its slot (its position in that order). Collecting and clearing
 * cost O(stored entries of the batch), never O(d): the slot table of d entries is allocated once
 * and only the entries of the last support are reset. One per worker; not thread-safe.
 */
public final class SparseSupport {
    private final int[] slot;
    private int[] coordinates;
    private int size;

    /** @param features d, the largest feature index + 1 */
    public SparseSupport(int features) {
        Require.atLeast(features, 1, "features");
        this.slot = new int[features];
        Arrays.fill(slot, -1);
        this.coordinates = new int[16];
    }

    /**
     * Replaces the support by the minibatch's.
     *
     * @param data the rows
     * @param batch row indices (repeats allowed)
     * @return the number of distinct feature indices
     */
    public int collect(SparseDataset data, int[] batch) {
        for (int i = 0; i < size; i++) {
            slot[coordinates[i]] = -1;
        }
        size = 0;
        for (int row : batch) {
            for (int k = data.rowStart(row), end = data.rowEnd(row); k < end; k++) {
                int j = data.indexAt(k);
                if (slot[j] < 0) {
                    if (size == coordinates.length) {
                        coordinates = Arrays.copyOf(coordinates, 2 * size);
                    }
                    slot[j] = size;
                    coordinates[size++] = j;
                }
            }
        }
        return size;
    }

    /** @return the number of distinct feature indices of the last minibatch */
    public int size() {
        return size;
    }

    /**
     * @param i a slot, below {@link #size()}
     * @return its feature index
     */
    public int coordinate(int i) {
        return coordinates[i];
    }

    /**
     * @param feature a feature index of the support
     * @return its slot (-1 when it is not in the support)
     */
    public int slot(int feature) {
        return slot[feature];
    }
}
