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
}
