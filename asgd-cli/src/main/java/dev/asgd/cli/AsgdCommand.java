package dev.asgd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code asgd} command: lists the subcommands. */
@Command(name = "asgd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Predicts, simulates and runs asynchronous stochastic gradient descent (ASGD), and checks "
            + "the theory of Zhu & Ying, \"A Sharp Convergence Rate for the Asynchronous Stochastic "
            + "Gradient Descent\", against the run. Start with: asgd reproduce --quick",
            ""
        },
        footer = {"", "Exit codes: 0 success, 2 invalid input, 3 numerical divergence, 1 anything else.",
            "Run 'asgd COMMAND --help' for a command's options."},
        subcommands = {
            RateCommand.class,
            MomentsCommand.class,
            SimulateCommand.class,
            SmeCommand.class,
            CompareCommand.class,
            FokkerPlanckCommand.class,
            TrainCommand.class,
            TuneCommand.class,
            ReproduceCommand.class,
            CommandLine.HelpCommand.class
        })
public class AsgdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("asgd: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT;
    }
}
