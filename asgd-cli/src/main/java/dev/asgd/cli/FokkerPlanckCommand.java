package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.perturbation.Perturbation;
import dev.asgd.core.perturbation.Perturbations;
import dev.asgd.fokkerplanck.FokkerPlanckAnalysis;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.FokkerPlanckResult;
import dev.asgd.fokkerplanck.InitialCondition;
import dev.asgd.fokkerplanck.RunSettings;
import dev.asgd.theory.equilibrium.SmeEquilibrium;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd fokker-planck}: the PDE (2.4) of Theorem 3.2, solved by a Hermite-Galerkin method. */
@Command(name = "fokker-planck", header = "The Fokker-Planck equation (2.4): spectral gap, decay of ||h||^2, the effect of eps.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Solves the Fokker-Planck equation (2.4) of the SME in the weighted space of (3.4) "
            + "(Hermite-Galerkin, d = 1 or 2): the discrete spectrum and its gap, the steady state F (eps "
            + "!= 0), the decay of ||h||_*^2 = ||(g - F)/M||_*^2 and of the Lyapunov functional H (3.8), "
            + "the measured rate beside muSharp = min Re eig Q, the printed muPaper = 2 muSharp and mu - "
            + "epsilon, and a convergence study over the Hermite degree. --initial shifted (mean off) "
            + "shows the gap muSharp; --initial centred (mean right, covariance off) excites only the "
            + "degree-2 modes and shows the printed mu.",
            ""
        },
        footer = {"", "Examples:",
            "  asgd fokker-planck --eta 0.5 --kappa 0.5 --omega0 1 --sigma 3 --theta0 0.3",
            "  asgd fokker-planck --eta 0.5 --kappa 0.5 --omega0 1 --sigma 3 \\",
            "      --initial centred --format json",
            "  asgd fokker-planck --eta 0.2 --kappa 0.5 --omega0 1 --sigma 3 \\",
            "      --perturbation sin:0.2 --plot out",
            "  asgd fokker-planck --eta 0.5 --kappa 0.5 --omega0 1,1.5 --sigma 3 \\",
            "      --degree 12",
            "",
            "eps enters the theorem through epsilon = eps_0 C1. Assumption 3.1's ||eps . x||",
            "and ||eps . v|| over the phase space are infinite for any eps != 0 (x is",
            "unbounded at fixed theta), so eps_0 here is the finite part",
            "max(sup|eps|, d sup|eps'|) only."})
public class FokkerPlanckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--degree", paramLabel = "N",
            description = "Total Hermite degree N >= 2 (default: 32 for d = 1, 12 for d = 2).")
    Integer degree;

    @Option(names = "--initial", defaultValue = "shifted", paramLabel = "KIND",
            description = "Initial density: shifted (M moved to theta0, mean off), centred (mean right, covariance"
                    + " --variance-ratio times M's) or gaussian (--mean, --covariance) (default: ${DEFAULT-VALUE}).")
    String initial;

    @Option(names = "--variance-ratio", defaultValue = "0.5", paramLabel = "R",
            description = "Centred data: covariance R times the equilibrium's, 0 < R < 2 (default: ${DEFAULT-VALUE}).")
    double varianceRatio;

    @Option(names = "--mean", split = ",", paramLabel = "X,V",
            description = "Gaussian data: mean of (x, v) = (y, -omega0^2 theta - gamma y).")
    double[] mean;

    @Option(names = "--covariance", split = ",", paramLabel = "SXX,SXV,SVV",
            description = "Gaussian data: covariance of (x, v).")
    double[] covariance;

    @Option(names = "--time", paramLabel = "T",
            description = "Final SME time (default: 12 / spectral gap).")
    Double time;

    @Option(names = "--time-step", paramLabel = "DT",
            description = "Crank-Nicolson step (default: 0.02 / |lambda| of the decaying mode).")
    Double timeStep;

    @Option(names = "--points", defaultValue = "200", paramLabel = "N",
            description = "Points of the series (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--no-study", description = "Skip the convergence study over lower degrees.")
    boolean noStudy;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write PNG heatmaps of g(t, x, v) at a few times and the decay of ||h||^2 into DIR.")
    Path plot;

    @Mixin
    OutputOptions output;

    /** The note on the automatic start, printed after the run (null: none). */
    private String notice;

    @Override
    public Integer call() throws Exception {
        int d = model.requireOmega0().length;
        if (plot != null) {
            OutputPaths.requireWritableDirectory("plot", plot);
        }
        if (!"geometric".equals(model.staleness)) {
            throw new InvalidParameterException("staleness", model.staleness,
                    "geometric (the SME (2.2) behind (2.4) is derived for geometric staleness)");
        }
        Perturbation eps = Perturbations.parse(model.perturbation);
        double[] sigma = ModelOptions.perCoordinate(model.sigma, d, "sigma");
        int n = degree != null ? degree : FokkerPlanckProblem.defaultDegree(d);
        FokkerPlanckProblem problem = new FokkerPlanckProblem(model.eta, model.kappa, model.omega0, sigma, eps, n);
        if (points >= 2) {
            dev.asgd.core.Limits.requireDoubles("points", points, points * 60.0,
                    "series points (about 60 doubles each, as numbers, JSON and text)");
        }
        RunSettings settings = new RunSettings(time, timeStep, points, !noStudy, plot == null ? 0 : 4);
        // after every check: the start's notice is printed only for a run that goes ahead
        InitialCondition init = initialCondition(d);
        FokkerPlanckResult result;
        try (Progress progress = Progress.start("fokker-planck", 1000, "permille", output.quiet())) {
            result = FokkerPlanckAnalysis.run(problem, init, settings,
                    f -> progress.stepTo(Math.round(1000 * f)));
        }
        // printed once the run went ahead, so that a refused command prints its one error line only
        if (notice != null) {
            spec.commandLine().getErr().println(notice);
        }
        List<String> files;
        try {
            files = plot == null ? List.of() : FokkerPlanckPlots.write(result, plot);
        } catch (java.io.IOException e) {
            throw OutputPaths.error("plot", plot, e);
        }
        output.print(spec.commandLine().getOut(), new FokkerPlanckReport(result, files));
        return ExitCode.OK;
    }

    /**
     * The shift of the equilibrium: --theta0 when given; otherwise one equilibrium standard
     * deviation of Theta per coordinate, a start the default Hermite degree resolves (the shared
     * default theta0 = 1 lies tens of standard deviations out for small eta, where no truncated
     * expansion resolves it).
     */
    private double[] shift(int d) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--theta0")) {
            return ModelOptions.perCoordinate(model.theta0, d, "theta0");
        }
        double[] sigma = ModelOptions.perCoordinate(model.sigma, d, "sigma");
        double[] theta0 = SmeEquilibrium.thetaStandardDeviations(model.eta, model.kappa, model.omega0, sigma);
        if (!output.quiet()) {
            notice = "asgd fokker-planck: --theta0 not given: starting one equilibrium standard deviation out, theta0 = "
                    + java.util.Arrays.toString(theta0);
        }
        return theta0;
    }

    private InitialCondition initialCondition(int d) {
        switch (initial) {
            case "shifted":
                return new InitialCondition.Shifted(shift(d));
            case "centred":
            case "centered":
                return new InitialCondition.Centred(varianceRatio);
            case "gaussian":
                if (mean == null || mean.length != 2) {
                    throw new InvalidParameterException("mean", mean == null ? "(missing)" : java.util.Arrays.toString(mean),
                            "two values X,V with --initial gaussian");
                }
                if (covariance == null || covariance.length != 3) {
                    throw new InvalidParameterException("covariance",
                            covariance == null ? "(missing)" : java.util.Arrays.toString(covariance),
                            "three values SXX,SXV,SVV with --initial gaussian");
                }
                return new InitialCondition.Gaussian(new InitialCondition.PhaseGaussian(mean[0], mean[1],
                        covariance[0], covariance[1], covariance[2]));
            default:
                throw new InvalidParameterException("initial", initial, "shifted, centred or gaussian");
        }
    }
}
