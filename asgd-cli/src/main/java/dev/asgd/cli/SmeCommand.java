package dev.asgd.cli;

import dev.asgd.simulation.SeriesPoint;
import dev.asgd.simulation.sde.SchemeKind;
import dev.asgd.simulation.sde.SdeConfig;
import dev.asgd.simulation.sde.SdeEnsemble;
import dev.asgd.simulation.sde.SdeResult;
import dev.asgd.simulation.sde.SmeMoments;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd sme}: an ensemble of the stochastic modified equation (2.2). */
@Command(name = "sme", header = "Ensemble of the stochastic modified equation (2.2): em, splitting or exact scheme.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "An ensemble of N paths of the stochastic modified equation (2.2), dTheta = Y dt + tau dB, "
            + "dY = -grad f(Theta) dt - gamma Y dt, with the parameter map of asgd rate and Theta_0 = "
            + "theta_0, Y_0 = -sqrt(eta/(1-kappa)) grad f(theta_0), on the (optionally perturbed) "
            + "quadratic. Schemes: em (Euler-Maruyama, weak order 1), splitting (kick / exact "
            + "Ornstein-Uhlenbeck / kick, weak order 2) and exact (the Gaussian transition; unperturbed "
            + "quadratic only). Records sit on the ASGD step axis (step = t / deltaT, and time), in the "
            + "series shape of asgd simulate, so the two overlay. For the unperturbed quadratic the JSON "
            + "also carries the SME's exact moments (mean ODE, Lyapunov equation). Bit-identical for the "
            + "same --seed whatever --threads.",
            ""
        },
        footer = {"", "Example:",
            "  asgd sme --eta 0.01 --kappa 0.9 --omega0 1 --runs 100000 --steps 1000 \\",
            "      --format json"})
public class SmeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Option(names = "--scheme", defaultValue = "splitting", paramLabel = "SCHEME",
            description = "Integrator: em, splitting or exact (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--dt", paramLabel = "DT",
            description = "SME time step, 0 < DT <= deltaT (default: deltaT, one SME step per ASGD step); deltaT is"
                    + " split into ceil(deltaT / DT) equal steps.")
    Double dt;

    @Option(names = "--divergence-bound", defaultValue = "1e100", paramLabel = "B",
            description = "Stop with exit code 3 when a path has |Theta_i - theta*_i| > B or a non-finite value"
                    + " (default: ${DEFAULT-VALUE}).")
    double divergenceBound;

    @Option(names = "--quantiles", defaultValue = "0.05,0.25,0.5,0.75,0.95", split = ",", paramLabel = "P",
            description = "Levels of the quantiles of |Theta - theta*| (default: ${DEFAULT-VALUE}).")
    double[] quantiles;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SmeModel m = new SmeModel(model);
        SchemeKind kind = SchemeKind.parse(scheme);
        run.requireSizes(m.builder.d, quantiles == null ? 0 : quantiles.length, m.substeps(dt));
        SdeConfig config = new SdeConfig(m.problem, kind, m.substeps(dt), run.steps, run.every, run.runs, run.seed,
                run.threadCount(), divergenceBound, quantiles);
        SdeResult result;
        long total = (long) run.runs * run.steps * config.substeps();
        try (Progress progress = Progress.start("sme", total, "SME steps", output.quiet())) {
            result = SdeEnsemble.run(config, progress::stepTo);
        }
        List<SeriesPoint> exact = m.problem.linear() ? SmeMoments.series(m.problem, run.steps, run.every) : null;
        output.print(spec.commandLine().getOut(), new SmeReport(m, result, exact));
        return ExitCode.OK;
    }
}
