package dev.asgd.training.engine;

import dev.asgd.core.Require;
import java.util.Locale;

/**
 * Everything that defines a training run's result (except timing).
 *
 * @param data the data spec, as given
 * @param problem the problem's name
 * @param l2 the L2 coefficient lambda
 * @param mode the mode
 * @param workers M >= 1
 * @param policy the learning-rate policy
 * @param eta the base learning rate > 0
 * @param batchSize rows per minibatch
 * @param updates the number of updates (versions) of the run
 * @param seed the seed of the data order and sampling
 * @param evalEvery metrics every this many updates
 * @param checkpointEvery checkpoint every this many updates (0: never)
 * @param delay injected compute delays
 */
public record TrainingConfig(String data, String problem, double l2, Mode mode, int workers,
        LearningRatePolicy policy, double eta, int batchSize, long updates, long seed, long evalEvery,
        long checkpointEvery, WorkerDelay delay) {
    /** Validates. */
    public TrainingConfig {
        Require.nonNegativeFinite(l2, "l2");
        Require.atLeast(workers, 1, "workers");
        Require.positiveFinite(eta, "eta");
        Require.atLeast(batchSize, 1, "batch");
        Require.atLeast(updates, 1L, "updates");
        Require.atLeast(evalEvery, 1L, "eval-every");
        Require.atLeast(checkpointEvery, 0L, "checkpoint-every");
    }

    /**
     * @return the settings a checkpoint or schedule must match to be resumed or replayed (the
     *     number of updates and the delays may differ)
     */
    public String fingerprint() {
        return String.format(Locale.ROOT, "data=%s;problem=%s;l2=%s;mode=%s;workers=%d;policy=%s;eta=%s;batch=%d;seed=%d",
                data, problem, Double.toString(l2), mode, workers, policy.spec(), Double.toString(eta), batchSize, seed);
    }

    /**
     * @param fingerprint a {@link #fingerprint()}
     * @return it without the learning rate and policy: what a counterfactual replay must match
     */
    public static String withoutRate(String fingerprint) {
        return fingerprint.replaceAll(";policy=[^;]*", "").replaceAll(";eta=[^;]*", "");
    }

    /**
     * @param newEta the learning rate
     * @return a copy with another learning rate
     */
    public TrainingConfig withEta(double newEta) {
        return new TrainingConfig(data, problem, l2, mode, workers, policy, newEta, batchSize, updates, seed, evalEvery,
                checkpointEvery, delay);
    }

    /**
     * @param newSeed the seed
     * @return a copy with another seed (other minibatches; the data is loaded by the caller)
     */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(data, problem, l2, mode, workers, policy, eta, batchSize, updates, newSeed, evalEvery,
                checkpointEvery, delay);
    }

    /**
     * @param newUpdates the number of updates
     * @return a copy with another horizon
     */
    public TrainingConfig withUpdates(long newUpdates) {
        return new TrainingConfig(data, problem, l2, mode, workers, policy, eta, batchSize, newUpdates, seed, evalEvery,
                checkpointEvery, delay);
    }

    /**
     * @param data the data spec, as given
     * @param problem the problem's name
     * @return a builder with the defaults: no L2, async, one worker, a constant rate, batch 16,
     *     seed 1, metrics every 10 updates, no checkpoints, no delays (eta and updates must be set)
     */
    public static Builder builder(String data, String problem) {
        return new Builder(data, problem);
    }

    /** Builds a {@link TrainingConfig} by named settings; {@link #build()} validates. */
    public static final class Builder {
        private final String data;
        private final String problem;
        private double l2;
        private Mode mode = new Mode(Mode.Kind.ASYNC, 0);
        private int workers = 1;
        private LearningRatePolicy policy = new LearningRatePolicy.Constant();
        private double eta = Double.NaN;
        private int batchSize = 16;
        private long updates;
        private long seed = 1;
        private long evalEvery = 10;
        private long checkpointEvery;
        private WorkerDelay delay = WorkerDelay.none();

        private Builder(String data, String problem) {
            this.data = data;
            this.problem = problem;
        }

        /**
         * @param value the L2 coefficient lambda
         * @return this
         */
        public Builder l2(double value) {
            this.l2 = value;
            return this;
        }

        /**
         * @param value the mode
         * @return this
         */
        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        /**
         * @param value M
         * @return this
         */
        public Builder workers(int value) {
            this.workers = value;
            return this;
        }

        /**
         * @param value the learning-rate policy
         * @return this
         */
        public Builder policy(LearningRatePolicy value) {
            this.policy = value;
            return this;
        }

        /**
         * @param value the base learning rate
         * @return this
         */
        public Builder eta(double value) {
            this.eta = value;
            return this;
        }

        /**
         * @param value rows per minibatch
         * @return this
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @param value the number of updates of the run
         * @return this
         */
        public Builder updates(long value) {
            this.updates = value;
            return this;
        }

        /**
         * @param value the seed of the data order and sampling
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value metrics every this many updates
         * @return this
         */
        public Builder evalEvery(long value) {
            this.evalEvery = value;
            return this;
        }

        /**
         * @param value checkpoint every this many updates (0: never)
         * @return this
         */
        public Builder checkpointEvery(long value) {
            this.checkpointEvery = value;
            return this;
        }

        /**
         * @param value injected compute delays
         * @return this
         */
        public Builder delay(WorkerDelay value) {
            this.delay = value;
            return this;
        }

        /** @return the validated configuration */
        public TrainingConfig build() {
            return new TrainingConfig(data, problem, l2, mode, workers, policy, eta, batchSize, updates, seed, evalEvery,
                    checkpointEvery, delay);
        }
    }
}
