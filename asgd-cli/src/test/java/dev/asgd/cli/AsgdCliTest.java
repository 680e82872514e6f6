package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsgdCliTest {
    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: asgd").contains("rate").contains("Exit codes");
    }

    @Test
    void versionNamesTheProject() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("asgd ").doesNotContain("unknown");
    }

    @Test
    void noCommandIsInvalidInput() {
        CliRun r = CliRun.of();
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).startsWith("asgd: a command is required");
    }

    @Test
    void unknownCommandIsOneLine() {
        CliRun r = CliRun.of("ratez");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("ratez");
    }

    @Test
    void helpSubcommandShowsACommandsHelp() {
        CliRun r = CliRun.of("help", "rate");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--epsilon0");
    }

    /** The JIT rehearsal starts for train and tune on threads only: not for Spark, help or other commands. */
    @Test
    void rehearsesOnlyForTrainingInThisJvm() {
        assertThat(AsgdCli.trainsInThreads(new String[] {"train", "--data", "fashion-mnist"})).isTrue();
        assertThat(AsgdCli.trainsInThreads(new String[] {"tune", "--data", "x", "--target-loss", "1"})).isTrue();
        assertThat(AsgdCli.trainsInThreads(new String[] {"train", "--engine", "spark", "--data", "x"})).isFalse();
        assertThat(AsgdCli.trainsInThreads(new String[] {"train", "--engine=spark"})).isFalse();
        assertThat(AsgdCli.trainsInThreads(new String[] {"train", "--help"})).isFalse();
        assertThat(AsgdCli.trainsInThreads(new String[] {"rate", "--eta", "0.1"})).isFalse();
        assertThat(AsgdCli.trainsInThreads(new String[0])).isFalse();
    }
}
