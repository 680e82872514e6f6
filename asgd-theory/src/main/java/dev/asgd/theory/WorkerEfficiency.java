package dev.asgd.theory;

import dev.asgd.core.Require;

/**
 * Remark 3.4 (ASGD against SGD with m workers), as printed and exactly.
 *
 * <p>The paper compares exp(-2 (1 - kappa) m k) with SGD's exp(-2 k) and concludes ASGD wins when
 * m (1 - kappa) &gt; 1. Exactly, per gradient ASGD's mean contracts by rho(eta, kappa) and SGD's by
 * rho(eta, 0) = |1 - eta omega0^2| (same learning rate); in one unit of time m workers deliver m
 * gradients, one SGD worker one, so the decay exponents per unit time are -m ln rho(eta, kappa) and
 * -ln rho(eta, 0). Under the queue model of m workers with exponential compute times the
 * staleness has mean m - 1, i.e. kappa = (m - 1) / m and m (1 - kappa) = 1 exactly.
 *
 * @param workers m
 * @param efficiencyPaper m (1 - kappa), Remark 3.4's figure of merit (ASGD wins when &gt; 1)
 * @param asgdContractionPerGradient rho(eta, kappa), slowest mode
 * @param sgdContractionPerGradient rho(eta, 0), slowest mode
 * @param asgdDecayPerUnitTime -m ln rho(eta, kappa)
 * @param sgdDecayPerUnitTime -ln rho(eta, 0) (infinite when SGD solves the mode in one step)
 * @param speedupPerUnitTime asgdDecayPerUnitTime / sgdDecayPerUnitTime
 * @param queueModelKappa (m - 1) / m
 */
public record WorkerEfficiency(int workers, double efficiencyPaper, double asgdContractionPerGradient,
        double sgdContractionPerGradient, double asgdDecayPerUnitTime, double sgdDecayPerUnitTime,
        double speedupPerUnitTime, double queueModelKappa) {

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 the modes' square-root eigenvalues
     * @param workers m, {@code >= 1}
     * @return the comparison at the same learning rate
     */
    public static WorkerEfficiency of(double eta, double kappa, double[] omega0, int workers) {
        Require.atLeast(workers, 1, "workers");
        double asgd = 0;
        double sgd = 0;
        for (double w : omega0) {
            asgd = Math.max(asgd, DiscreteMeanRate.contractionPerStep(eta, kappa, w));
            sgd = Math.max(sgd, DiscreteMeanRate.contractionPerStep(eta, 0, w));
        }
        double asgdDecay = -workers * Math.log(asgd);
        double sgdDecay = -Math.log(sgd);
        return new WorkerEfficiency(workers, workers * (1 - kappa), asgd, sgd, asgdDecay, sgdDecay,
                asgdDecay / sgdDecay, (workers - 1) / (double) workers);
    }

    /** Remark 3.4's efficiency m (1 - kappa) under the queue model, where kappa = (m - 1) / m: exactly 1. */
    public static final double QUEUE_MODEL_EFFICIENCY_PAPER = 1.0;

    /** @return whether ASGD wins as printed: m (1 - kappa) &gt; 1 */
    public boolean asgdWinsPaper() {
        return efficiencyPaper > 1;
    }

    /** @return whether ASGD wins exactly, at the same learning rate: speedupPerUnitTime &gt; 1 */
    public boolean asgdWinsExact() {
        return speedupPerUnitTime > 1;
    }
}
