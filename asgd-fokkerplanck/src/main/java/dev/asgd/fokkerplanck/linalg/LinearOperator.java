package dev.asgd.fokkerplanck.linalg;

/** A linear map y = A x on R^n, applied without forming A. */
@FunctionalInterface
public interface LinearOperator {
    /**
     * @param x the input (not modified)
     * @param y receives A x (overwritten)
     */
    void apply(double[] x, double[] y);
}
