package dev.asgd.training.data;

import java.util.Arrays;

/** A growable array of doubles (the readers do not know n in advance). */
final class DoubleBuffer {
    private double[] a = new double[1024];
    private int n;

    void add(double v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, 2 * n);
        }
        a[n++] = v;
    }

    int size() {
        return n;
    }

    double[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
