package dev.asgd.cli;

import dev.asgd.core.Require;
import dev.asgd.simulation.SeriesPoint;
import dev.asgd.theory.moments.ExactMoments;
import dev.asgd.theory.moments.MomentPoint;
import dev.asgd.theory.moments.MomentProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        long start = System.nanoTime();
        ExactMoments exact = ExactMoments.of(problem);
        List<MomentPoint> points;
        try (Progress progress = Progress.start("moments", steps, "steps", output.quiet() || steps < 5_000_000)) {
            points = exact.series(steps, every, progress::stepTo, true);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        List<SeriesPoint> series = new ArrayList<>(points.size());
        for (MomentPoint p : points) {
            series.add(SeriesPoint.exact(p.step(), p.mean(), p.secondMomentPerCoordinate(), p.secondMoment(),
                    p.excessLoss()));
        }
        double[] perCoord = exact.stationarySecondMomentPerCoordinate();
        double stationary = exact.stationarySecondMoment();
        Map<String, Object> rate = new LinkedHashMap<>();
        double rho2 = exact.secondMomentRate();
        List<String> notes = new ArrayList<>();
        String dense = exact.denseLimitNote();
        if (dense != null) {
            notes.add("stationary second moment and second-moment rate " + dense);
        } else if (!(rho2 < 1)) {
            notes.add(String.format(Locale.ROOT, "no stationary second moment: the second moment grows (factor per"
                    + " step %.6g >= 1)", rho2));
        }
        if (Double.isNaN(exact.meanRate())) {
            notes.add("mean contraction not computed: more than " + ExactMoments.MAX_DENSE_MEAN + " lags");
        }
        rate.put("meanContractionPerStep", exact.meanRate());
        rate.put("secondMomentFactorPerStep", rho2);
        rate.put("secondMomentLogPerStep", Math.log(rho2));
        rate.put("secondMomentEtaMax", exact.secondMomentEtaMax());
        rate.put("theory", b.theory());
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> params = b.params();
        params.put("steps", steps);
        params.put("every", every);
        params.put("method", exact.supportLag() < 0 ? "closed geometric recursion"
                : "lag-augmented recursion, support 0.." + exact.supportLag());
        json.put("params", params);
        json.put("series", SeriesOutput.json(series, new double[0]));
        json.put("stationarySecondMoment", stationary);
        json.put("stationarySecondMomentPerCoordinate", perCoord);
        json.put("rate", rate);
        json.put("notes", notes);
        json.put("performance", Map.of("seconds", seconds, "stepsPerSecond", steps / seconds));
        output.print(spec.commandLine().getOut(), CommandOutput.of(json, SeriesOutput.csv(series, new double[0]),
                out -> {
                    SeriesPoint last = series.get(series.size() - 1);
                    out.printf(Locale.ROOT, "asgd moments: %s, eta %s, omega0 %s, %s%n", b.staleness.spec(),
                            model.eta, java.util.Arrays.toString(b.omega0), params.get("method"));
                    out.printf(Locale.ROOT, "  step %d: E|theta - theta*|^2 = %.6g, mean %s%n", last.step(),
                            last.secondMoment(), java.util.Arrays.toString(last.mean()));
                    out.printf(Locale.ROOT, "  stationary E|theta - theta*|^2 = %s%n", num(stationary));
                    out.printf(Locale.ROOT, "  per-step rates: mean %s, second moment %s (eta limit of the"
                            + " second moment %s)%n", num(exact.meanRate()), num(rho2),
                            num((Double) rate.get("secondMomentEtaMax")));
                    for (String note : notes) {
                        out.println("  note: " + note);
                    }
                }));
        return ExitCode.OK;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.6g", v);
    }
}
