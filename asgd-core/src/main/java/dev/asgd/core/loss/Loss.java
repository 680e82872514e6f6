package dev.asgd.core.loss;

/** A differentiable loss f on R^d with a known minimizer theta* and minimum f*. */
public interface Loss {
    /** @return d */
    int dimension();

    /**
     * @param theta the point (length d, not modified)
     * @return f(theta)
     */
    double value(double[] theta);

    /**
     * @param theta the point (length d, not modified)
     * @param out receives grad f(theta) (length d)
     */
    void gradient(double[] theta, double[] out);

    /** @return a copy of theta* */
    double[] minimizer();

    /** @return f* = f(theta*) */
    double minimumValue();

    /**
     * @param theta the point (length d, not modified)
     * @return f(theta) - f*, the excess loss the simulator records (a loss may compute it more cheaply)
     */
    default double excess(double[] theta) {
        return value(theta) - minimumValue();
    }
}
