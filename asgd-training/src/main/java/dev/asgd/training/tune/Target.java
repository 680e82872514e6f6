package dev.asgd.training.tune;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.Problem;

/**
 * What a run must reach: a test accuracy at or above {@code value}, or a training loss (on the
 * evaluation rows) at or below it.
 *
 * @param accuracy true for a test-accuracy target, false for a training-loss target
 * @param value the accuracy (0 &lt; value &lt;= 1) or the loss (finite)
 */
public record Target(boolean accuracy, double value) {
    /** Validates. */
    public Target {
        if (accuracy && !(value > 0 && value <= 1)) {
            throw new InvalidParameterException("target-accuracy", value, "0 < accuracy <= 1");
        }
        if (!accuracy && !Double.isFinite(value)) {
            throw new InvalidParameterException("target-loss", value, "a finite loss");
        }
    }

    /**
     * @param value the accuracy
     * @return a test-accuracy target
     */
    public static Target accuracy(double value) {
        return new Target(true, value);
    }

    /**
     * @param value the loss
     * @return a training-loss target
     */
    public static Target loss(double value) {
        return new Target(false, value);
    }

    /** @return "test accuracy" or "training loss" */
    public String metric() {
        return accuracy ? "test accuracy" : "training loss";
    }

    /**
     * @param problem the loss
     * @param w parameters
     * @param evalRows the training rows of the evaluated loss
     * @param test the held-out rows
     * @return the metric at w
     */
    public double measure(Problem problem, double[] w, Dataset evalRows, Dataset test) {
        return accuracy ? problem.accuracy(w, test) : problem.loss(w, evalRows);
    }

    /**
     * @param metric a value of the metric
     * @return whether it meets the target
     */
    public boolean reached(double metric) {
        return accuracy ? metric >= value : metric <= value;
    }

    @Override
    public String toString() {
        return metric() + (accuracy ? " >= " : " <= ") + value;
    }
}
