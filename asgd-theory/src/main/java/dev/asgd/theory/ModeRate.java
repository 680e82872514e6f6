package dev.asgd.theory;

/**
 * Every rate of one quadratic mode (one omega0): the SME map, the regime, mu as printed and
 * sharp, their per-step exponents 2 mu deltaT, the exact discrete contraction of the mean, the
 * theorem's constants and its Lyapunov certificate.
 *
 * @param omega0 square root of the Hessian eigenvalue
 * @param sme SME parameters (2.2)
 * @param regime gamma against 2 omega0
 * @param muPaper mu as printed in (3.6)
 * @param muSharp min Re eig(Q)
 * @param decayPerStepPaper 2 muPaper deltaT: the per-step exponent of ||h||^2 as printed
 * @param decayPerStepSharp 2 muSharp deltaT
 * @param meanContractionPerStep exact spectral radius of discrete ASGD's mean recursion
 * @param exactDecayPerStep -2 ln(meanContractionPerStep): the exact per-step exponent of the
 *     squared mean error, the discrete counterpart of decayPerStepSharp
 * @param constants C, Chat, C1, C2
 * @param lyapunov P, K and the largest c with K &gt;= c P
 */
public record ModeRate(double omega0, SmeParameters sme, DampingRegime regime, double muPaper, double muSharp,
        double decayPerStepPaper, double decayPerStepSharp, double meanContractionPerStep, double exactDecayPerStep,
        TheoremConstants constants, LyapunovCertificate lyapunov) {

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise level
     * @return the rates of this mode
     */
    public static ModeRate of(double eta, double kappa, double omega0, double sigma) {
        SmeParameters sme = SmeParameters.of(eta, kappa, omega0, sigma);
        double gamma = sme.gamma();
        double muPaper = DecayRates.muPaper(gamma, omega0);
        double muSharp = DecayRates.muSharp(gamma, omega0);
        double rho = DiscreteMeanRate.contractionPerStep(eta, kappa, omega0);
        TheoremConstants constants = TheoremConstants.of(sme, omega0);
        return new ModeRate(omega0, sme, DampingRegime.of(gamma, omega0), muPaper, muSharp,
                2 * muPaper * sme.deltaT(), 2 * muSharp * sme.deltaT(), rho, -2 * Math.log(rho),
                constants, LyapunovCertificate.of(constants, gamma, omega0));
    }

    /** @return muPaper / muSharp: 2 where both are finite and positive (the printed rate is twice the true one) */
    public double printedOverSharp() {
        return muPaper / muSharp;
    }
}
