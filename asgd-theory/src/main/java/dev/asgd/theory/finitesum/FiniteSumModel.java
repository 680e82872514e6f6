package dev.asgd.theory.finitesum;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.core.noise.FiniteSumSampling;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.theory.closedform.StepRates;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The paper's finite-sum setting: f(theta) = (1/n) sum_gamma (a_gamma . theta - b_gamma)^2 / 2 on
 * the rows of a data set, with the stochastic gradient grad f_gamma, gamma uniform. Its Hessian
 * H = A^T A / n gives the omega0 of the theory (the square roots of H's eigenvalues); the per-step
 * rates of the theory do not depend on the noise, so they apply as they are. Lives in theory, not
 * core, because the eigen-decomposition needs a linear-algebra library (core has none).
 *
 * @param loss the least-squares loss on the rows
 * @param theta0 the start, one value per feature
 * @param staleness the staleness law
 * @param omega0 the square roots of the Hessian's eigenvalues (negative round-off taken as 0), ascending
 */
public record FiniteSumModel(FiniteSumLeastSquares loss, double[] theta0, StalenessDistribution staleness,
        double[] omega0) {
    /** Largest n d^2 accepted: the Hessian and the normal equations take that many multiply-adds (seconds). */
    public static final double MAX_WORK = 4e9;

    /** Validates. */
    public FiniteSumModel {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(staleness, "staleness");
        if (theta0 == null || theta0.length != loss.dimension()) {
            throw new InvalidParameterException("theta0", theta0 == null ? "null" : Arrays.toString(theta0),
                    loss.dimension() + " values (one per feature)");
        }
        if (omega0 == null || omega0.length != loss.dimension()) {
            throw new InvalidParameterException("omega0", omega0 == null ? "null" : Arrays.toString(omega0),
                    loss.dimension() + " values (one per feature)");
        }
    }

    /**
     * @param loss the least-squares loss on the rows
     * @param theta0 the start, one value per feature
     * @param staleness the staleness law
     * @return the model, with omega0 from the Hessian's eigenvalues
     */
    public static FiniteSumModel of(FiniteSumLeastSquares loss, double[] theta0, StalenessDistribution staleness) {
        return new FiniteSumModel(loss, theta0, staleness, hessianRoots(loss.hessian()));
    }

    /**
     * @param rows n
     * @param features d
     * @return whether n d^2 is at most {@link #MAX_WORK}
     */
    public static boolean affordable(int rows, int features) {
        return !((double) rows * features * features > MAX_WORK);
    }

    /**
     * @param hessian a symmetric positive semi-definite matrix
     * @return the square roots of its eigenvalues (negative ones taken as 0), ascending
     */
    public static double[] hessianRoots(double[][] hessian) {
        double[] lambda = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(hessian)).getEigenvalues();
        double[] roots = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            roots[i] = Math.sqrt(Math.max(0, lambda[i]));
        }
        Arrays.sort(roots);
        return roots;
    }

    /** @return the paper's sampled gradients grad f_gamma, gamma uniform */
    public FiniteSumSampling oracle() {
        return new FiniteSumSampling(loss);
    }

    /** @return whether the Hessian is singular (its smallest root is 0): the closed-form rates do not apply */
    public boolean singular() {
        return omega0[0] == 0;
    }

    /**
     * The closed-form theory's per-step exponents for the slowest mode of the Hessian. They do not
     * depend on the gradient noise, so they are taken at sigma = 0.
     *
     * @param eta learning rate
     * @return the rates, or empty when the Hessian is singular or the staleness law has no theory kappa
     */
    public Optional<StepRates> stepRates(double eta) {
        return singular() ? Optional.empty() : StepRates.of(eta, staleness, omega0, 0);
    }
}
