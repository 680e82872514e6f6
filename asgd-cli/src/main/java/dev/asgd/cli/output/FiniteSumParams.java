package dev.asgd.cli.output;

import dev.asgd.theory.finitesum.FiniteSumModel;

/**
 * The finite-sum model of {@code asgd simulate --data}, the first keys of its {@code params}.
 *
 * @param eta learning rate (--eta)
 * @param kappa staleness rate (--kappa)
 * @param data the data spec
 * @param rows the number of rows n
 * @param omega0 the square roots of the eigenvalues of A^T A / n
 * @param theta0 the start
 * @param thetaStar the least-squares minimiser
 * @param fStar the minimum value
 * @param staleness the staleness law's spec
 * @param stalenessMean its mean
 * @param noise the gradient noise's description
 */
public record FiniteSumParams(double eta, double kappa, String data, int rows, double[] omega0, double[] theta0,
        double[] thetaStar, double fStar, String staleness, double stalenessMean, String noise) {

    /**
     * @param eta learning rate
     * @param kappa staleness rate (the flag's value)
     * @param data the data spec
     * @param model the finite-sum model
     * @return the view
     */
    public static FiniteSumParams of(double eta, double kappa, String data, FiniteSumModel model) {
        return new FiniteSumParams(eta, kappa, data, model.loss().size(), model.omega0(), model.theta0(),
                model.loss().minimizer(), model.loss().minimumValue(), model.staleness().spec(),
                model.staleness().mean(), model.oracle().describe());
    }
}
