package dev.asgd.cli;

import dev.asgd.cli.output.SimulateJson;
import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.noise.GradientOracle;
import dev.asgd.core.staleness.StalenessDistribution;
import dev.asgd.simulation.EnsembleSimulator;
import dev.asgd.simulation.Performance;
import dev.asgd.simulation.RateFit;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.SimulationConfig;
import dev.asgd.simulation.SimulationResult;
import dev.asgd.simulation.stationary.EnsembleAnalysis;
import dev.asgd.simulation.stationary.ExactRates;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd simulate}: a Monte Carlo ensemble of discrete ASGD. */
@Command(name = "simulate", header = "Monte Carlo ensemble of discrete ASGD chains, with standard errors and a fitted rate.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "A Monte Carlo ensemble of N independent chains of discrete ASGD, theta_{k+1} = theta_k - "
            + "eta g(theta_{k-tau_k}), on the (optionally perturbed) quadratic with additive Gaussian "
            + "noise and any staleness law. Every --every steps: ensemble mean, E|theta - theta*|^2, f - "
            + "f*, their standard errors and quantiles of |theta - theta*|. A weighted fit of the second "
            + "moment's exponential approach to its stationary value, beside the exact and theoretical "
            + "rates. Bit-identical for the same --seed whatever --threads. With --data, the paper's "
            + "finite-sum setting instead: least squares on a data set with sampled gradients.",
            ""
        },
        footer = {"", "Example:",
            "  asgd simulate --eta 0.01 --kappa 0.9 --omega0 1 --runs 100000 \\",
            "      --steps 1000 --format json",
            "  asgd simulate --eta 0.05 --kappa 0.9 --data synthetic:least-squares,d=5"})
public class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "Finite-sum least squares f = (1/n) sum_gamma (a_gamma . theta - b_gamma)^2 / 2 on a data"
                    + " set instead of the quadratic, with the paper's sampled gradients grad f_gamma, gamma uniform:"
                    + " synthetic:least-squares[,n=N,d=D,noise=S,seed=SEED], csv:PATH (label first), libsvm:PATH or"
                    + " fashion-mnist[:n=N]; every row is used. d = the number of features; --omega0, --sigma and"
                    + " --perturbation do not apply, and the theory's omega0 are the square roots of the"
                    + " eigenvalues of A^T A / n.")
    String data;

    @Option(names = "--divergence-bound", defaultValue = "1e100", paramLabel = "B",
            description = "Stop with exit code 3 when a chain has |theta_i - theta*_i| > B or a non-finite value"
                    + " (default: ${DEFAULT-VALUE}).")
    double divergenceBound;

    @Option(names = "--quantiles", defaultValue = "0.05,0.25,0.5,0.75,0.95", split = ",", paramLabel = "P",
            description = "Levels of the quantiles of |theta - theta*| (default: ${DEFAULT-VALUE}).")
    double[] quantiles;

    @Option(names = "--fit-from", paramLabel = "K",
            description = "First step of the rate-fit window (default: K / 10, at least --every).")
    Long fitFrom;

    @Option(names = "--fit-to", paramLabel = "K",
            description = "Last step of the rate-fit window (default: --steps; the window also ends where"
                    + " |E|theta - theta*|^2 - stationary| falls below 3 standard errors).")
    Long fitTo;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C",
            description = "Level of the rate's confidence interval (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        FiniteSumSetup fs = data == null ? null : FiniteSumSetup.load(data, model,
                flag -> spec.commandLine().getParseResult().hasMatchedOption(flag), run.seed);
        ModelBuilder b = fs == null ? new ModelBuilder(model) : null;
        GradientOracle oracle = fs == null ? b.oracle() : fs.oracle;
        StalenessDistribution staleness = fs == null ? b.staleness : fs.model.staleness();
        double[] theta0 = fs == null ? b.theta0 : fs.model.theta0();
        run.requireSizes(theta0.length, quantiles == null ? 0 : quantiles.length);
        SimulationConfig config = new SimulationConfig(oracle, staleness, model.eta, theta0, run.steps,
                run.every, run.runs, run.seed, run.threadCount(), divergenceBound, quantiles);
        dev.asgd.core.Limits.requireDoubles("staleness", staleness.spec(),
                (double) config.threads() * 2.0 * (config.historyLag() + 2) * theta0.length,
                "chain histories (threads x 2 (lags kept + 2) x d = " + config.threads() + " x 2 x "
                        + (config.historyLag() + 2L) + " x " + theta0.length + ")");
        long from = fitFrom != null ? fitFrom : RateFit.defaultFrom(run.steps, run.every);
        long to = fitTo != null ? fitTo : run.steps;
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidParameterException("confidence", confidence, "0 < confidence < 1");
        }
        SimulationResult result;
        try (Progress progress = Progress.start("simulate", run.runs * run.steps, "member-steps", output.quiet())) {
            result = EnsembleSimulator.run(config, progress::stepTo);
        }
        EnsembleAnalysis analysis = fs == null ? EnsembleAnalysis.ofQuadratic(result.series(), model.eta, b.omega0,
                b.sigma, b.theta0, b.staleness, b.perturbation, from, to, confidence)
                : EnsembleAnalysis.of(result.series(), null, from, to, confidence);
        double stationary = analysis.stationary();
        RateFit fit = analysis.fit();
        ExactRates exactRates = analysis.exactRates();
        SimulateJson json = new SimulateJson(
                new SimulateJson.Params(fs == null ? b.params() : null, fs == null ? null : fs.params(), run.steps,
                        run.every, run.runs, run.seed, divergenceBound, quantiles),
                SeriesOutput.json(result.series(), quantiles), stationary,
                new SimulateJson.Rate(analysis.level().source().description(), SimulateJson.Fit.of(fit), exactRates,
                        fs == null ? SimulateJson.Theory.of(b.theory(), null) : fs.theory()),
                result.performance());
        output.print(spec.commandLine().getOut(), CommandOutput.of(json,
                SeriesOutput.csv(result.series(), quantiles), out -> text(out, fs == null ? "omega0 " + java.util.Arrays.toString(b.omega0)
                        : "data " + data + " (" + fs.model.loss().size() + " rows, d = " + fs.model.loss().dimension() + ")",
                        staleness, result, stationary, fit, exactRates)));
        return ExitCode.OK;
    }

    private void text(java.io.PrintWriter out, String model, StalenessDistribution staleness, SimulationResult r,
            double stationary, RateFit fit, ExactRates exact) {
        SeriesPoint last = r.last();
        Performance p = r.performance();
        out.printf(Locale.ROOT, "asgd simulate: %d chains x %d steps, %s, eta %s, %s%n", run.runs, run.steps,
                staleness.spec(), this.model.eta, model);
        out.printf(Locale.ROOT, "  step %d: E|theta - theta*|^2 = %.6g +- %.2g, mean %s%n", last.step(),
                last.secondMoment(), last.secondMomentStdErr(), java.util.Arrays.toString(last.mean()));
        out.printf(Locale.ROOT, "  stationary E|theta - theta*|^2 = %.6g%n", stationary);
        if (fit != null) {
            out.printf(Locale.ROOT, "  fitted second-moment log rate per step %.5g [%.5g, %.5g] (steps %d..%d)%n",
                    fit.slope(), fit.slopeLow(), fit.slopeHigh(), fit.from(), fit.to());
        }
        if (exact != null) {
            out.printf(Locale.ROOT, "  exact second-moment log rate per step %.5g%n", exact.secondMomentLogPerStep());
        }
        out.printf(Locale.ROOT, "  %.3g member-steps/s (%.3f s, %d threads)%n", p.memberStepsPerSecond(), p.seconds(),
                p.threads());
    }
}
