package dev.asgd.training.problem;

/**
 * Whole-vector operations of the training engine on the dense kernels in use (the Vector API ones
 * when available, {@link Problems#denseKernels()}); the same bits either way.
 */
public final class VectorOps {
    private VectorOps() {
    }

    /**
     * One SGD step: out[i] = x[i] - rate * g[i] for i &lt; out.length.
     *
     * @param x the parameters (length at least out.length)
     * @param rate the step size
     * @param g the gradient (length at least out.length)
     * @param out the new parameters
     * @return whether every out[i] is finite
     */
    public static boolean step(double[] x, double rate, double[] g, double[] out) {
        return DenseKernels.current().step(x, rate, g, out);
    }

    /**
     * @param x values
     * @return whether every value is finite
     */
    public static boolean allFinite(double[] x) {
        return DenseKernels.allFinite(x);
    }
}
