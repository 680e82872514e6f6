package dev.asgd.training.data;

/**
 * Rows of features with one label each. The row operations are all a linear model needs, so that
 * dense and sparse storage share every problem's code. Labels are regression targets, or class
 * indices 0..classes-1 stored as doubles. Implementations are immutable and safe to share between
 * threads.
 */
public interface Dataset {
    /** @return the number of rows n */
    int size();

    /** @return the number of features d */
    int features();

    /** @return the number of classes (the largest label + 1) when every label is a non-negative integer, else 0 */
    int classes();

    /**
     * @param row row index
     * @return the label of the row
     */
    double label(int row);

    /**
     * @param row row index
     * @param w weights, read from {@code offset} to {@code offset + features() - 1}
     * @param offset first weight of the block
     * @return x_row . w[offset..]
     */
    double dot(int row, double[] w, int offset);

    /**
     * Adds {@code scale * x_row} into {@code g[offset..]}.
     *
     * @param row row index
     * @param scale factor
     * @param g accumulator
     * @param offset first entry of the block
     */
    void addScaled(int row, double scale, double[] g, int offset);

    /**
     * @param rows row indices, in the order wanted
     * @return a new dataset holding copies of those rows
     */
    Dataset select(int[] rows);

    /** @return true when most entries are stored explicitly */
    boolean dense();

    /**
     * The number of classes of integer labels, or 0 when some label is not a non-negative integer.
     *
     * @param labels labels
     * @return max label + 1, or 0
     */
    static int classesOf(double[] labels) {
        int max = -1;
        for (double y : labels) {
            if (!(y >= 0) || y != Math.rint(y) || y > 1_000_000) {
                return 0;
            }
            max = Math.max(max, (int) y);
        }
        return max + 1;
    }
}
