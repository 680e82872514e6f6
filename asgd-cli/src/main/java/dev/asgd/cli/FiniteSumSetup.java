package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.noise.FiniteSumSampling;
import dev.asgd.theory.finitesum.FiniteSumModel;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.finitesum.FiniteSumData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code asgd simulate --data SPEC}: the flags of the paper's finite-sum setting turned into
 * theory's {@link FiniteSumModel} (least squares on every row of the data set, sampled
 * gradients), and its parameters as JSON.
 */
final class FiniteSumSetup {
    final String spec;
    final FiniteSumModel model;
    final FiniteSumSampling oracle;
    final ModelOptions options;

    private FiniteSumSetup(String spec, FiniteSumModel model, ModelOptions options) {
        this.spec = spec;
        this.model = model;
        this.oracle = model.oracle();
        this.options = options;
    }

    /**
     * @param spec the data spec (as {@code asgd train --data})
     * @param options the shared model flags (--omega0, --sigma and --perturbation must not be given)
     * @param given whether a flag was given on the command line
     * @param seed the run's seed (synthetic data)
     * @return the model
     */
    static FiniteSumSetup load(String spec, ModelOptions options, Predicate<String> given, long seed) {
        for (String flag : new String[] {"--omega0", "--sigma", "--perturbation"}) {
            if (given.test(flag)) {
                throw new InvalidParameterException(flag.substring(2), "given with --data " + spec,
                        "no " + flag + " with --data (the data set defines the loss and its gradient noise)");
            }
        }
        Dataset data = DataSources.load(spec, 0, seed).train();
        int n = data.size();
        int d = data.features();
        if (!FiniteSumModel.affordable(n, d)) {
            throw new InvalidParameterException("data", spec + " (n = " + n + ", d = " + d + ")",
                    "n d^2 <= " + (long) FiniteSumModel.MAX_WORK + " (the dense normal equations and Hessian cost n d^2);"
                            + " take fewer rows, e.g. fashion-mnist:n=1000");
        }
        var loss = FiniteSumData.leastSquares(data);
        if (options.theta0.length != 1 && options.theta0.length != d) {
            throw new InvalidParameterException("theta0", Arrays.toString(options.theta0),
                    "one value or " + d + " values (one per feature of --data)");
        }
        double[] theta0 = ModelOptions.perCoordinate(options.theta0, d, "theta0");
        return new FiniteSumSetup(spec, FiniteSumModel.of(loss, theta0, ModelBuilder.staleness(options)), options);
    }

    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eta", options.eta);
        p.put("kappa", options.kappa);
        p.put("data", spec);
        p.put("rows", model.loss().size());
        p.put("omega0", model.omega0());
        p.put("theta0", model.theta0());
        p.put("thetaStar", model.loss().minimizer());
        p.put("fStar", model.loss().minimumValue());
        p.put("staleness", model.staleness().spec());
        p.put("stalenessMean", model.staleness().mean());
        p.put("noise", oracle.describe());
        return p;
    }

    /** @return the theory's per-step exponents for the slowest mode of H, or null without a kappa */
    Map<String, Object> theory() {
        if (model.singular()) {
            return null;
        }
        // the per-step rates do not depend on the noise
        Map<String, Object> t = ModelBuilder.theory(options.eta, model.staleness(), model.omega0(), 0);
        if (t != null) {
            t.put("omega0", "square roots of the eigenvalues of A^T A / n");
        }
        return t;
    }
}
