package dev.asgd.fokkerplanck.study;

import dev.asgd.core.Require;
import dev.asgd.core.compare.Agreement;
import dev.asgd.core.perturbation.NoPerturbation;
import java.util.function.IntConsumer;

/**
 * Theorem 3.2's decay exponent of ||h||_*^2 per unit SME time from the Fokker-Planck equation of
 * the unperturbed quadratic mode: twice the spectral gap of its generator, one value per eta.
 */
public final class GapStudy {
    private GapStudy() {
    }

    /**
     * @param kappa staleness rate, {@code 0 <= kappa < 1}
     * @param omega0 square root of the Hessian eigenvalue, &gt; 0
     * @param sigma noise, &gt; 0
     * @param eta the learning rates, one or more, each &gt; 0
     */
    public record Parameters(double kappa, double omega0, double sigma, double[] eta) {
        /** Validates and copies. */
        public Parameters {
            Require.inHalfOpen(kappa, 0, 1, "kappa");
            Require.positiveFinite(omega0, "omega0");
            Require.positiveFinite(sigma, "sigma");
            eta = Require.positiveFiniteAll(eta, "eta");
        }
    }

    /**
     * @param eta the learning rates
     * @param twiceGap twice the spectral gap per eta (the exponent of ||h||^2)
     */
    public record Result(double[] eta, double[] twiceGap) {
        /**
         * @param sharp the sharp exponent 2 min Re eig Q per eta (e.g. asgd-theory's TheoremRateStudy)
         * @return max |twiceGap / sharp - 1| over the learning rates
         */
        public double maxRelDevFrom(double[] sharp) {
            return Agreement.maxRelativeDeviation(twiceGap, sharp);
        }
    }

    /**
     * @param p the parameters
     * @param progress told the number of eta done (may be null)
     * @return the exponents
     */
    public static Result run(Parameters p, IntConsumer progress) {
        double[] eta = p.eta();
        double[] fp = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            fp[i] = 2 * FokkerPlanckRates.spectralGap(eta[i], p.kappa(), p.omega0(), p.sigma(), NoPerturbation.INSTANCE);
            if (progress != null) {
                progress.accept(i + 1);
            }
        }
        return new Result(eta.clone(), fp);
    }
}
