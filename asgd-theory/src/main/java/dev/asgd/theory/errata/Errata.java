package dev.asgd.theory.errata;

import dev.asgd.theory.DampingRegime;
import java.util.Objects;

/**
 * The numbers behind each erratum of docs/theory.md (the same numbering), computed by
 * {@link ErrataStudy}: one record per erratum, named after what the computation shows.
 *
 * @param printedMuIsTwiceTheDecay erratum 1
 * @param printedMuOnlyForCentredData erratum 2
 * @param criticalCaseRate erratum 3
 * @param expectedStaleness erratum 4
 * @param plateauExponent erratum 5
 * @param discreteThreshold erratum 6
 * @param lyapunovTranspose erratum 7
 * @param constantC1WithoutEps0 erratum 8
 * @param poincareWithoutD erratum 9
 * @param queueModelKappa erratum 10
 * @param perturbationUnbounded erratum 11
 * @param gradientTypo erratum 12
 * @param stationaryVelocitySign erratum 13
 * @param perturbationBoundVacuous erratum 14
 * @param secondMomentStabilityLimit erratum 15
 */
public record Errata(PrintedMuIsTwiceTheDecay printedMuIsTwiceTheDecay,
        PrintedMuOnlyForCentredData printedMuOnlyForCentredData, CriticalCaseRate criticalCaseRate,
        ExpectedStaleness expectedStaleness, PlateauExponent plateauExponent, DiscreteThreshold discreteThreshold,
        LyapunovTranspose lyapunovTranspose, ConstantC1WithoutEps0 constantC1WithoutEps0,
        PoincareWithoutD poincareWithoutD, QueueModelKappa queueModelKappa, PerturbationUnbounded perturbationUnbounded,
        GradientTypo gradientTypo, StationaryVelocitySign stationaryVelocitySign,
        PerturbationBoundVacuous perturbationBoundVacuous, SecondMomentStabilityLimit secondMomentStabilityLimit) {

    /** Requires every erratum. */
    public Errata {
        Objects.requireNonNull(printedMuIsTwiceTheDecay, "erratum 1");
        Objects.requireNonNull(printedMuOnlyForCentredData, "erratum 2");
        Objects.requireNonNull(criticalCaseRate, "erratum 3");
        Objects.requireNonNull(expectedStaleness, "erratum 4");
        Objects.requireNonNull(plateauExponent, "erratum 5");
        Objects.requireNonNull(discreteThreshold, "erratum 6");
        Objects.requireNonNull(lyapunovTranspose, "erratum 7");
        Objects.requireNonNull(constantC1WithoutEps0, "erratum 8");
        Objects.requireNonNull(poincareWithoutD, "erratum 9");
        Objects.requireNonNull(queueModelKappa, "erratum 10");
        Objects.requireNonNull(perturbationUnbounded, "erratum 11");
        Objects.requireNonNull(gradientTypo, "erratum 12");
        Objects.requireNonNull(stationaryVelocitySign, "erratum 13");
        Objects.requireNonNull(perturbationBoundVacuous, "erratum 14");
        Objects.requireNonNull(secondMomentStabilityLimit, "erratum 15");
    }

    /**
     * Erratum 1 (Theorem 3.2, (3.6)): the printed mu = gamma is twice the decay exponent gamma/2
     * (eta 0.01, kappa 0.99, omega0 1, sigma 1).
     *
     * @param gamma the friction
     * @param muPaper the printed mu
     * @param muSharp min Re eig Q
     * @param certifiedMu the largest mu with K &gt;= 2 mu P
     * @param discreteDecay the exact discrete decay -ln rho / deltaT
     * @param smeDecay the SME's, from exp(A deltaT)
     */
    public record PrintedMuIsTwiceTheDecay(double gamma, double muPaper, double muSharp, double certifiedMu,
            double discreteDecay, double smeDecay) {
    }

    /**
     * Erratum 2 (Theorem 3.2): the printed mu is the rate of the degree-2 modes only; the exponents
     * of ||h||^2 at gamma = 1 (printed 2 mu = 2).
     *
     * @param smeCentred the SME's, mean at equilibrium
     * @param discreteCentred discrete ASGD's, mean at equilibrium
     * @param smeOffCentre the SME's, mean displaced
     * @param discreteOffCentre discrete ASGD's, mean displaced
     */
    public record PrintedMuOnlyForCentredData(double smeCentred, double discreteCentred, double smeOffCentre,
            double discreteOffCentre) {
    }

    /**
     * Erratum 3 (Theorem 3.2, critical case): mu = gamma/2 - delta, not gamma - delta; the L2 decay
     * is (1 + t) exp(-gamma t/2).
     *
     * @param gamma the friction at the critical point (eta = (1 - kappa)/4)
     * @param regime the damping regime
     * @param certifiedMu the certified rate
     * @param criticalDelta the delta of the constants
     * @param correctedMu the corrected rate gamma/2 - criticalDelta
     * @param normRatioAt10 ||exp(A t)|| e^(gamma t/2) / (1 + t) at t = 10
     * @param normRatioAt100 the same at t = 100
     */
    public record CriticalCaseRate(double gamma, DampingRegime regime, double certifiedMu, double criticalDelta,
            double correctedMu, double normRatioAt10, double normRatioAt100) {
    }

    /**
     * Erratum 4 (Remark 3.4): E tau = kappa/(1 - kappa), not 1/(1 - kappa) (kappa = 0.9).
     *
     * @param kappa the staleness rate
     * @param printed 1/(1 - kappa)
     * @param corrected kappa/(1 - kappa)
     * @param pmfMean sum of l (1 - kappa) kappa^l over the pmf
     */
    public record ExpectedStaleness(double kappa, double printed, double corrected, double pmfMean) {
    }

    /**
     * Erratum 5 (Remark 3.3, (3.7)): above the threshold the decay per step is (1 - kappa), exactly
     * -ln kappa, not 2(1 - kappa) (kappa = 0.99).
     *
     * @param printedPerStep 2(1 - kappa)
     * @param exactPerStep -ln kappa
     * @param radius the spectral radius of the discrete mean map (Hipparchus)
     * @param sqrtKappa sqrt kappa
     * @param exactFromRadiusPerStep -2 ln of that radius
     * @param smeTwiceMuDeltaT the SME's 2 mu deltaT with the sharp mu
     * @param smePredictedPerStep 1 - kappa, what the SME's exp(-(1 - kappa) k) gives per step
     */
    public record PlateauExponent(double printedPerStep, double exactPerStep, double radius, double sqrtKappa,
            double exactFromRadiusPerStep, double smeTwiceMuDeltaT, double smePredictedPerStep) {
    }

    /**
     * Erratum 6 (Remark 3.3): the discrete threshold is (1 - sqrt kappa)/((1 + sqrt kappa) omega0^2),
     * the printed one is the SME's (kappa = 0.9).
     *
     * @param printed (1 - kappa)/(4 omega0^2)
     * @param exact the exact discrete threshold
     * @param bisection where the mean map's eigenvalues (Hipparchus) turn complex
     */
    public record DiscreteThreshold(double printed, double exact, double bisection) {
    }

    /**
     * Erratum 7 ((4.7)): K = QP + PQ^T, not QP + Q^T P.
     *
     * @param deviationCorrected max |QP + PQ^T - K(4.5)|
     * @param deviationPrinted max |QP + Q^T P - K(4.5)|
     */
    public record LyapunovTranspose(double deviationCorrected, double deviationPrinted) {
    }

    /**
     * Erratum 8 (Theorem 3.2, C1): C1 has no eps0.
     *
     * @param c1 C1 of the constants
     * @param evaluated (4.8) evaluated from C, Chat, C2
     * @param epsilonRatio epsilon(2 eps0) / epsilon(eps0) (printed form: 4)
     */
    public record ConstantC1WithoutEps0(double c1, double evaluated, double epsilonRatio) {
    }

    /**
     * Erratum 9 ((3.5)): the Poincare constant has no 1/d (omega0 = 0.5, d = 2).
     *
     * @param printed 1/(d beta min{omega0^2, 1})
     * @param sharp 1/(beta min{omega0^2, 1})
     * @param variance Var_M(x_1) by Gauss-Hermite quadrature
     */
    public record PoincareWithoutD(double printed, double sharp, double variance) {
    }

    /**
     * Erratum 10 (Remark 3.4): under the queue model of m workers kappa = (m - 1)/m, so
     * m(1 - kappa) = 1 exactly.
     *
     * @param workers m
     * @param meanStaleness the simulated E tau
     * @param kappa E tau / (1 + E tau)
     * @param efficiency m(1 - kappa)
     */
    public record QueueModelKappa(int workers, double meanStaleness, double kappa, double efficiency) {
    }

    /**
     * Erratum 11 (Assumption 3.1): ||eps . x|| is infinite for every eps != 0; 0.1 sin on the line
     * theta = pi/2.
     *
     * @param eps0 the finite part max(sup|eps|, d sup|eps'|)
     * @param at10 |eps(theta) x| at x = 10
     * @param at1e3 at x = 1e3
     * @param at1e5 at x = 1e5
     */
    public record PerturbationUnbounded(double eps0, double at10, double at1e3, double at1e5) {
    }

    /**
     * Erratum 12 (Lemma 4.2): ||grad_x h||^2 + C ||grad_x h||^2 is a typo for
     * ||grad_x h||^2 + C ||grad_v h||^2; nothing computes it: it is confirmed by reading (4.4) and
     * (3.8), which carry the grad_v term.
     *
     * @param computed false: no computation checks this erratum, it is confirmed by reading
     */
    public record GradientTypo(boolean computed) {
    }

    /**
     * Erratum 13 (Appendix A): the v term of M has a minus sign; the SME's stationary covariance in (x, v).
     *
     * @param varianceV Var v
     * @param inverseBeta 1/beta
     * @param covarianceXv Cov(x, v)
     */
    public record StationaryVelocitySign(double varianceV, double inverseBeta, double covarianceXv) {
    }

    /**
     * Erratum 14 (Theorem 3.2, eps0 small enough): the perturbation bound is vacuous while the true
     * rate barely moves (0.2 sin at eta 0.2, kappa 0.9, sigma 3).
     *
     * @param epsilon eps0 C1
     * @param muSharp the sharp rate
     * @param gapUnperturbed the Fokker-Planck gap without the perturbation
     * @param gapPerturbed the gap with it
     */
    public record PerturbationBoundVacuous(double epsilon, double muSharp, double gapUnperturbed,
            double gapPerturbed) {
    }

    /**
     * Erratum 15 (Remark 3.3): the second moment's stability limit is far below the mean's (kappa 0.9).
     *
     * @param etaMaxSecondMoment the second moment's stability limit
     * @param etaMaxMean the mean's
     * @param radiusAtEtaOne the mean map's spectral radius at eta = 1
     * @param secondMomentAfter2000Steps E theta^2 after 2000 steps at eta = 1
     * @param sqrtKappa sqrt kappa, the mean's contraction per step above the threshold
     */
    public record SecondMomentStabilityLimit(double etaMaxSecondMoment, double etaMaxMean, double radiusAtEtaOne,
            double secondMomentAfter2000Steps, double sqrtKappa) {
    }
}
