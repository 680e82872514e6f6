package dev.asgd.theory.workers;

import java.util.List;

/**
 * The numbers of {@link WorkerStudy}: per worker count m = 1..16 the printed criterion m(1 - kappa)
 * and the exact speed-up per unit time under both staleness models, the check from ASGD's
 * definition, and the threaded runs.
 *
 * @param eta the learning rate
 * @param kappa the staleness rate of the independent model
 * @param workers m = 1..16
 * @param efficiencyPaperIndependent m(1 - kappa) at kappa = 0.9
 * @param speedupExactIndependent the exact speed-up per unit time at kappa = 0.9
 * @param efficiencyPaperQueue m(1 - kappa) under the queue model (= 1)
 * @param speedupExactQueue the exact speed-up per unit time under the queue model
 * @param criterionDisagreements worker counts where the printed criterion picks the wrong winner
 * @param bruteForceContractionAsgd ASGD's per-gradient contraction from the definition
 * @param bruteForceContractionSgd SGD's per-gradient contraction from the definition
 * @param bruteForceSpeedupAt8 the speed-up per unit time at m = 8 from those
 * @param training the threaded runs
 */
public record WorkerComparison(double eta, double kappa, double[] workers, double[] efficiencyPaperIndependent,
        double[] speedupExactIndependent, double[] efficiencyPaperQueue, double[] speedupExactQueue,
        int criterionDisagreements, double bruteForceContractionAsgd, double bruteForceContractionSgd,
        double bruteForceSpeedupAt8, List<TrainingSpeedup> training) {

    /** Requires one value per worker count; copies the runs. */
    public WorkerComparison {
        int n = workers.length;
        if (efficiencyPaperIndependent.length != n || speedupExactIndependent.length != n
                || efficiencyPaperQueue.length != n || speedupExactQueue.length != n) {
            throw new IllegalArgumentException("every series needs one value per worker count");
        }
        training = List.copyOf(training);
    }

    /**
     * @return the queue model's staleness rate kappa = (m - 1)/m per worker count
     */
    public double[] queueKappa() {
        double[] k = new double[workers.length];
        for (int i = 0; i < k.length; i++) {
            int w = (int) workers[i];
            k[i] = (w - 1) / (double) w;
        }
        return k;
    }

    /**
     * @param m a worker count of {@link #workers()}
     * @return its index
     * @throws IllegalArgumentException if m is not one of the worker counts
     */
    public int indexOf(int m) {
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] == m) {
                return i;
            }
        }
        throw new IllegalArgumentException("no worker count " + m);
    }

    /**
     * @param m a worker count
     * @return m(1 - kappa) at the independent model's kappa
     */
    public double efficiencyPaperIndependentAt(int m) {
        return efficiencyPaperIndependent[indexOf(m)];
    }

    /**
     * @param m a worker count
     * @return the exact speed-up per unit time at the independent model's kappa
     */
    public double speedupExactIndependentAt(int m) {
        return speedupExactIndependent[indexOf(m)];
    }

    /**
     * @param m a worker count
     * @return the queue model's kappa = (m - 1)/m
     */
    public double queueKappaAt(int m) {
        return queueKappa()[indexOf(m)];
    }

    /**
     * @param m a worker count
     * @return m(1 - kappa) under the queue model
     */
    public double efficiencyPaperQueueAt(int m) {
        return efficiencyPaperQueue[indexOf(m)];
    }

    /**
     * @param m a worker count
     * @return the exact speed-up per unit time under the queue model
     */
    public double speedupExactQueueAt(int m) {
        return speedupExactQueue[indexOf(m)];
    }

    /**
     * @param runs the threaded runs
     * @return this comparison with those runs
     */
    public WorkerComparison withTraining(List<TrainingSpeedup> runs) {
        return new WorkerComparison(eta, kappa, workers, efficiencyPaperIndependent, speedupExactIndependent,
                efficiencyPaperQueue, speedupExactQueue, criterionDisagreements, bruteForceContractionAsgd,
                bruteForceContractionSgd, bruteForceSpeedupAt8, runs);
    }

    /**
     * One threaded run.
     *
     * @param workers m
     * @param meanStaleness the measured mean staleness
     * @param kappaFit the fitted geometric kappa
     * @param efficiencyPaper the printed criterion m(1 - kappa) with the fitted kappa
     * @param updatesPerSecond the measured throughput
     * @param predictedDecayPerUpdate exact discrete theory with the fitted kappa
     * @param measuredDecayPerUpdate the measured decay per update
     * @param measuredDecayPerSecond the measured decay per second
     * @param speedupPerSecond the measured decay per second over the baseline run's
     * @param seconds wall time
     */
    public record TrainingSpeedup(int workers, double meanStaleness, double kappaFit, double efficiencyPaper,
            double updatesPerSecond, double predictedDecayPerUpdate, double measuredDecayPerUpdate,
            double measuredDecayPerSecond, double speedupPerSecond, double seconds) {
    }
}
