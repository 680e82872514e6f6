package dev.asgd.theory;

/**
 * The kernel of the lag-augmented moment recursions: a probability-weighted sum of rows of a
 * row-major matrix,
 * <pre>
 *   dst[dOff + e] = sum_q w_q src[rowOff_q + col + e],   0 &lt;= e &lt; len,
 * </pre>
 * each sum taken in the order of q with fused multiply-adds. Eight columns are kept in registers:
 * the JIT does not vectorise a loop that loads from one {@code double[]} and stores into another
 * (they might alias), and this keeps the inner loop to loads only.
 */
public final class WeightedRowSum {
    private WeightedRowSum() {
    }

    /**
     * @param src the matrix, row-major
     * @param rowOff the offset of each weighted row in {@code src}
     * @param weights w_q, one per row
     * @param col the first column summed
     * @param dst output
     * @param dOff the first entry written
     * @param len the number of columns summed
     */
    public static void sum(double[] src, int[] rowOff, double[] weights, int col, double[] dst, int dOff, int len) {
        int nq = rowOff.length;
        int e = 0;
        for (; e + 8 <= len; e += 8) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double a4 = 0;
            double a5 = 0;
            double a6 = 0;
            double a7 = 0;
            for (int q = 0; q < nq; q++) {
                double w = weights[q];
                int at = rowOff[q] + col + e;
                a0 = Math.fma(w, src[at], a0);
                a1 = Math.fma(w, src[at + 1], a1);
                a2 = Math.fma(w, src[at + 2], a2);
                a3 = Math.fma(w, src[at + 3], a3);
                a4 = Math.fma(w, src[at + 4], a4);
                a5 = Math.fma(w, src[at + 5], a5);
                a6 = Math.fma(w, src[at + 6], a6);
                a7 = Math.fma(w, src[at + 7], a7);
            }
            dst[dOff + e] = a0;
            dst[dOff + e + 1] = a1;
            dst[dOff + e + 2] = a2;
            dst[dOff + e + 3] = a3;
            dst[dOff + e + 4] = a4;
            dst[dOff + e + 5] = a5;
            dst[dOff + e + 6] = a6;
            dst[dOff + e + 7] = a7;
        }
        for (; e < len; e++) {
            double a0 = 0;
            for (int q = 0; q < nq; q++) {
                a0 = Math.fma(weights[q], src[rowOff[q] + col + e], a0);
            }
            dst[dOff + e] = a0;
        }
    }
}
