package dev.asgd.theory.delay;

/**
 * The numbers of {@link DelayStudy}: the decay exponents of E|theta|^2 per ASGD step against the
 * staleness rate, and the checks of Remark 3.3's second observation.
 *
 * @param eta the learning rate
 * @param omega0 the Hessian eigenvalue's square root
 * @param kappa the staleness-rate grid
 * @param exactDiscretePerStep the exact discrete -2 ln rho on the grid
 * @param smePerStep the SME's -2 ln rho(exp(A deltaT)) on the grid
 * @param printedPerStep 2 mu deltaT with the printed mu on the grid
 * @param printedOptimumPerStep the printed optimum 2(1 - kappa) on the grid
 * @param bruteForceKappa the staleness rates where the mean is iterated from ASGD's definition
 * @param bruteForcePerStep its -2 ln of the contraction there
 * @param bruteForceMaxRelDev the largest relative deviation of those from the exact rate
 * @param monteCarloPerStep the second-moment estimates there (NaN where none was made)
 * @param monteCarloExactSecondMomentPerStep the exact second-moment exponents they estimate
 * @param monotoneViolationsAboveThreshold grid steps above the threshold where the rate rose with kappa
 * @param maxGainBelowThreshold the largest rate below the threshold over the rate at kappa = 0
 * @param kappaOfMaxGain where it is attained
 * @param kappaAtThreshold the kappa where eta = 0.1 is the exact threshold
 */
public record DelayComparison(double eta, double omega0, double[] kappa, double[] exactDiscretePerStep,
        double[] smePerStep, double[] printedPerStep, double[] printedOptimumPerStep, double[] bruteForceKappa,
        double[] bruteForcePerStep, double bruteForceMaxRelDev, double[] monteCarloPerStep,
        double[] monteCarloExactSecondMomentPerStep, int monotoneViolationsAboveThreshold, double maxGainBelowThreshold,
        double kappaOfMaxGain, double kappaAtThreshold) {

    /** Requires one value per grid point and per definition point. */
    public DelayComparison {
        int n = kappa.length;
        if (exactDiscretePerStep.length != n || smePerStep.length != n || printedPerStep.length != n
                || printedOptimumPerStep.length != n) {
            throw new IllegalArgumentException("every series needs one value per kappa");
        }
        int m = bruteForceKappa.length;
        if (bruteForcePerStep.length != m || monteCarloPerStep.length != m
                || monteCarloExactSecondMomentPerStep.length != m) {
            throw new IllegalArgumentException("every definition series needs one value per definition kappa");
        }
    }

    /**
     * @return the exact discrete rate per step at kappa = 0 (SGD)
     * @throws IllegalStateException if kappa = 0 is not on the grid
     */
    public double rateAtKappaZero() {
        for (int i = 0; i < kappa.length; i++) {
            if (kappa[i] == 0) {
                return exactDiscretePerStep[i];
            }
        }
        throw new IllegalStateException("kappa = 0 is not on the grid");
    }
}
