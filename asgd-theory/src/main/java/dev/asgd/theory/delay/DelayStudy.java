package dev.asgd.theory.delay;

import dev.asgd.core.Require;
import dev.asgd.core.compare.Agreement;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.meanmap.Grid;
import dev.asgd.theory.meanmap.MeanFromDefinition;
import dev.asgd.theory.meanmap.SmeMeanTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Remark 3.3, second observation: longer delays, slower convergence. The decay exponent of
 * E|theta|^2 per ASGD step against kappa at eta = 0.1, omega0 = 1, from the exact discrete
 * recursion, the mean iterated from ASGD's definition (no two-state reduction), the SME, as printed,
 * and a second-moment estimate supplied by the caller (a Monte Carlo ensemble, in the module that
 * simulates) at kappa = 0.3 and 0.9.
 */
public final class DelayStudy {
    /** The learning rate. */
    public static final double ETA = 0.1;
    /** The Hessian eigenvalue's square root. */
    public static final double OMEGA = 1;
    /** The staleness rates where the mean is iterated from the definition. */
    public static final double[] DEFINITION_KAPPAS = {0, 0.3, 0.6, 0.8, 0.9, 0.95};

    private DelayStudy() {
    }

    /** A second-moment decay estimate at one staleness rate (e.g. a Monte Carlo ensemble). */
    @FunctionalInterface
    public interface SecondMomentEstimator {
        /**
         * @param eta learning rate
         * @param kappa staleness rate
         * @param omega0 square root of the Hessian eigenvalue
         * @param index the position of kappa in {@link #DEFINITION_KAPPAS} (e.g. to derive a seed)
         * @return the estimated decay exponent of E theta^2 per step and the exact one it estimates
         */
        Estimate estimate(double eta, double kappa, double omega0, int index);
    }

    /**
     * An estimated decay exponent and the exact one it estimates.
     *
     * @param value the estimate per step
     * @param exact the exact second-moment exponent per step
     */
    public record Estimate(double value, double exact) {
    }

    /**
     * One staleness rate where the mean is iterated from the definition, for the report's table.
     *
     * @param kappa the staleness rate
     * @param printedOptimum 2(1 - kappa)
     * @param printed 2 mu deltaT with the printed mu
     * @param exact the exact discrete -2 ln rho
     * @param fromDefinition -2 ln of the contraction of the mean iterated from the definition
     * @param sme the SME's -2 ln rho(exp(A deltaT))
     * @param estimate the caller's estimate, NaN where none was made
     */
    public record DefinitionPoint(double kappa, double printedOptimum, double printed, double exact,
            double fromDefinition, double sme, Estimate estimate) {
    }

    /**
     * The study's result: the numbers, and the per-kappa detail the report's table shows.
     *
     * @param numbers the comparison (results.json)
     * @param definitionPoints one entry per {@link #DEFINITION_KAPPAS}
     * @param aboveThresholdPoints grid steps above the threshold (where the rate must fall with kappa)
     * @param printedOverExactOptimumAt099 2(1 - kappa) / -ln kappa at kappa = 0.99
     */
    public record Outcome(DelayComparison numbers, List<DefinitionPoint> definitionPoints, int aboveThresholdPoints,
            double printedOverExactOptimumAt099) {
        /** Copies the list. */
        public Outcome {
            Objects.requireNonNull(numbers, "numbers");
            definitionPoints = List.copyOf(definitionPoints);
        }
    }

    /**
     * @param points staleness rates on the grid from 0 to 0.995
     * @param estimator the second-moment estimate at kappa = 0.3 and 0.9
     * @param progress told the units done: 1 after the grid, then one per definition point
     * @return the rates and the checks of the observation
     */
    public static Outcome run(int points, SecondMomentEstimator estimator, IntConsumer progress) {
        Require.atLeast(points, 2, "points");
        int n = points;
        double[] kappa = Grid.linspace(0, 0.995, n);
        double[] discrete = new double[n];
        double[] sme = new double[n];
        double[] printed = new double[n];
        double[] optimal = new double[n];
        for (int i = 0; i < n; i++) {
            discrete[i] = -2 * Math.log(DiscreteMeanRate.contractionPerStep(ETA, kappa[i], OMEGA));
            sme[i] = SmeMeanTransition.decayPerStep(ETA, kappa[i], OMEGA);
            printed[i] = printedPerStep(kappa[i]);
            optimal[i] = 2 * (1 - kappa[i]);
        }
        tell(progress, 1);
        double[] bruteK = DEFINITION_KAPPAS.clone();
        double[] brute = new double[bruteK.length];
        double[] mc = new double[bruteK.length];
        double[] mcExact = new double[bruteK.length];
        Arrays.fill(mc, Double.NaN);
        Arrays.fill(mcExact, Double.NaN);
        double bruteDev = 0;
        List<DefinitionPoint> rows = new ArrayList<>();
        for (int j = 0; j < bruteK.length; j++) {
            double k = bruteK[j];
            double exact = -2 * Math.log(DiscreteMeanRate.contractionPerStep(ETA, k, OMEGA));
            int steps = (int) Math.min(40_000, Math.ceil(300 / exact));
            brute[j] = -2 * Math.log(MeanFromDefinition.contraction(ETA, k, OMEGA, steps));
            bruteDev = Math.max(bruteDev, Agreement.relativeDeviation(brute[j], exact));
            Estimate estimate = new Estimate(Double.NaN, Double.NaN);
            if (k == 0.3 || k == 0.9) {
                estimate = estimator.estimate(ETA, k, OMEGA, j);
                mc[j] = estimate.value();
                mcExact[j] = estimate.exact();
            }
            rows.add(new DefinitionPoint(k, 2 * (1 - k), printedPerStep(k), exact, brute[j],
                    SmeMeanTransition.decayPerStep(ETA, k, OMEGA), estimate));
            tell(progress, j + 2);
        }
        // where eta crosses the exact threshold: (1 - sqrt k)/(1 + sqrt k) = eta omega0^2
        double s = (1 - ETA * OMEGA * OMEGA) / (1 + ETA * OMEGA * OMEGA);
        double kappaCross = s * s;
        // the claim is about the optimal (above-threshold) rate; below the threshold more staleness is momentum
        int violations = 0;
        int above = 0;
        double bestGain = 1;
        double bestKappa = 0;
        for (int i = 1; i < n; i++) {
            if (kappa[i - 1] >= kappaCross) {
                above++;
                if (discrete[i] > discrete[i - 1] * (1 + 1e-12)) {
                    violations++;
                }
            } else if (kappa[i] < kappaCross && discrete[i] / discrete[0] > bestGain) {
                bestGain = discrete[i] / discrete[0];
                bestKappa = kappa[i];
            }
        }
        DelayComparison numbers = new DelayComparison(ETA, OMEGA, kappa, discrete, sme, printed, optimal, bruteK, brute,
                bruteDev, mc, mcExact, violations, bestGain, bestKappa, kappaCross);
        return new Outcome(numbers, rows, above, 2 * (1 - 0.99) / -Math.log(0.99));
    }

    private static double printedPerStep(double kappa) {
        SmeParameters p = SmeParameters.of(ETA, kappa, OMEGA, 0);
        return 2 * DecayRates.muPaper(p.gamma(), OMEGA) * p.deltaT();
    }

    private static void tell(IntConsumer progress, int done) {
        if (progress != null) {
            progress.accept(done);
        }
    }
}
