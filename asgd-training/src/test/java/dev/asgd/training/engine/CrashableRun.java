package dev.asgd.training.engine;

import java.nio.file.Path;

/** A slow checkpointed run in its own JVM, for the kill -9 test: {@code CrashableRun DIR}. */
public final class CrashableRun {
    private CrashableRun() {
    }

    static TrainingConfig config(WorkerDelay delay) {
        return new TrainingConfig(Fixtures.LS, "least-squares", 0, Mode.parse("async"), 1,
                new LearningRatePolicy.Constant(), 0.05, 16, 3000, 5, 100, 25, delay);
    }

    public static void main(String[] args) throws Exception {
        Fixtures.run(config(WorkerDelay.parse("fixed:2", 1)),
                new TrainingSession.Options(Path.of(args[0]), true, null, null));
    }
}
