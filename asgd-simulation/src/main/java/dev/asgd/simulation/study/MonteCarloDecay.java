package dev.asgd.simulation.study;

import dev.asgd.core.loss.QuadraticLoss;
import dev.asgd.core.noise.AdditiveGaussianNoise;
import dev.asgd.core.fit.WindowDecay;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.simulation.EnsembleSimulator;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.SimulationConfig;
import dev.asgd.simulation.SimulationResult;
import dev.asgd.theory.delay.DelayStudy;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;
import java.util.List;

/**
 * Monte Carlo ensembles of discrete ASGD (asgd-simulation): chains started at theta0 = 1 without
 * gradient noise (so the equilibrium is 0 and E theta_k^2 itself decays), geometric staleness; the
 * decay exponent of the ensemble's E theta_k^2 per step is read off the root-mean-square of its
 * logarithm over two windows ({@link WindowDecay}), and set beside the exact rate of the same second moment
 * ({@link ExactMoments#secondMomentRate()}, asgd-theory's moment recursion).
 */
public final class MonteCarloDecay {
    private MonteCarloDecay() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param runs chains
     * @param seed seed
     * @param threads threads (the result does not depend on them)
     * @return the ensemble's decay exponent of E theta_k^2 per step, and the exact one
     */
    public static Estimate secondMomentDecayPerStep(double eta, double kappa, double omega0, int runs, long seed,
            int threads) {
        GeometricStaleness law = new GeometricStaleness(kappa);
        MomentProblem mp = new MomentProblem(eta, new double[] {omega0}, new double[] {0}, new double[] {1},
                new double[] {0}, law);
        double exact = -Math.log(ExactMoments.of(mp).secondMomentRate());
        long steps = (long) Math.ceil(30 / exact);
        long every = Math.max(1, steps / 200);
        SimulationConfig c = new SimulationConfig(new AdditiveGaussianNoise(QuadraticLoss.of(omega0), new double[] {0}),
                law, eta, new double[] {1}, steps, every, runs, seed, threads, 1e6, new double[0]);
        SimulationResult r = EnsembleSimulator.run(c, null);
        List<SeriesPoint> s = r.series();
        double[] log = new double[s.size()];
        for (int i = 0; i < log.length; i++) {
            log[i] = Math.log(s.get(i).secondMoment());
        }
        return new Estimate(WindowDecay.exponent(log, every, Math.max(2, log.length / 10)), exact);
    }

    /**
     * Monte Carlo ASGD as the second-moment estimate of asgd-theory's {@link DelayStudy}.
     *
     * @param runs chains per estimate
     * @param seed the seed of the estimate at {@link DelayStudy#DEFINITION_KAPPAS}[0]; the one at index j
     *     uses seed + j
     * @param threads threads (the result does not depend on them)
     * @return {@link #secondMomentDecayPerStep} at each staleness rate the study asks for
     */
    public static DelayStudy.SecondMomentEstimator delayEstimator(int runs, long seed, int threads) {
        return (eta, kappa, omega0, index) -> {
            Estimate e = secondMomentDecayPerStep(eta, kappa, omega0, runs, seed + index, threads);
            return new DelayStudy.Estimate(e.value(), e.exact());
        };
    }

    /**
     * A Monte Carlo decay exponent and the exact one it estimates.
     *
     * @param value the ensemble's exponent per step
     * @param exact the exact second-moment exponent per step
     */
    public record Estimate(double value, double exact) {
    }
}
