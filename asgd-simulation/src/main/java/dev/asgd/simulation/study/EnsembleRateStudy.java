package dev.asgd.simulation.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.compare.Agreement;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.study.TheoremRateStudy;
import java.util.ArrayList;
import java.util.Arrays;
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
     * @param grid the frictions of the whole study (e.g. TheoremRateStudy's), &gt; 0
     * @param targets the frictions near which the ensembles run: each at the grid point nearest it
     *     on a log scale
     * @param monteCarloRuns chains per Monte Carlo ensemble
     * @param smeRuns paths per SME ensemble
     * @param seed the base seed: grid point i's Monte Carlo ensemble uses seed + i, its SME ensemble
     *     seed + 200 + i
     * @param threads threads
     */
    public record Parameters(double kappa, double omega0, double[] grid, double[] targets, int monteCarloRuns,
            int smeRuns, long seed, int threads) {
        /** Validates and copies. */
        public Parameters {
            if (grid == null || grid.length == 0) {
                throw new InvalidParameterException("grid", "(none)", "one or more frictions");
            }
            if (targets == null || targets.length == 0) {
                throw new InvalidParameterException("targets", "(none)", "one or more frictions");
            }
            grid = grid.clone();
            targets = targets.clone();
        }

        /** @return per target, the index of the grid point it runs at */
        public int[] at() {
            int[] at = new int[targets.length];
            for (int j = 0; j < at.length; j++) {
                at[j] = TheoremRateStudy.nearest(grid, targets[j]);
            }
            return at;
        }

        /**
         * @param i a grid index
         * @return the seed of the Monte Carlo ensemble at it
         */
        public long monteCarloSeed(int i) {
            return seed + i;
        }

        /**
         * @param i a grid index
         * @return the seed of the SME ensemble at it
         */
        public long smeSeed(int i) {
            return seed + 200 + i;
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
     * The grid arrays have one entry per grid friction, NaN where no ensemble ran.
     *
     * @param points one per target, in the order given
     * @param monteCarlo Monte Carlo ASGD's exponent per grid point
     * @param monteCarloExactSecondMoment the exact exponent of E theta^2 per grid point
     * @param smeEnsemble the SME ensemble's exponent per grid point
     * @param smeEnsembleExactWindowed the exact SME mean's windowed exponent per grid point
     * @param monteCarloOverSharp monteCarlo / sharp per grid point
     * @param smeEnsembleOverSharp smeEnsemble / sharp per grid point
     * @param maxRelDevMonteCarlo max |monteCarlo / monteCarloExactSecondMoment - 1|
     * @param maxRelDevMonteCarloFromSharp max |monteCarlo / sharp - 1|
     * @param maxRelDevExactSecondMomentFromSharp max |monteCarloExactSecondMoment / sharp - 1|
     * @param maxRelDevSmeEnsemble max |smeEnsemble / smeEnsembleExactWindowed - 1|
     * @param maxRelDevSmeEnsembleFromSharp max |smeEnsemble / sharp - 1|
     */
    public record Result(List<Point> points, double[] monteCarlo, double[] monteCarloExactSecondMoment,
            double[] smeEnsemble, double[] smeEnsembleExactWindowed, double[] monteCarloOverSharp,
            double[] smeEnsembleOverSharp, double maxRelDevMonteCarlo, double maxRelDevMonteCarloFromSharp,
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
        int[] at = p.at();
        int n = at.length;
        List<Point> points = new ArrayList<>();
        double[] mc = new double[n];
        double[] mcExact = new double[n];
        double[] ens = new double[n];
        double[] ensWindowed = new double[n];
        double[] sharp = new double[n];
        for (int i = 0; i < n; i++) {
            double g = p.grid()[at[i]];
            double eta = (1 - p.kappa()) / (g * g);
            MonteCarloDecay.Estimate e = MonteCarloDecay.secondMomentDecayPerStep(eta, p.kappa(), p.omega0(),
                    p.monteCarloRuns(), p.monteCarloSeed(at[i]), p.threads());
            ModeRate rate = ModeRate.of(eta, p.kappa(), p.omega0(), 1);
            double dt = rate.sme().deltaT();
            mc[i] = e.value() / dt;
            mcExact[i] = e.exact() / dt;
            SmeEnsembleDecay.Rate s = SmeEnsembleDecay.meanDecayPerUnitTime(eta, p.kappa(), p.omega0(), p.smeRuns(),
                    p.smeSeed(at[i]), p.threads());
            ens[i] = s.value();
            ensWindowed[i] = s.exactWindowed();
            sharp[i] = 2 * rate.muSharp();
            points.add(new Point(g, sharp[i], mc[i], mcExact[i], ens[i], ensWindowed[i]));
        }
        int m = p.grid().length;
        return new Result(points, onGrid(m, at, mc), onGrid(m, at, mcExact), onGrid(m, at, ens),
                onGrid(m, at, ensWindowed), onGrid(m, at, divide(mc, sharp)), onGrid(m, at, divide(ens, sharp)),
                Agreement.maxRelativeDeviation(mc, mcExact), Agreement.maxRelativeDeviation(mc, sharp),
                Agreement.maxRelativeDeviation(mcExact, sharp), Agreement.maxRelativeDeviation(ens, ensWindowed),
                Agreement.maxRelativeDeviation(ens, sharp));
    }

    private static double[] onGrid(int m, int[] at, double[] values) {
        double[] v = new double[m];
        Arrays.fill(v, Double.NaN);
        for (int j = 0; j < at.length; j++) {
            v[at[j]] = values[j];
        }
        return v;
    }

    private static double[] divide(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }
}
