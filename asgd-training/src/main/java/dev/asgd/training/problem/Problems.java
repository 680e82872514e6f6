package dev.asgd.training.problem;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;

/** Builds a problem by name for a dataset: {@code least-squares}, {@code logistic}, {@code softmax}. */
public final class Problems {
    private Problems() {
    }

    /**
     * @param name the problem's name
     * @param train the training rows (their d and classes)
     * @param l2 lambda >= 0
     * @return the problem
     */
    public static Problem of(String name, Dataset train, double l2) {
        return of(name, train.features(), train.classes(), l2);
    }

    /**
     * @param name the problem's name
     * @param features d of the training rows
     * @param classes their classes ({@link Dataset#classes()})
     * @param l2 lambda >= 0
     * @return the problem
     */
    public static Problem of(String name, int features, int classes, double l2) {
        switch (name) {
            case "least-squares":
                return new LeastSquares(features, l2);
            case "logistic":
                return new LogisticRegression(features, l2);
            case "softmax":
                if (classes < 2) {
                    throw new InvalidParameterException("problem", name,
                            "softmax needs integer class labels 0..K-1 with K >= 2 (the data has "
                                    + (classes == 0 ? "non-integer or negative labels" : "one class") + ")");
                }
                return new SoftmaxRegression(features, classes, l2);
            default:
                throw new InvalidParameterException("problem", name, "least-squares, logistic or softmax");
        }
    }

    /**
     * @return "vector" when the dense kernels run on the Vector API (the JVM started with
     *     {@code --add-modules jdk.incubator.vector}, an AVX-512 machine), else "scalar"; both give the
     *     same bits
     */
    public static String denseKernels() {
        return DenseKernels.kind();
    }

    /**
     * Starts compiling the vector kernels in the background now (they are used once compiled; see
     * {@link #denseKernels}), so that the compilation overlaps whatever comes before the first
     * gradient, e.g. reading the data. Idempotent and cheap.
     *
     * @return the kernels' kind, as {@link #denseKernels}
     */
    public static String warmUpKernels() {
        return DenseKernels.kind();
    }

    /**
     * Waits until the background warm-up of the dense kernels and of the problems' gradients is
     * over (at once when there is none: the scalar kernels).
     *
     * @param millis the longest wait
     * @return whether it is over
     * @throws InterruptedException when interrupted
     */
    public static boolean awaitWarmKernels(long millis) throws InterruptedException {
        return DenseKernels.awaitWarmUp(millis);
    }
}
