package dev.asgd.theory.workers;

import dev.asgd.theory.WorkerEfficiency;
import dev.asgd.theory.meanmap.MeanFromDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Remark 3.4: ASGD with m = 1..16 workers against SGD, per unit time, at eta = 0.05, omega0 = 1.
 * Under the independent-staleness model (kappa = 0.9 fixed) and under the queue model
 * (kappa = (m - 1)/m, so m (1 - kappa) = 1 exactly), from the exact discrete rates
 * ({@link WorkerEfficiency}) and, at m = 8, from the mean iterated from ASGD's definition; then
 * beside measured threaded runs ({@link #withTraining}).
 */
public final class WorkerStudy {
    /** The staleness rate of the independent-staleness model. */
    public static final double KAPPA = 0.9;
    /** The learning rate. */
    public static final double ETA = 0.05;
    /** The Hessian eigenvalues' square roots. */
    private static final double[] OMEGA = {1};
    /** The largest worker count. */
    public static final int MAX_WORKERS = 16;
    /** Steps of the mean iterated from the definition. */
    private static final int DEFINITION_STEPS = 8000;

    private WorkerStudy() {
    }

    /**
     * The model part of the study and what the report shows beside it.
     *
     * @param numbers the comparison, without training runs
     * @param largestDisagreeingWorkers the largest m where the printed criterion picks the wrong winner (0: none)
     * @param atEight the exact efficiency at m = 8 under the independent-staleness model
     */
    public record Outcome(WorkerComparison numbers, int largestDisagreeingWorkers, WorkerEfficiency atEight) {
        /** Requires the parts. */
        public Outcome {
            Objects.requireNonNull(numbers, "numbers");
            Objects.requireNonNull(atEight, "atEight");
        }

        /**
         * @return the exact speed-up per unit time at {@link #largestDisagreeingWorkers()} (NaN if none)
         */
        public double speedupAtLargestDisagreement() {
            return largestDisagreeingWorkers == 0 ? Double.NaN
                    : numbers.speedupExactIndependentAt(largestDisagreeingWorkers);
        }
    }

    /**
     * What a threaded training run measured.
     *
     * @param workers m
     * @param meanStaleness the measured mean staleness
     * @param kappa the fitted geometric kappa = mean / (1 + mean)
     * @param updatesPerSecond the measured throughput
     * @param predictedDecayPerUpdate exact discrete theory with the fitted kappa
     * @param measuredDecayPerUpdate the measured decay per update
     * @param measuredDecayPerSecond the measured decay per second
     * @param seconds wall time
     */
    public record MeasuredRun(int workers, double meanStaleness, double kappa, double updatesPerSecond,
            double predictedDecayPerUpdate, double measuredDecayPerUpdate, double measuredDecayPerSecond,
            double seconds) {
    }

    /** @return the exact and printed comparison for m = 1..16, without training runs */
    public static Outcome models() {
        double[] m = new double[MAX_WORKERS];
        double[] paperIndep = new double[MAX_WORKERS];
        double[] exactIndep = new double[MAX_WORKERS];
        double[] paperQueue = new double[MAX_WORKERS];
        double[] exactQueue = new double[MAX_WORKERS];
        int disagree = 0;
        int worstM = 0;
        for (int i = 0; i < MAX_WORKERS; i++) {
            int w = i + 1;
            m[i] = w;
            WorkerEfficiency ind = WorkerEfficiency.of(ETA, KAPPA, OMEGA, w);
            WorkerEfficiency q = WorkerEfficiency.of(ETA, (w - 1) / (double) w, OMEGA, w);
            paperIndep[i] = ind.efficiencyPaper();
            exactIndep[i] = ind.speedupPerUnitTime();
            paperQueue[i] = q.efficiencyPaper();
            exactQueue[i] = q.speedupPerUnitTime();
            if ((paperIndep[i] > 1) != (exactIndep[i] > 1)) {
                disagree++;
                worstM = w;
            }
        }
        // the per-gradient contractions once more, from ASGD's definition (no closed form)
        double bruteAsgd = MeanFromDefinition.contraction(ETA, KAPPA, OMEGA[0], DEFINITION_STEPS);
        double bruteSgd = MeanFromDefinition.contraction(ETA, 0, OMEGA[0], DEFINITION_STEPS);
        WorkerEfficiency eight = WorkerEfficiency.of(ETA, KAPPA, OMEGA, 8);
        double bruteSpeedup8 = 8 * Math.log(bruteAsgd) / Math.log(bruteSgd);
        WorkerComparison numbers = new WorkerComparison(ETA, KAPPA, m, paperIndep, exactIndep, paperQueue, exactQueue,
                disagree, bruteAsgd, bruteSgd, bruteSpeedup8, List.of());
        return new Outcome(numbers, worstM, eight);
    }

    /**
     * @param models the comparison of {@link #models()}
     * @param runs threaded runs, the first the baseline (its speed-up is 1)
     * @return the comparison with each run's efficiency m(1 - kappa) and speed-up per second over the first
     */
    public static WorkerComparison withTraining(WorkerComparison models, List<MeasuredRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("at least one run, the baseline");
        }
        double base = runs.get(0).measuredDecayPerSecond();
        List<WorkerComparison.TrainingSpeedup> training = new ArrayList<>();
        for (MeasuredRun r : runs) {
            training.add(new WorkerComparison.TrainingSpeedup(r.workers(), r.meanStaleness(), r.kappa(),
                    r.workers() * (1 - r.kappa()), r.updatesPerSecond(), r.predictedDecayPerUpdate(),
                    r.measuredDecayPerUpdate(), r.measuredDecayPerSecond(), r.measuredDecayPerSecond() / base,
                    r.seconds()));
        }
        return models.withTraining(training);
    }
}
