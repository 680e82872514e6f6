package dev.asgd.training.run;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.problem.SoftmaxRegression;
import java.util.Objects;

/**
 * The problem a run trains on its data: the one asked for, or the data's default (the synthetic
 * kind; softmax for Fashion-MNIST; for files softmax with more than 2 classes, logistic with 2,
 * else least squares). A softmax model scores the held-out rows too, so it has as many classes as
 * the larger of the two splits.
 *
 * @param name the problem's name
 * @param problem the problem
 */
public record ProblemChoice(String name, Problem problem) {
    /** Validates. */
    public ProblemChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * @param data the data spec
     * @param requested the problem's name, or null for the data's default
     * @param tt the data, loaded
     * @param l2 the L2 coefficient
     * @return the problem
     * @throws InvalidParameterException (data) for softmax when a held-out label is not a class
     */
    public static ProblemChoice of(String data, String requested, TrainTest tt, double l2) {
        return of(data, requested, SessionData.of(tt), l2);
    }

    /**
     * @param data the data spec
     * @param requested the problem's name, or null for the data's default
     * @param shape the data's shape (in this JVM or where it lives)
     * @param l2 the L2 coefficient
     * @return the problem
     * @throws InvalidParameterException (data) for softmax when a held-out label is not a class
     */
    public static ProblemChoice of(String data, String requested, SessionData shape, double l2) {
        String name = requested != null ? requested : defaultProblem(data, shape.trainClasses());
        Problem p = Problems.of(name, shape.features(), shape.trainClasses(), l2);
        if (p instanceof SoftmaxRegression && shape.testRows() > 0) {
            // The held-out rows are scored by the same model: their labels must be classes too.
            int heldOut = shape.testClasses();
            if (heldOut == 0) {
                throw new InvalidParameterException("data", data, "integer class labels 0..1000000 for softmax"
                        + " (a held-out row has a label that is not one)");
            }
            if (heldOut > shape.trainClasses()) {
                p = new SoftmaxRegression(shape.features(), heldOut, l2);
            }
        }
        return new ProblemChoice(name, p);
    }

    /**
     * @param data the data spec
     * @param train the training rows (their classes decide for files; may be null for synthetic and fashion-mnist)
     * @return the default problem's name
     */
    public static String defaultProblem(String data, Dataset train) {
        return defaultProblem(data, train == null ? 0 : train.classes());
    }

    /**
     * @param data the data spec
     * @param classes the training rows' classes ({@link Dataset#classes()}: they decide for files)
     * @return the default problem's name
     */
    public static String defaultProblem(String data, int classes) {
        if (data.startsWith("synthetic:")) {
            String kind = data.substring(10).split(",")[0].strip();
            return kind.startsWith("sparse-") ? kind.substring("sparse-".length()) : kind;
        }
        if (data.startsWith("fashion-mnist")) {
            return "softmax";
        }
        int c = classes;
        return c > 2 ? "softmax" : c == 2 ? "logistic" : "least-squares";
    }
}
