package dev.asgd.training.engine;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;

/**
 * Loss and accuracy of parameters on the training rows (the first {@code maxRows}, a fixed
 * subset) and the test rows. A non-finite loss is a divergence.
 */
public final class Evaluator {
    private final Problem problem;
    private final Dataset train;
    private final Dataset test;

    /**
     * @param problem the loss
     * @param data the data
     * @param maxRows largest number of training rows used for the training loss
     */
    public Evaluator(Problem problem, TrainTest data, int maxRows) {
        this.problem = problem;
        Dataset t = data.train();
        if (t.size() > maxRows) {
            int[] rows = new int[maxRows];
            for (int i = 0; i < maxRows; i++) {
                rows[i] = i;
            }
            t = t.select(rows);
        }
        this.train = t;
        this.test = data.test();
    }

    /**
     * @param params the parameters
     * @return the training loss on the evaluation rows (may be non-finite)
     */
    public double trainLoss(double[] params) {
        return problem.loss(params, train);
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
        double trainLoss = problem.loss(params, train);
        if (!Double.isFinite(trainLoss)) {
            throw new NumericalDivergenceException(update, "training loss", trainLoss, "non-finite loss");
        }
        double[] la = test == null ? new double[] {Double.NaN, Double.NaN} : problem.lossAndAccuracy(params, test);
        double testLoss = la[0];
        double acc = la[1];
        return new MetricPoint(update, seconds, trainLoss, testLoss, acc, meanStaleness);
    }
}
