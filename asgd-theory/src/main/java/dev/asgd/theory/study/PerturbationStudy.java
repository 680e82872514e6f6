package dev.asgd.theory.study;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.perturbation.SinePerturbation;
import dev.asgd.theory.DiscreteMeanRate;
import dev.asgd.theory.ModeRate;
import dev.asgd.theory.sme.SmeDecay;

/**
 * Theorem 3.2 with a perturbation eps(theta) = eps0 sin(theta): the theorem's bound
 * 2 (mu - epsilon) with epsilon = eps0 C1 (sharp and printed mu) beside the rate of the perturbed
 * problem linearised at the minimum (omega_eff^2 = omega0^2 + eps'(0)), from the exact discrete
 * mean recursion and from the SME's exact transition, per unit SME time.
 */
public final class PerturbationStudy {
    private PerturbationStudy() {
    }

    /**
     * The noise with beta = 2 gamma / (tau^2 omega0^4) = 1 for omega0 = 1, which keeps C2 and so C1
     * smallest: sigma = sqrt(2 gamma / tau^2) with gamma = sqrt((1 - kappa) / eta) and
     * tau^2 = eta^(3/2) / sqrt(1 - kappa).
     *
     * @param eta learning rate
     * @param kappa staleness rate
     * @return the sigma that gives beta = 1
     */
    public static double unitBetaSigma(double eta, double kappa) {
        return Math.sqrt(2 * Math.sqrt((1 - kappa) / eta) / (Math.pow(eta, 1.5) / Math.sqrt(1 - kappa)));
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma gradient-noise standard deviation (it sets C1 through C2)
     * @param eps0 the perturbation sizes, &gt;= 0
     */
    public record Parameters(double eta, double kappa, double omega0, double sigma, double[] eps0) {
        /** Validates and copies. */
        public Parameters {
            if (eps0 == null || eps0.length == 0) {
                throw new InvalidParameterException("eps0", "(none)", "one or more sizes");
            }
            eps0 = eps0.clone();
        }

        /**
         * @param i an index of {@link #eps0()}
         * @return the perturbation eps0[i] sin(theta)
         */
        public SinePerturbation perturbation(int i) {
            return new SinePerturbation(eps0[i], 1);
        }
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param sigma noise
     * @param gamma the SME's friction
     * @param C1 the theorem's constant: epsilon = eps0 C1
     * @param twiceMuSharp the unperturbed 2 mu (sharp)
     * @param eps0 the perturbation sizes
     * @param epsilon the theorem's epsilon = eps0 C1 per size
     * @param boundSharp 2 (mu_sharp - eps0 C1)
     * @param boundPrinted 2 (mu_printed - eps0 C1)
     * @param exactDiscreteLinearised -2 ln rho(omega_eff) / deltaT
     * @param smeLinearised the SME's -2 ln rho(exp(A deltaT)) / deltaT at omega_eff
     * @param vacuousFromEps0 mu_sharp / C1, where the sharp bound reaches 0
     * @param discreteChange exactDiscreteLinearised at the largest eps0 over that at the smallest, minus 1
     */
    public record Result(double eta, double kappa, double sigma, double gamma, double C1, double twiceMuSharp,
            double[] eps0, double[] epsilon, double[] boundSharp, double[] boundPrinted, double[] exactDiscreteLinearised,
            double[] smeLinearised, double vacuousFromEps0, double discreteChange) {
    }

    /**
     * @param p the parameters
     * @return the bounds and the linearised rates
     */
    public static Result run(Parameters p) {
        double[] eps0 = p.eps0();
        int n = eps0.length;
        ModeRate base = ModeRate.of(p.eta(), p.kappa(), p.omega0(), p.sigma());
        double dt = base.sme().deltaT();
        double c1 = base.constants().c1();
        double[] epsilon = new double[n];
        double[] boundSharp = new double[n];
        double[] boundPrinted = new double[n];
        double[] discrete = new double[n];
        double[] sme = new double[n];
        for (int i = 0; i < n; i++) {
            SinePerturbation s = p.perturbation(i);
            double e = base.constants().epsilon(s.epsilon0(1));
            epsilon[i] = e;
            boundSharp[i] = 2 * (base.muSharp() - e);
            boundPrinted[i] = 2 * (base.muPaper() - e);
            double wEff = Math.sqrt(p.omega0() * p.omega0() + s.derivative(0));
            discrete[i] = -2 * Math.log(DiscreteMeanRate.contractionPerStep(p.eta(), p.kappa(), wEff)) / dt;
            sme[i] = SmeDecay.decayPerUnitTime(p.eta(), p.kappa(), wEff);
        }
        return new Result(p.eta(), p.kappa(), p.sigma(), base.sme().gamma(), c1, 2 * base.muSharp(), eps0.clone(),
                epsilon, boundSharp, boundPrinted, discrete, sme, base.muSharp() / c1, discrete[n - 1] / discrete[0] - 1);
    }
}
