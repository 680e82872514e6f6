package dev.asgd.training.engine;

import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import java.util.Objects;

/**
 * The run's data in this JVM: the training loss on the first {@code maxTrainRows} training rows,
 * the test loss and accuracy on every held-out row.
 *
 * @param data the rows
 */
record InMemoryData(TrainTest data) implements SessionData {
    /** Validates. */
    InMemoryData {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public int features() {
        return data.train().features();
    }

    @Override
    public long trainRows() {
        return data.train().size();
    }

    @Override
    public long testRows() {
        return data.test() == null ? 0 : data.test().size();
    }

    @Override
    public int trainClasses() {
        return data.train().classes();
    }

    @Override
    public int testClasses() {
        return data.test() == null ? 0 : data.test().classes();
    }

    @Override
    public TrainTest inMemory() {
        return data;
    }

    @Override
    public Evaluation evaluation(Problem problem, int maxTrainRows) {
        Dataset t = data.train();
        if (t.size() > maxTrainRows) {
            int[] rows = new int[maxTrainRows];
            for (int i = 0; i < maxTrainRows; i++) {
                rows[i] = i;
            }
            t = t.select(rows);
        }
        Dataset train = t;
        Dataset test = data.test();
        return new Evaluation() {
            @Override
            public double trainLoss(double[] params) {
                return problem.loss(params, train);
            }

            @Override
            public double[] evaluate(double[] params) {
                double trainLoss = problem.loss(params, train);
                if (!Double.isFinite(trainLoss) || test == null) {
                    return new double[] {trainLoss, Double.NaN, Double.NaN};
                }
                double[] la = problem.lossAndAccuracy(params, test);
                return new double[] {trainLoss, la[0], la[1]};
            }
        };
    }
}
