package dev.asgd.theory.errata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.theory.DampingRegime;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.study.InitialDataStudy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each erratum's numbers against a second, independent computation of the corrected statement. */
class ErrataStudyTest {
    static Errata errata;
    static final List<Integer> progress = new ArrayList<>();
    static final List<String> calls = new ArrayList<>();

    @BeforeAll
    static void run() {
        errata = ErrataStudy.run(new ErrataStudy.Sources() {
            @Override
            public double queueMeanStaleness(int workers) {
                calls.add("queue " + workers);
                return workers - 1;
            }

            @Override
            public double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation,
                    int degree) {
                calls.add("gap " + eta + " " + kappa + " " + sigma + " " + perturbation.isZero() + " " + degree);
                return perturbation.isZero() ? 0.79 : 0.80;
            }
        }, progress::add);
    }

    @Test
    void everyErratumIsComputedOnceInOrder() {
        assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(calls).containsExactly("queue 8", "gap 0.2 0.9 3.0 true 8", "gap 0.2 0.9 3.0 false 32");
    }

    @Test
    void erratum2IsTheInitialDataStudyAtGammaOne() {
        var e = errata.printedMuOnlyForCentredData();
        var x = InitialDataStudy.exponents(0.99, 1, 1, 3000);
        assertThat(e).isEqualTo(new Errata.PrintedMuOnlyForCentredData(x.smeCentred(), x.discreteCentred(),
                x.smeOffCentre(), x.discreteOffCentre()));
        // the printed 2 mu = 2 holds for the centred start only; a displaced mean decays at half of it
        assertThat(e.smeCentred()).isCloseTo(2, within(0.1));
        assertThat(e.smeOffCentre()).isCloseTo(1, within(0.05));
        assertThat(e.discreteCentred()).isCloseTo(2, within(0.3));
        assertThat(e.discreteOffCentre()).isCloseTo(1, within(0.15));
    }

    @Test
    void erratum1TheDecayIsHalfThePrintedMu() {
        var e = errata.printedMuIsTwiceTheDecay();
        double gamma = SmeParameters.of(0.01, 0.99, 1, 1).gamma();
        assertThat(e.gamma()).isCloseTo(1, within(1e-12)).isEqualTo(gamma);
        assertThat(e.muPaper()).isCloseTo(gamma, within(1e-12));
        assertThat(e.muSharp()).isCloseTo(gamma / 2, within(1e-12));
        assertThat(e.certifiedMu()).isCloseTo(gamma / 2, within(1e-6));
        assertThat(e.smeDecay()).isCloseTo(gamma / 2, within(1e-6));
        assertThat(e.discreteDecay()).isCloseTo(gamma / 2, within(0.01));
    }

    @Test
    void erratum3CriticalCase() {
        var e = errata.criticalCaseRate();
        assertThat(e.regime()).isEqualTo(DampingRegime.of(e.gamma(), 1));
        assertThat(e.gamma()).isCloseTo(2, within(1e-12));
        assertThat(e.certifiedMu()).isCloseTo(e.gamma() / 2 - e.criticalDelta(), within(1e-6));
        // (1 + t) e^(-gamma t/2): the scaled norm settles to a constant; with e^(-gamma t) it would grow like e^(gamma t/2)
        assertThat(e.normRatioAt10()).isPositive();
        assertThat(e.normRatioAt100() / e.normRatioAt10()).isCloseTo(1, within(0.2));
    }

    @Test
    void errata4To6StalenessPlateauAndThreshold() {
        assertThat(errata.expectedStaleness().pmfMean()).isCloseTo(9, within(1e-9));
        assertThat(errata.expectedStaleness().printed()).isCloseTo(10, within(1e-12));
        var p = errata.plateauExponent();
        assertThat(p.radius()).isCloseTo(Math.sqrt(0.99), within(1e-12));
        assertThat(p.exactFromRadiusPerStep()).isCloseTo(-Math.log(0.99), within(1e-12));
        assertThat(p.smeTwiceMuDeltaT()).isCloseTo(0.01, within(1e-11));
        double s = Math.sqrt(0.9);
        assertThat(errata.discreteThreshold().bisection()).isCloseTo((1 - s) / (1 + s), within(1e-10));
        assertThat(errata.discreteThreshold().printed()).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void errata7To9ConstantsAndPoincare() {
        assertThat(errata.lyapunovTranspose().deviationCorrected()).isLessThan(1e-12);
        assertThat(errata.lyapunovTranspose().deviationPrinted()).isGreaterThan(1e-3);
        var c = errata.constantC1WithoutEps0();
        assertThat(c.evaluated()).isCloseTo(c.c1(), within(1e-12 * c.c1()));
        assertThat(c.epsilonRatio()).isCloseTo(2, within(1e-12));
        var p = errata.poincareWithoutD();
        double beta = SmeParameters.of(0.01, 0.99, 0.5, 1).beta();
        // M's x_1 marginal is Gaussian with variance 1/(beta omega0^2)
        assertThat(p.variance()).isCloseTo(1 / (beta * 0.25), within(1e-9 / (beta * 0.25)));
        assertThat(p.printed()).isCloseTo(p.sharp() / 2, within(1e-12 * p.sharp()));
    }

    @Test
    void errata10To15() {
        var q = errata.queueModelKappa();
        assertThat(q.workers()).isEqualTo(8);
        assertThat(q.kappa()).isCloseTo(7.0 / 8, within(1e-15));
        assertThat(q.efficiency()).isCloseTo(1, within(1e-14));
        var u = errata.perturbationUnbounded();
        assertThat(u.at10()).isCloseTo(1, within(1e-15));
        assertThat(u.at1e5() / u.at10()).isCloseTo(1e4, within(1e-8));
        assertThat(u.eps0()).isCloseTo(0.1, within(1e-15));
        var v = errata.stationaryVelocitySign();
        assertThat(v.varianceV()).isCloseTo(v.inverseBeta(), within(1e-9 * v.inverseBeta()));
        assertThat(Math.abs(v.covarianceXv())).isLessThan(1e-12 * v.varianceV());
        var b = errata.perturbationBoundVacuous();
        assertThat(b.epsilon()).isGreaterThan(10 * b.muSharp());
        assertThat(b.gapUnperturbed()).isEqualTo(0.79);
        assertThat(b.gapPerturbed()).isEqualTo(0.80);
        var s = errata.secondMomentStabilityLimit();
        assertThat(s.etaMaxSecondMoment()).isLessThan(1);
        assertThat(s.etaMaxMean()).isGreaterThan(1);
        assertThat(s.radiusAtEtaOne()).isCloseTo(Math.sqrt(0.9), within(1e-12));
        assertThat(s.secondMomentAfter2000Steps()).isGreaterThan(1e10);
    }
}
