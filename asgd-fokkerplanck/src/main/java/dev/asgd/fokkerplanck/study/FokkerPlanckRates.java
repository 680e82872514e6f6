package dev.asgd.fokkerplanck.study;

import dev.asgd.core.perturbation.NoPerturbation;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.fokkerplanck.FokkerPlanckAnalysis;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.FokkerPlanckResult;
import dev.asgd.fokkerplanck.InitialCondition;
import dev.asgd.fokkerplanck.RunSettings;
import dev.asgd.fokkerplanck.SpectralGap;
import dev.asgd.theory.SmeParameters;

/**
 * The Fokker-Planck equation (2.4) through asgd-fokkerplanck's Hermite-Galerkin solver: the
 * spectral gap of the generator (the rate of h, so ||h||_*^2 decays at twice it) and the decay of
 * ||h||_*^2 measured by integrating (2.4) in time from a shifted (mean displaced) or centred
 * (covariance displaced) initial density.
 */
public final class FokkerPlanckRates {
    /** Hermite degree for unperturbed problems (the gap lives in the degree-1 block, exactly). */
    private static final int DEGREE_LINEAR = 8;

    private FokkerPlanckRates() {
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param perturbation the loss perturbation
     * @return the spectral gap of the generator (a rate of h, per unit SME time)
     */
    public static double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation) {
        return spectralGap(eta, kappa, omega0, sigma, perturbation, perturbation.isZero() ? DEGREE_LINEAR : 32);
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param perturbation the loss perturbation
     * @param degree the Hermite truncation degree
     * @return the spectral gap of the generator (a rate of h, per unit SME time)
     */
    public static double spectralGap(double eta, double kappa, double omega0, double sigma, Perturbation perturbation,
            int degree) {
        FokkerPlanckProblem p = new FokkerPlanckProblem(eta, kappa, new double[] {omega0}, new double[] {sigma},
                perturbation, degree);
        return SpectralGap.of(p.operator()).gap();
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param centred start with the mean at equilibrium and half M's covariance (only even, degree-2
     *     modes excited); otherwise M shifted by half a standard deviation along theta (degree-1 modes)
     * @return the measured decay exponent of ||h||_*^2 per unit SME time
     */
    public static double measuredDecay(double eta, double kappa, double omega0, double sigma, boolean centred) {
        FokkerPlanckProblem p = new FokkerPlanckProblem(eta, kappa, new double[] {omega0}, new double[] {sigma},
                NoPerturbation.INSTANCE, 20);
        SmeParameters sme = SmeParameters.of(eta, kappa, omega0, sigma);
        // x0 = -omega0^2 theta0 / gamma, v0 = 0: half a standard deviation of M in the scaled x when
        // theta0 = gamma / (2 sqrt(beta) omega0^3)
        double theta0 = 0.5 * sme.gamma() / (Math.sqrt(sme.beta()) * omega0 * omega0 * omega0);
        InitialCondition init = centred ? new InitialCondition.Centred(0.5)
                : new InitialCondition.Shifted(new double[] {theta0});
        FokkerPlanckResult r = FokkerPlanckAnalysis.run(p, init, new RunSettings(null, null, 100, false, 0),
                null);
        return 2 * r.measuredRate();
    }
}
