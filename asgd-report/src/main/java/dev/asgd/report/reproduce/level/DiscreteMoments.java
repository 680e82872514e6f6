package dev.asgd.report.reproduce.level;

import dev.asgd.core.staleness.GeometricStaleness;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentProblem;

/**
 * The exact moments of one-dimensional discrete ASGD with geometric staleness for the experiments
 * that still call them by this name: asgd-theory's {@link ExactMoments} (its closed geometric
 * recursion), nothing is computed here.
 */
public final class DiscreteMoments {
    private final ExactMoments moments;

    private DiscreteMoments(ExactMoments moments) {
        this.moments = moments;
    }

    /**
     * @param eta learning rate
     * @param kappa staleness rate
     * @param omega0 square root of the Hessian eigenvalue
     * @param sigma noise
     * @param theta0 the deterministic start (the history before step 0 is theta0 too)
     * @return the moments at step 0
     */
    public static DiscreteMoments deterministic(double eta, double kappa, double omega0, double sigma, double theta0) {
        return new DiscreteMoments(ExactMoments.of(new MomentProblem(eta, new double[] {omega0}, new double[] {sigma},
                new double[] {theta0}, new double[] {0}, new GeometricStaleness(kappa))));
    }

    /** One ASGD step. */
    public void step() {
        moments.step();
    }

    /** @return E theta_k */
    public double mean() {
        return moments.current().mean()[0];
    }

    /** @return E theta_k^2 */
    public double secondMoment() {
        return moments.current().secondMoment();
    }
}
