package dev.asgd.theory.threshold;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ThresholdStudy}: per kappa the rates on the learning-rate grid and the
 * thresholds, and over all kappa the checks of the observation.
 *
 * @param omega0 the Hessian eigenvalue's square root
 * @param perKappa one entry per kappa
 * @param plateauMaxRelDev the largest |rho / sqrt kappa - 1| above the exact threshold (closed form and Hipparchus)
 * @param belowThresholdPoints grid steps below a threshold (exact discrete and SME counted apart)
 * @param belowThresholdMonotoneViolations of those, where the rate did not fall with eta
 * @param thresholdBisectionMaxRelDev the largest relative deviation of a bisection from its closed form
 */
public record ThresholdComparison(double omega0, List<PerKappa> perKappa, double plateauMaxRelDev,
        int belowThresholdPoints, int belowThresholdMonotoneViolations, double thresholdBisectionMaxRelDev) {

    /** Copies the list. */
    public ThresholdComparison {
        perKappa = List.copyOf(perKappa);
    }

    /**
     * One staleness rate.
     *
     * @param kappa the staleness rate
     * @param eta the learning-rate grid
     * @param exactDiscretePerStep the exact discrete decay exponent of E|theta|^2 per step, -2 ln rho
     * @param smePerStep the SME's, -2 ln rho(exp(A deltaT))
     * @param printedPerStep as printed, 2 mu deltaT
     * @param thresholdPrinted (1 - kappa)/(4 omega0^2)
     * @param thresholdSmeBisection where exp(A deltaT)'s eigenvalues turn complex, by bisection
     * @param thresholdExact (1 - sqrt kappa)/((1 + sqrt kappa) omega0^2)
     * @param thresholdDiscreteBisection where the discrete mean map's eigenvalues (Hipparchus) turn complex
     * @param plateauExactPerStep -ln kappa, the exact exponent above the threshold
     * @param plateauPrintedPerStep 2(1 - kappa), the printed one
     * @param plateauMaxRelDevFromSqrtKappa the largest |rho / sqrt kappa - 1| above the exact threshold
     */
    public record PerKappa(double kappa, double[] eta, double[] exactDiscretePerStep, double[] smePerStep,
            double[] printedPerStep, double thresholdPrinted, double thresholdSmeBisection, double thresholdExact,
            double thresholdDiscreteBisection, double plateauExactPerStep, double plateauPrintedPerStep,
            double plateauMaxRelDevFromSqrtKappa) {

        /** Requires the grids, of one length. */
        public PerKappa {
            Objects.requireNonNull(eta, "eta");
            if (exactDiscretePerStep.length != eta.length || smePerStep.length != eta.length
                    || printedPerStep.length != eta.length) {
                throw new IllegalArgumentException("every series needs one value per learning rate");
            }
        }

        /** @return the corrected exponent above the threshold, 1 - kappa (the first order of -ln kappa) */
        public double plateauCorrectedPerStep() {
            return 1 - kappa;
        }

        /** @return the printed over the exact threshold */
        public double printedOverExactThreshold() {
            return thresholdPrinted / thresholdExact;
        }

        /** @return the printed over the exact exponent above the threshold, 2(1 - kappa) / -ln kappa */
        public double printedOverExactPlateau() {
            return plateauPrintedPerStep / plateauExactPerStep;
        }
    }
}
