package dev.asgd.training.run;

import dev.asgd.core.Require;
import dev.asgd.theory.workers.WorkerStudy;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.staleness.TheoryComparison;

/**
 * Remark 3.4 on this machine: m worker threads around a parameter server on a synthetic
 * least-squares problem (n = 4000, d = 10), each gradient's staleness measured exactly, the
 * geometric law fitted, and the decay of the excess loss per update and per second of wall time
 * measured and set beside the exact discrete theory with the fitted kappa ({@link TheoryComparison}),
 * all through {@link TrainingRun}. The result is the measured run of asgd-theory's
 * {@link WorkerStudy}.
 */
public final class WorkerSpeedupRun {
    /** The data of every run; the seed is appended. */
    public static final String DATA = "synthetic:least-squares,n=4000,d=10,noise=0.1,seed=";
    /** Rows per minibatch. */
    public static final int BATCH = 16;
    /** Evaluations of the loss over a run. */
    public static final long EVALUATIONS = 60;

    private WorkerSpeedupRun() {
    }

    /**
     * @param workers m
     * @param eta learning rate (constant)
     * @param updates updates of the run
     * @param delayMs mean of the exponential compute delay injected per gradient, in ms (0: none)
     * @param seed the seed of the data and the minibatches
     * @return what the run measured
     * @throws InterruptedException when interrupted
     */
    public static WorkerStudy.MeasuredRun measure(int workers, double eta, long updates, double delayMs, long seed)
            throws InterruptedException {
        Require.atLeast(workers, 1, "workers");
        String data = DATA + seed;
        TrainTest tt = DataSources.load(data, 0.2, seed);
        LeastSquares problem = (LeastSquares) Problems.of("least-squares", tt.train(), 0);
        WorkerDelay delay = delayMs > 0 ? WorkerDelay.parse("exp:" + delayMs, workers) : WorkerDelay.none();
        TrainingConfig config = TrainingConfig.builder(data, "least-squares").mode(Mode.parse("async")).workers(workers)
                .policy(LearningRatePolicy.parse("constant")).eta(eta).batchSize(BATCH).updates(updates).seed(seed)
                .evalEvery(Math.max(1, updates / EVALUATIONS)).delay(delay).build();
        TrainingRunResult r = TrainingRun.of(config, problem, tt).withTheory(TrainingRun.Theory.GEOMETRIC, false)
                .run(new ThreadsEngine());
        RunResult result = r.result();
        TheoryComparison theory = r.geometricOnly();
        return new WorkerStudy.MeasuredRun(workers, result.fit().mean(), theory.kappa(), result.updatesPerSecond(),
                theory.predictedDecayPerUpdate(), theory.measuredDecayPerUpdate(), r.measuredDecayPerSecond(),
                result.seconds());
    }
}
