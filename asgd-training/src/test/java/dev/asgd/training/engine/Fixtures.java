package dev.asgd.training.engine;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;

/** Small synthetic runs shared by the engine tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Least squares, n = 2000 (1600 train), d = 5, noise 0.1. */
    public static final String LS = "synthetic:least-squares,n=2000,d=5,noise=0.1";

    public static TrainingConfig config(String data, String problem, String mode, int workers, String policy, double eta,
            long updates, long seed) {
        return new TrainingConfig(data, problem, 0, Mode.parse(mode), workers, LearningRatePolicy.parse(policy), eta, 16,
                updates, seed, Math.max(1, updates / 20), 0, WorkerDelay.none());
    }

    public static TrainTest data(TrainingConfig c) {
        return DataSources.load(c.data(), 0.2, c.seed());
    }

    public static RunResult run(TrainingConfig c, TrainingSession.Options o) throws InterruptedException {
        TrainTest d = data(c);
        Problem p = Problems.of(c.problem(), d.train(), c.l2());
        return new ThreadsEngine().run(TrainingSession.start(c, p, d, o));
    }
}
