package dev.asgd.training.engine;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;

/**
 * The run's data as the session needs it: its shape (features, rows, classes, for the problem and
 * the report) and the evaluation of parameters. The rows themselves are either in this JVM
 * ({@link #of(TrainTest)}, the threads engine, replay, the theory) or where they live, read and
 * evaluated by a cluster (the Spark engine's partitioned data), in which case {@link #inMemory()}
 * is null. Closing it frees what it holds (e.g. a cluster's cached partitions).
 */
public interface SessionData extends AutoCloseable {
    /** @return the number of features d */
    int features();

    /** @return the number of training rows */
    long trainRows();

    /** @return the number of held-out rows (0: none) */
    long testRows();

    /** @return the classes of the training labels (largest label + 1 when all are integers 0..1e6), else 0 */
    int trainClasses();

    /** @return the classes of the held-out labels, as {@link #trainClasses()} (0 when there are none) */
    int testClasses();

    /** @return the rows in this JVM, or null when they are not held here */
    TrainTest inMemory();

    /**
     * @param problem the loss
     * @param maxTrainRows the largest number of training rows of the training loss
     * @return the evaluation of parameters on this data
     */
    Evaluation evaluation(Problem problem, int maxTrainRows);

    /** Frees what the data holds; by default nothing. */
    @Override
    default void close() {
    }

    /** Loss and accuracy of parameters on the run's data (thread-safe). */
    interface Evaluation {
        /**
         * @param params the parameters
         * @return the training loss on the evaluation rows (may be non-finite)
         */
        double trainLoss(double[] params);

        /**
         * @param params the parameters
         * @return {training loss, test loss, test accuracy}; test values NaN without held-out rows
         */
        double[] evaluate(double[] params);
    }

    /**
     * @param data rows in this JVM
     * @return them as the session's data
     */
    static SessionData of(TrainTest data) {
        return new InMemoryData(data);
    }
}
