package dev.asgd.cli;

import dev.asgd.cli.output.FiniteSumParams;
import dev.asgd.cli.output.SimulateJson;
import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.noise.FiniteSumSampling;
import dev.asgd.theory.finitesum.FiniteSumModel;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.finitesum.FiniteSumData;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * {@code asgd simulate --data SPEC}: the flags of the paper's finite-sum setting turned into
 * theory's {@link FiniteSumModel} (least squares on every row of the data set, sampled
 * gradients), and its parameters' JSON view.
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

    /** @return the model's JSON keys, the first of {@code params} */
    FiniteSumParams params() {
        return FiniteSumParams.of(options.eta, options.kappa, spec, model);
    }

    /** @return the theory's per-step exponents for the slowest mode of H, or null without a kappa */
    SimulateJson.Theory theory() {
        return SimulateJson.Theory.of(model.stepRates(options.eta).orElse(null),
                "square roots of the eigenvalues of A^T A / n");
    }
}
