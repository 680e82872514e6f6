package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.loss.FiniteSumLeastSquares;
import dev.asgd.core.noise.FiniteSumSampling;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * {@code asgd simulate --data SPEC}: the paper's finite-sum setting. f(theta) = (1/n) sum_gamma
 * (a_gamma . theta - b_gamma)^2 / 2 on the rows of a data set (every row: no test split), and the
 * stochastic gradient grad f_gamma with gamma uniform. Its Hessian H = A^T A / n gives the
 * omega0 of the theory (the square roots of H's eigenvalues); the per-step rates of the theory do
 * not depend on the noise, so they apply as they are.
 */
final class FiniteSumModel {
    /** Largest n d^2 accepted: the Hessian and the normal equations take that many multiply-adds (seconds). */
    static final double MAX_WORK = 4e9;

    final String spec;
    final FiniteSumLeastSquares loss;
    final FiniteSumSampling oracle;
    final double[] theta0;
    final double[] omega0;
    final StalenessDistribution staleness;
    final ModelOptions options;

    private FiniteSumModel(String spec, FiniteSumLeastSquares loss, double[] theta0, ModelOptions options) {
        this.spec = spec;
        this.loss = loss;
        this.oracle = new FiniteSumSampling(loss);
        this.theta0 = theta0;
        this.options = options;
        this.omega0 = hessianRoots(loss.hessian());
        this.staleness = ModelBuilder.staleness(options);
    }

    /**
     * @param spec the data spec (as {@code asgd train --data})
     * @param options the shared model flags (--omega0, --sigma and --perturbation must not be given)
     * @param given whether a flag was given on the command line
     * @param seed the run's seed (synthetic data)
     * @return the model
     */
    static FiniteSumModel load(String spec, ModelOptions options, java.util.function.Predicate<String> given,
            long seed) {
        for (String flag : new String[] {"--omega0", "--sigma", "--perturbation"}) {
            if (given.test(flag)) {
                throw new InvalidParameterException(flag.substring(2), "given with --data " + spec,
                        "no " + flag + " with --data (the data set defines the loss and its gradient noise)");
            }
        }
        Dataset data = DataSources.load(spec, 0, seed).train();
        int n = data.size();
        int d = data.features();
        if ((double) n * d * d > MAX_WORK) {
            throw new InvalidParameterException("data", spec + " (n = " + n + ", d = " + d + ")",
                    "n d^2 <= " + (long) MAX_WORK + " (the dense normal equations and Hessian cost n d^2);"
                            + " take fewer rows, e.g. fashion-mnist:n=1000");
        }
        double[][] a = new double[n][d];
        double[] b = new double[n];
        for (int g = 0; g < n; g++) {
            data.addScaled(g, 1, a[g], 0);
            b[g] = data.label(g);
        }
        FiniteSumLeastSquares loss = new FiniteSumLeastSquares(a, b);
        if (options.theta0.length != 1 && options.theta0.length != d) {
            throw new InvalidParameterException("theta0", Arrays.toString(options.theta0),
                    "one value or " + d + " values (one per feature of --data)");
        }
        double[] theta0 = ModelOptions.perCoordinate(options.theta0, d, "theta0");
        return new FiniteSumModel(spec, loss, theta0, options);
    }

    private static double[] hessianRoots(double[][] hessian) {
        double[] lambda = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(hessian)).getEigenvalues();
        double[] roots = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            roots[i] = Math.sqrt(Math.max(0, lambda[i]));
        }
        Arrays.sort(roots);
        return roots;
    }

    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eta", options.eta);
        p.put("kappa", options.kappa);
        p.put("data", spec);
        p.put("rows", loss.size());
        p.put("omega0", omega0);
        p.put("theta0", theta0);
        p.put("thetaStar", loss.minimizer());
        p.put("fStar", loss.minimumValue());
        p.put("staleness", staleness.spec());
        p.put("stalenessMean", staleness.mean());
        p.put("noise", oracle.describe());
        return p;
    }

    /** @return the theory's per-step exponents for the slowest mode of H, or null without a kappa */
    Map<String, Object> theory() {
        if (omega0[0] == 0) {
            return null;
        }
        // the per-step rates do not depend on the noise
        Map<String, Object> t = ModelBuilder.theory(options.eta, staleness, omega0, 0);
        if (t != null) {
            t.put("omega0", "square roots of the eigenvalues of A^T A / n");
        }
        return t;
    }
}
