package dev.asgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real entry point in a separate JVM, so that System.exit's codes are what a shell sees. */
class ProcessExitCodeTest {
    private record Result(int code, String out, String err) {
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(AsgdCli.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void successExitsZero() throws Exception {
        Result r = java("rate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"muSharp\"");
    }

    @Test
    void invalidInputExitsTwoWithOneLine() throws Exception {
        Result r = java("rate", "--eta", "0.01", "--kappa", "2", "--omega0", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("asgd rate: invalid --kappa = 2.0: allowed 0.0 <= kappa < 1.0"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }
}
