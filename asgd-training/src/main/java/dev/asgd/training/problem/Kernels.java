package dev.asgd.training.problem;

/**
 * The two dense minibatch kernels of the linear problems. Two implementations give the same bits:
 * {@link DenseKernels#SCALAR} (plain Java) and {@code VectorKernels} (the Vector API,
 * {@code jdk.incubator.vector}, used when that module is in the boot layer and the machine has
 * 8-lane double vectors); {@link DenseKernels#KERNELS} is the one in use.
 */
interface Kernels {
    /**
     * z[i * k + c] = rows[i] . w_c + b_c for i &lt; n, c &lt; k, with w_c at c * (d + 1) and b_c
     * after it; each dot product one {@link Math#fma} chain over j from 0 to d - 1, plus b_c.
     */
    void scores(DenseKernels.Scratch s, double[][] rows, int n, int d, double[] w, int k, double[] z);

    /**
     * g[c * (d + 1) + j] = sum_i r[i * k + c] rows[i][j] for c &lt; k, j &lt; d (the biases are left
     * alone), summed over rows in groups of four: g += (r0 x0 + r1 x1) + (r2 x2 + r3 x3), then the
     * remaining rows one at a time.
     */
    void gradients(DenseKernels.Scratch s, double[][] rows, int n, double[] r, int k, double[] g, int d);

    /**
     * out[i] = x[i] - rate * g[i] for i &lt; out.length (one SGD step; IEEE operations lane by lane, so
     * the same bits either way).
     *
     * @return whether every out[i] is finite
     */
    boolean step(double[] x, double rate, double[] g, double[] out);

    /**
     * into[j] = codes[from + j] / divisor for j &lt; d (the code as an unsigned byte), computed as
     * {@link dev.asgd.training.data.DenseDataset#byFma}: exact when
     * {@link dev.asgd.training.data.DenseDataset#decodesByFma} holds.
     */
    void decode(byte[] codes, int from, int d, double divisor, double[] into);
}
