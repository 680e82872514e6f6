package dev.asgd.training.engine;

import dev.asgd.core.Require;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.problem.Problem;

/**
 * The worker's side in this JVM: a minibatch gradient of the problem at given parameters, its
 * minibatch chosen by {@link MinibatchSampler} from (seed, worker, step). Stateless and
 * thread-safe: the same object serves every worker (and computes each task's gradient on a
 * cluster's executors). Each {@link #caller} has its own {@link Workspace}, so a worker thread
 * allocates nothing per update.
 *
 * @param problem the loss
 * @param train the training rows
 * @param batchSize rows per minibatch
 * @param seed the run's seed
 */
public record LocalGradientComputer(Problem problem, Dataset train, int batchSize, long seed)
        implements GradientComputer {
    /** Validates. */
    public LocalGradientComputer {
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
        return compute(worker, workerStep, readVersion, params, keepRead, workspace());
    }

    /**
     * One worker's reusable buffers: the minibatch indices and the gradient. A gradient computed
     * into a workspace is valid until the next computation with it (a worker's apply is over by
     * then), so a worker allocates nothing per update.
     */
    public static final class Workspace {
        final int[] batch;
        final double[] gradient;

        Workspace(int batchSize, int dimension) {
            this.batch = new int[batchSize];
            this.gradient = new double[dimension];
        }
    }

    /** @return a new workspace for one worker */
    public Workspace workspace() {
        return new Workspace(batchSize, problem.dimension());
    }

    /**
     * As {@link #compute(int, long, long, double[], boolean)} into a worker's workspace: the
     * gradient's values are the workspace's array, overwritten by the next call with it.
     *
     * @param worker the worker
     * @param workerStep its step
     * @param readVersion the version of {@code params}
     * @param params the parameters read
     * @param keepRead whether the gradient should carry {@code params} (delay compensation)
     * @param ws the worker's workspace
     * @return the gradient
     */
    public Gradient compute(int worker, long workerStep, long readVersion, double[] params, boolean keepRead,
            Workspace ws) {
        MinibatchSampler.sample(seed, worker, workerStep, train.size(), ws.batch);
        double loss = problem.gradient(params, train, ws.batch, ws.gradient);
        return new Gradient(worker, workerStep, readVersion, ws.gradient, loss, keepRead ? params : null);
    }

    /** @return a caller that computes into its own workspace (a gradient valid until its next call) */
    @Override
    public Caller caller(String role) {
        return new WorkspaceCaller(this, workspace());
    }

    /** A thread's caller: every gradient computed into its workspace. */
    private static final class WorkspaceCaller implements Caller {
        private final LocalGradientComputer computer;
        private final Workspace ws;

        WorkspaceCaller(LocalGradientComputer computer, Workspace ws) {
            this.computer = computer;
            this.ws = ws;
        }

        @Override
        public Gradient compute(int worker, long step, long readVersion, double[] params, boolean keepRead) {
            return computer.compute(worker, step, readVersion, params, keepRead, ws);
        }
    }
}
