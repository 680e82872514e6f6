package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;

/**
 * Loss and accuracy of parameters on the training rows (the first {@code maxRows}, a fixed
 * subset) and the test rows, computed by the run's {@link SessionData} (in this JVM, or a job on
 * the cluster that holds the rows). A non-finite loss is a divergence.
 */
public final class Evaluator {
    private final SessionData.Evaluation evaluation;

    /**
     * @param problem the loss
     * @param data the data
     * @param maxRows largest number of training rows used for the training loss
     */
    public Evaluator(Problem problem, TrainTest data, int maxRows) {
        this(problem, SessionData.of(data), maxRows);
    }

    /**
     * @param problem the loss
     * @param data the data, in this JVM or where it lives
     * @param maxRows largest number of training rows used for the training loss
     */
    public Evaluator(Problem problem, SessionData data, int maxRows) {
        this.evaluation = data.evaluation(problem, maxRows);
    }

    /**
     * @param params the parameters
     * @return the training loss on the evaluation rows (may be non-finite)
     */
    public double trainLoss(double[] params) {
        return evaluation.trainLoss(params);
    }

    /**
     * @param params the parameters
     * @param update their version
     * @param seconds wall time
     * @param meanStaleness mean staleness since the last point
     * @return the metrics
     * @throws NumericalDivergenceException if the training loss is not finite
     */
    public MetricPoint evaluate(double[] params, long update, double seconds, double meanStaleness) {
        double[] e = evaluation.evaluate(params);
        if (!Double.isFinite(e[0])) {
            throw new NumericalDivergenceException(update, "training loss", e[0], "non-finite loss");
        }
        return new MetricPoint(update, seconds, e[0], e[1], e[2], meanStaleness);
    }
}
