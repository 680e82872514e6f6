package dev.asgd.training.predict;

import dev.asgd.theory.DiscreteMeanRate;

/**
 * The paper's model of a run: geometric staleness with the fitted kappa = mean / (1 + mean),
 * additive noise, the exact discrete mean rate of each Hessian mode (THEORY-NOTES section 5). Its
 * decay of the excess loss is -2 ln rho (rho: the slowest mode's mean contraction) and its edge
 * the mean's stability limit 2 (1 + kappa) / ((1 - kappa) lambda_max). It ignores the
 * multiplicative noise of sampled minibatches and the shape of the real staleness law.
 *
 * @param kappa the fitted kappa
 * @param contraction rho at the run's eta (the largest over the modes)
 * @param decay -2 ln rho per update
 * @param meanEdge the mean's stability limit in eta
 */
public record GeometricModel(double kappa, double contraction, double decay, double meanEdge) {
    /**
     * @param kappa the fitted kappa (NaN: 0)
     * @param eta the learning rate
     * @param eigenvalues the Hessian's eigenvalues
     * @return the model's numbers
     */
    public static GeometricModel of(double kappa, double eta, double[] eigenvalues) {
        double k = Double.isNaN(kappa) ? 0 : Math.min(kappa, 1 - 1e-12);
        double rho = 0;
        double edge = Double.POSITIVE_INFINITY;
        for (double l : eigenvalues) {
            if (l > 0) {
                double omega = Math.sqrt(l);
                rho = Math.max(rho, DiscreteMeanRate.contractionPerStep(eta, k, omega));
                edge = Math.min(edge, DiscreteMeanRate.etaMax(k, omega));
            }
        }
        return new GeometricModel(k, rho, -2 * Math.log(rho), edge);
    }
}
