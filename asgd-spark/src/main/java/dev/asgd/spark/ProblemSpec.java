package dev.asgd.spark;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.LogisticRegression;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SoftmaxRegression;
import java.io.Serializable;

/**
 * What an executor needs to rebuild the driver's {@link Problem} (problems are stateless, so the
 * rebuilt one computes the same bits).
 *
 * @param name least-squares, logistic or softmax
 * @param features d
 * @param classes K for softmax, else 0
 * @param l2 lambda
 */
record ProblemSpec(String name, int features, int classes, double l2) implements Serializable {
    /**
     * @param problem the driver's problem
     * @param features d of its data
     * @return its spec
     */
    static ProblemSpec of(Problem problem, int features) {
        int classes = problem instanceof SoftmaxRegression s ? s.classes() : 0;
        ProblemSpec spec = new ProblemSpec(problem.name(), features, classes, problem.l2());
        if (spec.create().dimension() != problem.dimension()) {
            throw new IllegalStateException("cannot ship problem " + problem.name() + " to Spark executors");
        }
        return spec;
    }

    /** @return a new problem */
    Problem create() {
        switch (name) {
            case "least-squares":
                return new LeastSquares(features, l2);
            case "logistic":
                return new LogisticRegression(features, l2);
            case "softmax":
                return new SoftmaxRegression(features, classes, l2);
            default:
                throw new InvalidParameterException("problem", name, "least-squares, logistic or softmax");
        }
    }
}
