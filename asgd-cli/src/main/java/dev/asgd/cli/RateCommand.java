package dev.asgd.cli;

import dev.asgd.core.ModelParameters;
import dev.asgd.core.Require;
import dev.asgd.theory.RateAnalysis;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd rate}: the closed-form theory for one parameter set. */
@Command(name = "rate", header = "How fast ASGD converges: the paper's rate as printed and sharp, and the exact discrete rate.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "The paper's closed-form theory, computed right: the SME map (section 2), Theorem 3.2's "
            + "decay rate as printed and sharp (min Re eig Q, half the printed value), the exact per-step "
            + "contraction of discrete ASGD's mean, the learning-rate thresholds of Remark 3.3, the "
            + "theorem's constants and Lyapunov certificate (4.5)-(4.7), and with --workers Remark 3.4's "
            + "ASGD-vs-SGD comparison.",
            ""
        },
        footer = {"", "Example:", "  asgd rate --eta 0.01 --kappa 0.9 --omega0 1 --workers 8",
            "  asgd rate --eta 0.05 --kappa 0.5 --omega0 0.5,1,2 --format json"})
public class RateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--eta", required = true, paramLabel = "ETA",
            description = "Learning rate eta > 0.")
    double eta;

    @Option(names = "--kappa", required = true, paramLabel = "KAPPA",
            description = "Staleness rate of the geometric staleness P(tau = l) = (1 - kappa) kappa^l, 0 <= kappa < 1.")
    double kappa;

    @Option(names = "--omega0", required = true, split = ",", paramLabel = "OMEGA",
            description = "Square root of the Hessian eigenvalue, or a comma list of them (a d-dimensional quadratic;"
                    + " the slowest mode decides).")
    double[] omega0;

    @Option(names = "--sigma", defaultValue = "1", paramLabel = "SIGMA",
            description = "Gradient-noise standard deviation sigma >= 0 (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--workers", paramLabel = "M",
            description = "Number of asynchronous workers m >= 1: adds Remark 3.4's comparison with SGD.")
    Integer workers;

    @Option(names = "--epsilon0", paramLabel = "EPS0",
            description = "Assumption 3.1's bound eps_0 >= 0 on the perturbation: adds epsilon = eps_0 C1.")
    Double epsilon0;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ModelParameters params = new ModelParameters(eta, kappa, omega0, sigma);
        if (!Double.isFinite((1 - kappa) / eta)) {
            throw new dev.asgd.core.InvalidParameterException("eta", eta, String.format(java.util.Locale.ROOT,
                    "eta >= %.3g at kappa = %s (smaller rates overflow the SME map: gamma = sqrt((1 - kappa) / eta)"
                            + " is infinite)", (1 - kappa) / Double.MAX_VALUE, kappa));
        }
        if (workers != null) {
            Require.atLeast(workers, 1, "workers");
        }
        RateAnalysis analysis = RateAnalysis.of(params, epsilon0 == null ? Double.NaN : epsilon0,
                workers == null ? 0 : workers);
        RateReport report = new RateReport(analysis);
        output.print(spec.commandLine().getOut(), report);
        return ExitCode.OK;
    }
}
