package dev.asgd.spark;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.GradientComputer;
import java.util.List;

/**
 * The Spark engine's {@link GradientComputer}: each gradient is a job on the cached shards
 * ({@link GradientJobs}), one partition's for a worker's step, all partitions' for a sync round
 * (one job per round). Each driver thread's jobs carry the run's tag and its own FAIR pool
 * ({@code asgd-worker-W}, {@code asgd-sync}, {@code asgd-replay}).
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

            @Override
            public void computeRound(long version, double[] params, boolean keepRead, Gradient[] out) {
                List<TaskGradient> round;
                try {
                    round = jobs.all(version, version, params);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    // a checked SparkException thrown from Scala: the run's error, in one line
                    throw new IllegalStateException(e.getMessage(), e);
                }
                for (int w = 0; w < out.length; w++) {
                    TaskGradient g = round.get(w);
                    out[w] = new Gradient(w, version, version, g.values(), g.batchLoss(), keepRead ? params : null);
                }
            }
        };
    }

    /** @return true: a sync round is one job over every partition */
    @Override
    public boolean computesWholeRounds() {
        return true;
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
