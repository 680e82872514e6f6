package dev.asgd.report.reproduce.level;

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
import dev.asgd.training.run.TrainingRun;
import dev.asgd.training.run.TrainingRunResult;
import dev.asgd.training.staleness.TheoryComparison;

/**
 * Real asynchronous training on this machine: M worker threads around a parameter server on a
 * synthetic least-squares problem, each gradient's staleness measured exactly, the geometric law
 * fitted, and the decay of the excess loss per update and per second of wall time measured and set
 * beside the exact discrete theory with the fitted kappa ({@link TheoryComparison}), all through
 * asgd-training's {@link TrainingRun}.
 */
public final class TrainingLevel {
    private TrainingLevel() {
    }

    /**
     * What one run measured.
     *
     * @param workers M
     * @param meanStaleness the measured mean staleness
     * @param kappa the fitted geometric kappa = mean / (1 + mean)
     * @param updatesPerSecond the measured throughput
     * @param predictedDecayPerUpdate exact discrete theory with the fitted kappa, -2 ln rho
     * @param measuredDecayPerUpdate fitted slope of ln(f - f*) against the update
     * @param measuredDecayPerSecond measuredDecayPerUpdate times updatesPerSecond
     * @param seconds wall time
     */
    public record Run(int workers, double meanStaleness, double kappa, double updatesPerSecond,
            double predictedDecayPerUpdate, double measuredDecayPerUpdate, double measuredDecayPerSecond,
            double seconds) {
    }

    /**
     * @param workers M
     * @param eta learning rate
     * @param updates updates of the run
     * @param delayMs mean of the exponential compute delay injected per gradient, in ms (0: none)
     * @param seed the seed of the data and the minibatches
     * @return what it measured
     * @throws InterruptedException when interrupted
     */
    public static Run run(int workers, double eta, long updates, double delayMs, long seed)
            throws InterruptedException {
        String data = "synthetic:least-squares,n=4000,d=10,noise=0.1,seed=" + seed;
        TrainTest tt = DataSources.load(data, 0.2, seed);
        LeastSquares problem = (LeastSquares) Problems.of("least-squares", tt.train(), 0);
        WorkerDelay delay = delayMs > 0 ? WorkerDelay.parse("exp:" + delayMs, workers) : WorkerDelay.none();
        TrainingConfig config = TrainingConfig.builder(data, "least-squares").mode(Mode.parse("async")).workers(workers)
                .policy(LearningRatePolicy.parse("constant")).eta(eta).batchSize(16).updates(updates).seed(seed)
                .evalEvery(Math.max(1, updates / 60)).delay(delay).build();
        TrainingRunResult r = TrainingRun.of(config, problem, tt).withTheory(TrainingRun.Theory.GEOMETRIC, false)
                .run(new ThreadsEngine());
        RunResult result = r.result();
        TheoryComparison theory = r.geometricOnly();
        return new Run(workers, result.fit().mean(), theory.kappa(), result.updatesPerSecond(),
                theory.predictedDecayPerUpdate(), theory.measuredDecayPerUpdate(), r.measuredDecayPerSecond(),
                result.seconds());
    }
}
