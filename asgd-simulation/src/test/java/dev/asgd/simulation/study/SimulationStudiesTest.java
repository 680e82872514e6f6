package dev.asgd.simulation.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.delay.DelayStudy;
import dev.asgd.theory.sme.LinearSme;
import dev.asgd.theory.sme.Matrix2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The simulation studies against the exact SME and the exact discrete moments. */
class SimulationStudiesTest {

    /**
     * The SME ensemble (splitting, h = deltaT) against LinearSme's exact Gaussian moments at SME time
     * K deltaT. Seeds 11-13, N = 40000 paths; |z| &lt; 4.5 for mean and second moment, six comparisons:
     * false-failure rate below 6 x 6.8e-6 = 4.1e-5 if the splitting's own O(h^2) bias at h = deltaT is
     * small against a standard error.
     */
    @ParameterizedTest
    @CsvSource({"0.01, 0.9, 1, 1, 11, 60", "0.05, 0.5, 1.3, 0.8, 12, 25", "0.002, 0.99, 1, 1, 13, 400"})
    void smeEnsembleMatchesTheExactSmeMoments(double eta, double kappa, double omega, double sigma, long seed,
            long steps) {
        SmeEnsembleDecay.Moments m = SmeEnsembleDecay.momentsAt(eta, kappa, omega, sigma, 1, steps, 40_000, seed, 2);
        SmeParameters p = SmeParameters.of(eta, kappa, omega, sigma);
        LinearSme sme = LinearSme.of(p, omega);
        double t = steps * p.deltaT();
        double mean = sme.mean(t, 1, -Math.sqrt(eta / (1 - kappa)) * omega * omega)[0];
        double second = sme.covariance(t, new Matrix2(0, 0, 0, 0)).a() + mean * mean;
        assertThat(m.time()).isCloseTo(t, within(1e-12));
        double zMean = (m.mean() - mean) / m.meanStdErr();
        double zSecond = (m.secondMoment() - second) / m.secondMomentStdErr();
        assertThat(Math.abs(zMean)).as("z of E Theta = %s, seed %d", zMean, seed).isLessThan(4.5);
        assertThat(Math.abs(zSecond)).as("z of E Theta^2 = %s, seed %d", zSecond, seed).isLessThan(4.5);
        // the power: the moments are resolved (a wrong Y0 = 0 would move the mean by many standard errors)
        assertThat(m.meanStdErr()).isLessThan(0.01 * Math.abs(1 - mean));
    }

    /**
     * The ensemble's decay exponent of (E Theta)^2 against the same estimator on the exact SME mean
     * (seed 5, N = 1000; tolerance 2 %) and, away from the critical point, against the asymptotic rate
     * within 6 % (the window's bias, deterministic).
     */
    @ParameterizedTest
    @CsvSource({"0.04, 0.99", "0.0004, 0.99", "0.01, 0.9"})
    void smeEnsembleDecayRateMatchesTheExactSme(double eta, double kappa) {
        SmeEnsembleDecay.Rate r = SmeEnsembleDecay.meanDecayPerUnitTime(eta, kappa, 1, 1000, 5, 2);
        assertThat(r.value() / r.exactWindowed() - 1).as("ensemble %s vs exact %s, seed 5", r.value(), r.exactWindowed())
                .isCloseTo(0, within(0.02));
        assertThat(r.exactWindowed() / r.exact() - 1).isCloseTo(0, within(0.06));
        assertThat(r.endRelStdErr()).isLessThan(0.1);
        assertThat(r.runs()).isEqualTo(1000);
    }

    /** Seeds 21-22, 2000 chains: the Monte Carlo rate of E theta^2 within 10 % of the exact one. */
    @Test
    void delayEstimatorIsTheEnsembleWithTheSeedOfItsIndex() {
        DelayStudy.Estimate e = MonteCarloDecay.delayEstimator(200, 7, 1).estimate(0.1, 0.3, 1, 2);
        MonteCarloDecay.Estimate d = MonteCarloDecay.secondMomentDecayPerStep(0.1, 0.3, 1, 200, 9, 1);
        assertThat(e.value()).isEqualTo(d.value());
        assertThat(e.exact()).isEqualTo(d.exact());
        // the exact second-moment exponent of the closed recursion, and an ensemble close to it
        assertThat(e.exact()).isPositive();
        assertThat(e.value()).isCloseTo(e.exact(), within(0.1 * e.exact()));
    }

    @Test
    void ensembleRateStudyMatchesTheExactRates() {
        EnsembleRateStudy.Parameters params = new EnsembleRateStudy.Parameters(0.99, 1, new double[] {0.5, 1, 5},
                new double[] {0.6, 4}, 2000, 1000, 21, 2);
        assertThat(params.at()).containsExactly(0, 2);
        assertThat(params.monteCarloSeed(2)).isEqualTo(23);
        assertThat(params.smeSeed(2)).isEqualTo(223);
        EnsembleRateStudy.Result r = EnsembleRateStudy.run(params);
        assertThat(r.points()).hasSize(2);
        assertThat(r.monteCarlo()).hasSize(3);
        assertThat(r.monteCarlo()[1]).isNaN();
        assertThat(r.monteCarlo()[2]).isEqualTo(r.points().get(1).monteCarlo());
        assertThat(r.smeEnsemble()[0]).isEqualTo(r.points().get(0).smeEnsemble());
        assertThat(r.monteCarloOverSharp()[0])
                .isEqualTo(r.points().get(0).monteCarlo() / r.points().get(0).sharp());
        assertThat(r.smeEnsembleOverSharp()[1]).isNaN();
        assertThat(r.maxRelDevMonteCarlo()).isLessThan(0.1);
        assertThat(r.maxRelDevSmeEnsemble()).isLessThan(0.02);
        for (EnsembleRateStudy.Point p : r.points()) {
            assertThat(p.monteCarlo() / p.monteCarloExactSecondMoment()).isCloseTo(1, within(0.1));
        }
        assertThatThrownBy(() -> new EnsembleRateStudy.Parameters(0.99, 1, new double[] {1}, new double[0], 10, 10,
                1, 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new EnsembleRateStudy.Parameters(0.99, 1, null, new double[] {1}, 10, 10,
                1, 1)).isInstanceOf(InvalidParameterException.class);
    }

    /**
     * The weak errors of the exact sides fall with eta at order about 1 (mean) and the ensemble
     * (seed 40 + i, N = 100000) agrees with the exact SME within 4.5 standard errors.
     */
    @Test
    void smeAccuracyStudyFindsTheWeakOrder() {
        double[] eta = {1e-3, 4e-3, 1.6e-2, 5e-2};
        SmeAccuracyStudy.Parameters p = new SmeAccuracyStudy.Parameters(0.9, 1, 1, 1, 2, eta, 2, 1, 100_000, 40, 2);
        assertThat(p.ensembleAt(3)).isTrue();
        assertThat(p.ensembleAt(2)).isTrue();
        assertThat(p.ensembleAt(1)).isFalse();
        int[] done = {0};
        SmeAccuracyStudy.Result r = SmeAccuracyStudy.run(p, k -> done[0] = k);
        assertThat(done[0]).isEqualTo(4);
        assertThat(r.orderMean()).isBetween(0.3, 2.0);
        assertThat(r.orderSecondMoment()).isBetween(0.3, 2.0);
        assertThat(r.ensembleCount()).isEqualTo(2);
        assertThat(r.ensembleMaxAbsZ()).isLessThan(4.5);
        assertThat(r.ensembleWeakErrorMean()[0]).isNaN();
        for (int i = 0; i < eta.length; i++) {
            assertThat(r.weakErrorMean()[i]).isEqualTo(Math.abs(r.discreteMean()[i] - r.smeMean()[i]));
            SmeParameters sp = SmeParameters.of(eta[i], 0.9, 1, 1);
            assertThat(r.steps()[i]).isEqualTo(Math.round(2 / sp.deltaT()));
        }
        // the fitted line passes through the centroid of the log-log points
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < eta.length; i++) {
            cx += Math.log(eta[i]) / eta.length;
            cy += Math.log(r.weakErrorMean()[i]) / eta.length;
        }
        assertThat(Math.log(r.fitMean()[0]) - r.orderMean() * (Math.log(eta[0]) - cx)).isCloseTo(cy, within(1e-9));
        // the orders carry OrderFit's intervals (4 points: a t interval around the order)
        assertThat(r.orderMeanLow()).isLessThan(r.orderMean());
        assertThat(r.orderMeanHigh()).isGreaterThan(r.orderMean());
        assertThat(r.orderSecondMomentLow()).isLessThan(r.orderSecondMoment());
        assertThat(r.orderSecondMomentHigh()).isGreaterThan(r.orderSecondMoment());
        assertThat(r.ensembleScheme()).isEqualTo("splitting");
        assertThatThrownBy(() -> new SmeAccuracyStudy.Parameters(0.9, 1, 1, 1, 2, new double[] {1e-3}, 1, 1, 10, 1, 1))
                .isInstanceOf(InvalidParameterException.class);
    }
}
