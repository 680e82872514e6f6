package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.simulation.compare.CompareConfig;
import dev.asgd.simulation.compare.Comparison;
import dev.asgd.simulation.compare.EtaSweep;
import dev.asgd.simulation.compare.SmeComparison;
import dev.asgd.simulation.sde.SchemeKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd compare}: how well the SME approximates discrete ASGD, measured. */
@Command(name = "compare", header = "Weak error of the SME against discrete ASGD, optionally swept over eta.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "How well the stochastic modified equation (2.2) approximates discrete ASGD (An, Lu and "
            + "Ying's claim, measured) for one parameter set: exact discrete moments (unperturbed "
            + "quadratic, i.i.d. staleness), Monte Carlo ASGD, and the SME (exact moments for the "
            + "unperturbed quadratic, an ensemble otherwise). Reports the SME's weak error of the mean "
            + "and of E|theta - theta*|^2 over the horizon and at stationarity, against the exact moments "
            + "where they exist (else the Monte Carlo), and says explicitly where the SME does not track "
            + "ASGD (ASGD's second moment diverging, eta omega0^2 not small, relative errors above "
            + "--tolerance). With --sweep-eta: the errors against eta over the same gradient-flow time "
            + "eta K, and their fitted orders (log-log slope with a confidence interval).",
            ""
        },
        footer = {"", "Examples:",
            "  asgd compare --eta 0.01 --kappa 0.9 --omega0 1",
            "  asgd compare --eta 0.01 --kappa 0.9 --omega0 1 \\",
            "      --sweep-eta 0.01,0.005,0.0025,0.00125,0.000625"})
public class CompareCommand implements Callable<Integer> {
    /** Most learning rates of --sweep-eta. */
    static final int MAX_SWEEP = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Option(names = "--scheme", defaultValue = "splitting", paramLabel = "SCHEME",
            description = "SME integrator for a perturbed loss: em, splitting or exact (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--dt", paramLabel = "DT",
            description = "SME time step for a perturbed loss, 0 < DT <= deltaT (default: deltaT).")
    Double dt;

    @Option(names = "--tolerance", defaultValue = "0.05", paramLabel = "TOL",
            description = "Largest relative weak error for which the SME is said to track ASGD (default:"
                    + " ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--sweep-eta", split = ",", paramLabel = "ETA",
            description = "Comma list of learning rates: the weak errors against eta, over the same eta K as"
                    + " --eta and --steps, and their fitted orders.")
    double[] sweepEta;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C",
            description = "Level of the orders' confidence intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--skip-monte-carlo",
            description = "Do not run the Monte Carlo ASGD ensemble when exact moments exist.")
    boolean skipMonteCarlo;

    @Option(names = "--divergence-bound", defaultValue = "1e100", paramLabel = "B",
            description = "Divergence bound of both ensembles (default: ${DEFAULT-VALUE}). A diverging ASGD"
                    + " ensemble is reported; a diverging SME ensemble exits with code 3.")
    double divergenceBound;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidParameterException("confidence", confidence, "0 < confidence < 1");
        }
        SmeModel m = new SmeModel(model);
        SchemeKind kind = SchemeKind.parse(scheme);
        run.requireSizes(m.builder.d, 0, m.substeps(dt));
        CompareConfig config = new CompareConfig(m.problem, m.builder.staleness, run.steps, run.every, run.runs,
                run.seed, run.threadCount(), kind, m.substeps(dt), divergenceBound, tolerance);
        if (sweepEta != null) {
            if (sweepEta.length < 1 || sweepEta.length > MAX_SWEEP) {
                throw new InvalidParameterException("sweep-eta", sweepEta.length + " values",
                        "1 to " + MAX_SWEEP + " learning rates (each runs a full comparison)");
            }
            double work = 0;
            for (double e : sweepEta) {
                CompareConfig c = config.atEta(e);
                SeriesOutput.requireRecords(c.steps(), c.every(), m.builder.d, 0);
                work += 2.0 * c.runs() * c.steps() * c.substeps();
            }
            if (work > dev.asgd.core.Limits.MAX_MEMBER_STEPS) {
                throw new InvalidParameterException("sweep-eta", sweepEta.length + " values",
                        "a sweep of at most " + dev.asgd.core.Limits.sci(dev.asgd.core.Limits.MAX_MEMBER_STEPS)
                                + " member-steps (runs x steps x eta / ETA per value, ASGD and SME; this is "
                                + dev.asgd.core.Limits.sci(work) + ")");
            }
        }
        long total = SmeComparison.work(config, !skipMonteCarlo);
        Comparison single;
        try (Progress progress = Progress.start("compare", Math.max(1, total), "member-steps", output.quiet())) {
            single = SmeComparison.run(config, !skipMonteCarlo, progress::stepTo);
        }
        single.requireFiniteSme();
        EtaSweep sweep = null;
        if (sweepEta != null) {
            try (Progress progress = Progress.start("sweep", sweepEta.length, "learning rates", output.quiet())) {
                sweep = EtaSweep.run(config, sweepEta, confidence, progress::stepTo);
            }
        }
        output.print(spec.commandLine().getOut(), new CompareReport(m, single, sweep));
        return ExitCode.OK;
    }
}
