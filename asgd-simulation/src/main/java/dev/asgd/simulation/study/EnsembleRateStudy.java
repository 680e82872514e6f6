package dev.asgd.simulation.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.compare.Agreement;
import dev.asgd.theory.ModeRate;
import java.util.ArrayList;
import java.util.List;

/**
 * Theorem 3.2's decay exponent per unit SME time measured by ensembles at a few frictions gamma
 * (eta = (1 - kappa) / gamma^2): Monte Carlo ASGD's E theta_k^2 ({@link MonteCarloDecay}) against
 * the exact second-moment rate, and an SME ensemble's squared mean ({@link SmeEnsembleDecay})
 * against the exact SME mean read off the same windows, each also against the sharp rate
 * 2 min Re eig Q. Results do not depend on the thread count.
 */
public final class EnsembleRateStudy {
    private EnsembleRateStudy() {
    }

    /**
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param gammas the frictions measured
     * @param monteCarloRuns chains per Monte Carlo ensemble
     * @param monteCarloSeeds the seed of each gamma's Monte Carlo ensemble
     * @param smeRuns paths per SME ensemble
     * @param smeSeeds the seed of each gamma's SME ensemble
     * @param threads threads
     */
    public record Parameters(double kappa, double omega0, double[] gammas, int monteCarloRuns, long[] monteCarloSeeds,
            int smeRuns, long[] smeSeeds, int threads) {
        /** Validates and copies. */
        public Parameters {
            if (gammas == null || monteCarloSeeds == null || smeSeeds == null
                    || monteCarloSeeds.length != gammas.length || smeSeeds.length != gammas.length) {
                throw new InvalidParameterException("seeds", "(missing)", "one Monte Carlo and one SME seed per gamma");
            }
            gammas = gammas.clone();
            monteCarloSeeds = monteCarloSeeds.clone();
            smeSeeds = smeSeeds.clone();
        }
    }

    /**
     * One gamma's measurements, per unit SME time.
     *
     * @param gamma the friction
     * @param sharp 2 min Re eig Q
     * @param monteCarlo Monte Carlo ASGD's exponent of E theta^2
     * @param monteCarloExactSecondMoment the exact exponent of E theta^2
     * @param smeEnsemble the SME ensemble's exponent of (E Theta)^2
     * @param smeEnsembleExactWindowed the same estimator on the exact SME mean
     */
    public record Point(double gamma, double sharp, double monteCarlo, double monteCarloExactSecondMoment,
            double smeEnsemble, double smeEnsembleExactWindowed) {
    }

    /**
     * @param points one per gamma, in the order given
     * @param maxRelDevMonteCarlo max |monteCarlo / monteCarloExactSecondMoment - 1|
     * @param maxRelDevMonteCarloFromSharp max |monteCarlo / sharp - 1|
     * @param maxRelDevExactSecondMomentFromSharp max |monteCarloExactSecondMoment / sharp - 1|
     * @param maxRelDevSmeEnsemble max |smeEnsemble / smeEnsembleExactWindowed - 1|
     * @param maxRelDevSmeEnsembleFromSharp max |smeEnsemble / sharp - 1|
     */
    public record Result(List<Point> points, double maxRelDevMonteCarlo, double maxRelDevMonteCarloFromSharp,
            double maxRelDevExactSecondMomentFromSharp, double maxRelDevSmeEnsemble,
            double maxRelDevSmeEnsembleFromSharp) {
        /** Copies the list. */
        public Result {
            points = List.copyOf(points);
        }
    }

    /**
     * @param p the parameters
     * @return the measured exponents and their deviations
     */
    public static Result run(Parameters p) {
        int n = p.gammas().length;
        List<Point> points = new ArrayList<>();
        double[] mc = new double[n];
        double[] mcExact = new double[n];
        double[] ens = new double[n];
        double[] ensWindowed = new double[n];
        double[] sharp = new double[n];
        for (int i = 0; i < n; i++) {
            double g = p.gammas()[i];
            double eta = (1 - p.kappa()) / (g * g);
            MonteCarloDecay.Estimate e = MonteCarloDecay.secondMomentDecayPerStep(eta, p.kappa(), p.omega0(),
                    p.monteCarloRuns(), p.monteCarloSeeds()[i], p.threads());
            ModeRate rate = ModeRate.of(eta, p.kappa(), p.omega0(), 1);
            double dt = rate.sme().deltaT();
            mc[i] = e.value() / dt;
            mcExact[i] = e.exact() / dt;
            SmeEnsembleDecay.Rate s = SmeEnsembleDecay.meanDecayPerUnitTime(eta, p.kappa(), p.omega0(), p.smeRuns(),
                    p.smeSeeds()[i], p.threads());
            ens[i] = s.value();
            ensWindowed[i] = s.exactWindowed();
            sharp[i] = 2 * rate.muSharp();
            points.add(new Point(g, sharp[i], mc[i], mcExact[i], ens[i], ensWindowed[i]));
        }
        return new Result(points, Agreement.maxRelativeDeviation(mc, mcExact), Agreement.maxRelativeDeviation(mc, sharp),
                Agreement.maxRelativeDeviation(mcExact, sharp), Agreement.maxRelativeDeviation(ens, ensWindowed),
                Agreement.maxRelativeDeviation(ens, sharp));
    }
}
