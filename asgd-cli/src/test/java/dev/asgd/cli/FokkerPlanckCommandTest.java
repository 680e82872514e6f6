package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.integer;
import static dev.asgd.cli.JsonRequire.num;
import static dev.asgd.cli.JsonRequire.req;
import static dev.asgd.cli.JsonRequire.text;
import dev.asgd.report.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FokkerPlanckCommandTest {
    private static final String[] BASE = {"fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1",
        "--sigma", "3", "--degree", "16", "--points", "40", "--quiet"};

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] with(String... extra) {
        String[] a = new String[BASE.length + extra.length];
        System.arraycopy(BASE, 0, a, 0, BASE.length);
        System.arraycopy(extra, 0, a, BASE.length, extra.length);
        return a;
    }

    @Test
    void shiftedDataShowTheSharpRateAndTheFactorTwo() throws Exception {
        Run r = run(with("--format", "json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        double sharp = num(j, "muSharp");
        assertThat(num(j, "spectralGap")).isCloseTo(sharp, within(1e-12));
        assertThat(integer(j, "gapDegree")).isEqualTo(1);
        assertThat(num(j, "measuredRate")).isCloseTo(sharp, within(1e-3 * sharp));
        assertThat(num(j, "printedOverSharp")).isCloseTo(2, within(1e-12));
        assertThat(num(j, "degree2Rate")).isCloseTo(num(j, "muPaper"), within(1e-9));
        assertThat(num(j, "epsilon")).isZero();
        JsonNode series = req(j, "series");
        assertThat(series).hasSize(40);
        JsonNode last = series.get(39);
        assertThat(num(last, "step")).isCloseTo(num(last, "time") / num(j, "deltaT"),
                within(1e-9));
        assertThat(num(last, "hNormSq")).isLessThan(num(series.get(0), "hNormSq"));
        assertThat(num(last, "lyapunovH")).isPositive();
        assertThat(req(j, "convergence").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void centredDataAttainThePrintedRate() throws Exception {
        Run r = run(with("--format", "json", "--initial", "centred", "--no-study"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(num(j, "measuredRate")).isCloseTo(num(j, "muPaper"), within(1e-3));
        assertThat(text(j, "printedRateAttained")).startsWith("printed mu");
    }

    @Test
    void perturbedRunReportsEpsilonAndTheSteadyState() throws Exception {
        Run r = run("fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1", "--sigma", "3", "--theta0", "0.3",
                "--degree", "12", "--points", "20", "--perturbation", "sin:0.2", "--no-study", "--format", "json", "-q");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(num(j, "epsilon")).isPositive();
        assertThat(text(j, "epsilonCaveat")).contains("infinite");
        assertThat(num(j, "measuredRate")).isGreaterThanOrEqualTo(num(j, "muSharpMinusEpsilon"));
        assertThat(text(j, "gapMethod")).isEqualTo("arnoldi");
        assertThat(num(j, "steadyStateResidual")).isLessThan(1e-10);
    }

    @Test
    void twoDimensions() throws Exception {
        Run r = run("fokker-planck", "--eta", "0.5", "--kappa", "0.5", "--omega0", "1,1.5", "--sigma", "3",
                "--degree", "8", "--initial", "centred", "--variance-ratio", "0.8", "--no-study",
                "--points", "10", "--format", "json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(integer(j, "dimension")).isEqualTo(2);
        assertThat(integer(j, "unknowns")).isEqualTo(495);
        assertThat(num(j, "spectralGap")).isCloseTo(num(j, "muSharp"), within(1e-12));
    }

    @Test
    void csvSeriesAndText() {
        Run csv = run(with("--format", "csv", "--no-study"));
        assertThat(csv.code()).isZero();
        assertThat(csv.out()).startsWith("time,step,hNormSq,lyapunovH\n");
        assertThat(csv.out().split("\n")).hasSize(41);
        Run text = run(with("--no-study", "--initial", "gaussian", "--mean", "0.3,0", "--covariance", "2,0.1,2"));
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("spectral gap").contains("printed / sharp = 2");
    }

    @Test
    void plotWritesHeatmaps(@TempDir Path dir) {
        Run r = run(with("--no-study", "--plot", dir.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("fokker-planck-density-0.png")).exists();
        assertThat(dir.resolve("fokker-planck-density-3.png")).exists();
        assertThat(dir.resolve("fokker-planck-decay.png")).exists();
        assertThat(r.out()).contains("wrote");
    }

    /** Each bad value exits with 2 and one line naming the flag (an unresolvable theta0 names --degree). */
    @ParameterizedTest
    @CsvSource({"--degree=1, --degree", "--degree=100000, --degree", "--perturbation=wobble:1, --perturbation",
        "--staleness=fixed:3, --staleness", "--initial=sideways, --initial", "--variance-ratio=3, --variance-ratio",
        "--sigma=0, --sigma", "--theta0=40, --degree", "--time-step=-1, --time-step", "--points=1, --points"})
    void badInputExitsWithTwo(String bad, String flag) {
        String[] args = with(bad.startsWith("--variance") ? "--initial=centred" : "--initial=shifted", bad);
        Run r = run(args);
        assertThat(r.code()).as("%s: %s", bad, r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().trim().split("\n")).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(flag);
    }

    @Test
    void threeDimensionsAreRefused() {
        Run r = run("fokker-planck", "--eta", "0.5", "--omega0", "1,1,1", "--quiet");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--omega0");
    }
}
