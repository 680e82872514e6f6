package dev.asgd.training.engine;

import dev.asgd.core.Require;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.Problem;

/**
 * The worker's side: a minibatch gradient of the problem at given parameters, its minibatch
 * chosen by {@link MinibatchSampler} from (seed, worker, step). Stateless and thread-safe: the
 * same object serves every worker (and can be shipped to remote executors).
 *
 * @param problem the loss
 * @param train the training rows
 * @param batchSize rows per minibatch
 * @param seed the run's seed
 */
public record GradientComputer(Problem problem, Dataset train, int batchSize, long seed) {
    /** Validates. */
    public GradientComputer {
        Require.atLeast(batchSize, 1, "batch");
    }

    /**
     * @param worker the worker
     * @param workerStep its step
     * @param readVersion the version of {@code params}
     * @param params the parameters read
     * @param keepRead whether the gradient should carry {@code params} (delay compensation)
     * @return the gradient
     */
    public Gradient compute(int worker, long workerStep, long readVersion, double[] params, boolean keepRead) {
        int[] batch = new int[batchSize];
        MinibatchSampler.sample(seed, worker, workerStep, train.size(), batch);
        double[] g = new double[problem.dimension()];
        double loss = problem.gradient(params, train, batch, g);
        return new Gradient(worker, workerStep, readVersion, g, loss, keepRead ? params : null);
    }
}
