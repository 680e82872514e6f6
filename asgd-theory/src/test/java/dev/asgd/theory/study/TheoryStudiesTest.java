package dev.asgd.theory.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.DecayRates;
import dev.asgd.theory.SmeParameters;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;
import org.junit.jupiter.api.Test;

/** The theory's studies against independent computations: closed forms and the exact moment recursion. */
class TheoryStudiesTest {

    @Test
    void theoremRateGridHasTheCriticalPointAndRatiosDivideBySharp() {
        TheoremRateStudy.Parameters p = TheoremRateStudy.Parameters.withCritical(0.99, 1, 0.2, 10, 5);
        assertThat(p.gammas()).hasSize(6).contains(2.0).isSorted();
        TheoremRateStudy.Result r = TheoremRateStudy.run(p);
        assertThat(r.printedOverSharp()[0]).isEqualTo(r.printed()[0] / r.sharp()[0]);
        assertThat(r.certificateOverSharp()[1]).isEqualTo(r.certificate()[1] / r.sharp()[1]);
        assertThat(r.exactDiscreteOverSharp()[2]).isEqualTo(r.exactDiscrete()[2] / r.sharp()[2]);
        assertThat(r.smeOverSharp()[3]).isEqualTo(r.sme()[3] / r.sharp()[3]);
        assertThatThrownBy(() -> r.overSharp(new double[1])).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void unitBetaSigmaGivesBetaOne() {
        double sigma = PerturbationStudy.unitBetaSigma(0.01, 0.9);
        assertThat(SmeParameters.of(0.01, 0.9, 1, sigma).beta()).isCloseTo(1, within(1e-12));
    }

    @Test
    void theoremRateStudyMatchesTheClosedFormsAndTheMomentRecursion() {
        double kappa = 0.99;
        double[] gammas = {0.5, 2, 5};
        TheoremRateStudy.Result r = TheoremRateStudy.run(new TheoremRateStudy.Parameters(kappa, 1, gammas));
        assertThat(r.critical()).isEqualTo(1);
        for (int i = 0; i < gammas.length; i++) {
            double eta = (1 - kappa) / (gammas[i] * gammas[i]);
            SmeParameters p = SmeParameters.of(eta, kappa, 1, 1);
            assertThat(r.eta()[i]).isEqualTo(eta);
            assertThat(r.sharp()[i]).isCloseTo(2 * DecayRates.muSharp(p.gamma(), 1), within(1e-12));
            assertThat(r.printed()[i]).isCloseTo(2 * DecayRates.muPaper(p.gamma(), 1), within(1e-12));
            // independent: the mean rate of asgd-theory's moment recursion (a matrix spectral radius)
            double meanRate = ExactMoments.of(new MomentProblem(eta, new double[] {1}, new double[] {0},
                    new double[] {1}, new double[] {0}, new GeometricStaleness(kappa))).meanRate();
            assertThat(r.exactDiscrete()[i]).isCloseTo(-2 * Math.log(meanRate) / p.deltaT(), within(1e-6));
            assertThat(r.exactDiscreteHipparchus()[i]).isCloseTo(r.exactDiscrete()[i], within(1e-8));
        }
        assertThat(r.maxRelDevSme()).isLessThan(1e-6);
        assertThat(r.maxRelDevCertificate()).isLessThan(0.05); // K >= c P certifies the sharp rate
        assertThat(r.maxRelDevDiscreteAwayFromCritical()).isLessThan(0.02);
        assertThat(r.printedOverDiscreteMin()).isGreaterThan(1.8);
        assertThat(r.printedOverDiscreteMax()).isLessThan(2.2);
        assertThat(r.regime()).hasSize(3);
        assertThat(TheoremRateStudy.nearest(new double[] {1, 2, 4}, 3.1)).isEqualTo(2);
        assertThatThrownBy(() -> new TheoremRateStudy.Parameters(1.5, 1, gammas))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new TheoremRateStudy.Parameters(0.5, 1, new double[0]))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void initialDataStudyFindsThePrintedRateOnlyForCentredData() {
        InitialDataStudy.Result r = InitialDataStudy.run(new InitialDataStudy.Parameters(0.99, 1, new double[] {1, 4},
                1000, 0.01));
        assertThat(r.perGamma()).hasSize(2);
        for (InitialDataStudy.PerGamma g : r.perGamma()) {
            assertThat(g.smeCentred() / g.printed2Mu()).isCloseTo(1, within(0.05));
            assertThat(2 * g.smeOffCentre() / g.printed2Mu()).isCloseTo(1, within(0.05));
            assertThat(g.discreteCentred() / g.printed2Mu()).isCloseTo(1, within(0.15));
        }
        assertThat(r.centredMaxRelDevFromPrinted()).isLessThan(0.05);
        assertThat(r.discreteMaxRelDev()).isLessThan(0.15);
        InitialDataStudy.Curves c = r.curves();
        assertThat(c.time()).hasSize(InitialDataStudy.PLOT_POINTS);
        assertThat(c.time()[c.time().length - 1]).isEqualTo(InitialDataStudy.PLOT_TIME);
        // the off-centre start has unit weighted distance: chi^2 = e - 1 at t = 0
        assertThat(c.offCentre()[0]).isCloseTo(Math.expm1(1), within(1e-12));
        assertThat(c.sharpReference()[0]).isEqualTo(c.offCentre()[0]);
    }

    @Test
    void initialDataStudyRefusesEveryInvalidParameter() {
        double[] g = {1};
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, 1, g, 10, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("points");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(1, 1, g, 20, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("kappa");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(Double.NaN, 1, g, 20, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("kappa");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, 0, g, 20, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("omega0");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, Double.POSITIVE_INFINITY, g, 20, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("omega0");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, 1, new double[0], 20, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gammas");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, 1, new double[] {1, 0}, 20, 0.01))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("gammas");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, 1, g, 20, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("plotEta");
        assertThatThrownBy(() -> new InitialDataStudy.Parameters(0.99, 1, g, 20, Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("plotEta");
        double[] given = {1, 4};
        InitialDataStudy.Parameters p = new InitialDataStudy.Parameters(0.99, 1, given, 20, 0.01);
        given[0] = 2;
        assertThat(p.gammas()).containsExactly(1, 4);
    }

    @Test
    void perturbationStudyReducesToTheUnperturbedRatesAtZero() {
        double eta = 0.01;
        PerturbationStudy.Result r = PerturbationStudy.run(new PerturbationStudy.Parameters(eta, 0.9, 1, 1,
                new double[] {0, 1e-3, 0.5}));
        SmeParameters p = SmeParameters.of(eta, 0.9, 1, 1);
        assertThat(r.boundSharp()[0]).isCloseTo(2 * DecayRates.muSharp(p.gamma(), 1), within(1e-12));
        assertThat(r.boundSharp()[0]).isEqualTo(r.twiceMuSharp());
        assertThat(r.smeLinearised()[0]).isCloseTo(r.twiceMuSharp(), within(1e-6 * r.twiceMuSharp()));
        // the bound falls linearly in eps0 with slope 2 C1
        assertThat(r.boundSharp()[0] - r.boundSharp()[1]).isCloseTo(2 * 1e-3 * r.C1(), within(1e-9 * r.C1()));
        for (int i = 0; i < 3; i++) {
            assertThat(r.epsilon()[i]).isEqualTo(r.eps0()[i] * r.C1());
        }
        assertThat(r.vacuousFromEps0()).isCloseTo(r.twiceMuSharp() / 2 / r.C1(), within(1e-15));
        assertThat(r.exactDiscreteLinearised()[2]).isGreaterThan(r.exactDiscreteLinearised()[0]);
        assertThat(r.discreteChange()).isEqualTo(r.exactDiscreteLinearised()[2] / r.exactDiscreteLinearised()[0] - 1);
        assertThatThrownBy(() -> new PerturbationStudy.Parameters(eta, 0.9, 1, 1, new double[0]))
                .isInstanceOf(InvalidParameterException.class);
    }
}
