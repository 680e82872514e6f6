package dev.asgd.cli.output;

import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.staleness.StalenessDistribution;

/**
 * The quadratic model of the shared model flags, the first keys of {@code params} in the JSON of
 * {@code moments}, {@code simulate} (without --data), {@code sme} and {@code compare}.
 *
 * @param eta learning rate (--eta)
 * @param kappa staleness rate (--kappa)
 * @param omega0 the modes
 * @param sigma noise per coordinate
 * @param theta0 the start
 * @param thetaStar the minimiser (the origin)
 * @param staleness the staleness law's spec
 * @param stalenessMean its mean
 * @param perturbation the perturbation's spec
 * @param epsilon0 the perturbation's eps_0
 */
public record ModelParams(double eta, double kappa, double[] omega0, double[] sigma, double[] theta0,
        double[] thetaStar, String staleness, double stalenessMean, String perturbation, double epsilon0) {

    /**
     * @param eta learning rate
     * @param kappa staleness rate (the flag's value)
     * @param omega0 the modes
     * @param sigma noise per coordinate
     * @param theta0 the start
     * @param staleness the staleness law
     * @param perturbation the perturbation
     * @return the view (theta* at the origin)
     */
    public static ModelParams of(double eta, double kappa, double[] omega0, double[] sigma, double[] theta0,
            StalenessDistribution staleness, Perturbation perturbation) {
        int d = omega0.length;
        return new ModelParams(eta, kappa, omega0, sigma, theta0, new double[d], staleness.spec(), staleness.mean(),
                perturbation.spec(), perturbation.epsilon0(d));
    }
}
