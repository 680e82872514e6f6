package dev.asgd.cli;

import dev.asgd.cli.output.MomentsJson;
import dev.asgd.core.Require;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.exact.ExactMomentsStudy;
import dev.asgd.theory.moments.MomentProblem;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd moments}: the exact mean and second moment of discrete ASGD, no sampling. */
@Command(name = "moments", header = "Exact mean and second moment of discrete ASGD, step by step (no sampling).", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Exact mean and second moment E|theta_k - theta*|^2 of discrete ASGD on the quadratic with "
            + "additive noise, step by step, with no sampling (docs/theory.md): the closed "
            + "recursion for geometric staleness, a lag-augmented recursion for fixed, uniform, poisson "
            + "(truncated where its tail < 1e-16) and empirical staleness. Also the stationary second "
            + "moment (fixed point) and the exact per-step rates (spectral radii). queue:M has dependent "
            + "lags and is refused (use --staleness geometric --kappa (M-1)/M for its marginal).",
            ""
        },
        footer = {"", "Example:", "  asgd moments --eta 0.01 --kappa 0.9 --omega0 1 --steps 1000 --format json"})
public class MomentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "K",
            description = "Number of ASGD steps K (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--every", defaultValue = "10", paramLabel = "N",
            description = "Record the series every N steps (default: ${DEFAULT-VALUE}).")
    long every;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Require.atLeast(steps, 1, "steps");
        Require.atLeast(every, 1, "every");
        ModelBuilder b = new ModelBuilder(model);
        b.requireUnperturbed("for exact moments (use asgd simulate for a perturbed loss)");
        SeriesOutput.requireRecords(steps, every, b.d, 0);
        MomentProblem problem = new MomentProblem(model.eta, b.omega0, b.sigma, b.theta0, null, b.staleness);
        ExactMomentsStudy study;
        try (Progress progress = Progress.start("moments", steps, "steps", output.quiet() || steps < 5_000_000)) {
            study = ExactMomentsStudy.run(problem, steps, every, progress::stepTo);
        }
        List<SeriesPoint> series = study.series();
        double stationary = study.stationarySecondMoment();
        MomentsJson json = MomentsJson.of(b.params(), every, study, b.theory());
        output.print(spec.commandLine().getOut(), CommandOutput.of(json, SeriesOutput.csv(series, new double[0]),
                out -> {
                    SeriesPoint last = series.get(series.size() - 1);
                    out.printf(Locale.ROOT, "asgd moments: %s, eta %s, omega0 %s, %s%n", b.staleness.spec(),
                            model.eta, java.util.Arrays.toString(b.omega0), study.method());
                    out.printf(Locale.ROOT, "  step %d: E|theta - theta*|^2 = %.6g, mean %s%n", last.step(),
                            last.secondMoment(), java.util.Arrays.toString(last.mean()));
                    out.printf(Locale.ROOT, "  stationary E|theta - theta*|^2 = %s%n", num(stationary));
                    out.printf(Locale.ROOT, "  per-step rates: mean %s, second moment %s (eta limit of the"
                            + " second moment %s)%n", num(study.meanContractionPerStep()), num(study.secondMomentFactorPerStep()),
                            num(study.secondMomentEtaMax()));
                    for (String note : study.notes()) {
                        out.println("  note: " + note);
                    }
                }));
        return ExitCode.OK;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.6g", v);
    }
}
