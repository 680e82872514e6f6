package dev.asgd.spark;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.GradientComputer;

/**
 * The Spark engine's {@link GradientComputer} for replay ({@code --replay}): each recorded update's
 * gradient is a one-partition job on the cached shards ({@link GradientJobs}) at the recorded read
 * version, in the FAIR pool {@code asgd-replay}, with the run's tag.
 */
final class SparkGradients implements GradientComputer {
    private final GradientJobs jobs;

    /** @param jobs the run's jobs */
    SparkGradients(GradientJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Caller caller(String role) {
        jobs.tagThisThread(role);
        return new Caller() {
            @Override
            public Gradient compute(int worker, long step, long readVersion, double[] params, boolean keepRead) {
                TaskGradient r = jobs.one(worker, step, readVersion, params);
                return new Gradient(worker, step, readVersion, r.values(), r.batchLoss(), keepRead ? params : null);
            }
        };
    }

    /** Cancels every running job of the run. */
    @Override
    public void cancel() {
        jobs.cancelAll();
    }

    /**
     * @return the run's first job timeout when there was one and the failure is not a divergence (the
     *     other workers' jobs were cancelled by it: report the cause, whoever failed first); else the failure
     */
    @Override
    public Throwable cause(Throwable failure) {
        GradientJobs.JobTimeoutException t = jobs.timedOut();
        return t != null && !(failure instanceof NumericalDivergenceException) ? t : failure;
    }
}
