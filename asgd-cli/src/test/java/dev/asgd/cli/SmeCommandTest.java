package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.integer;
import static dev.asgd.cli.JsonRequire.nullable;
import static dev.asgd.cli.JsonRequire.num;
import static dev.asgd.cli.JsonRequire.req;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmeCommandTest {
    private static final String[] MODEL = {"--eta", "0.01", "--kappa", "0.9", "--omega0", "1,2", "--sigma", "1,0.5",
        "--theta0", "1,-1", "--steps", "200", "--every", "50", "--quiet"};

    private static String[] args(String... extra) {
        String[] a = new String[MODEL.length + extra.length + 1];
        a[0] = "sme";
        System.arraycopy(MODEL, 0, a, 1, MODEL.length);
        System.arraycopy(extra, 0, a, 1 + MODEL.length, extra.length);
        return a;
    }

    /**
     * The ensemble (splitting, dt = deltaT / 2) against the exact SME moments it prints: largest |z|
     * over 4 records x 3 values below 4.5 (seed 2, N = 4000; per-comparison false-failure rate
     * 7e-6, below 1e-4 in all). Also the shared series shape, on the ASGD step axis with time.
     */
    @Test
    void jsonCarriesTheSeriesOnTheStepAxisAndTheExactMoments() {
        CliRun r = CliRun.of(args("--runs", "4000", "--seed", "2", "--dt", "0.016", "--format", "json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        double deltaT = Math.sqrt(0.01 * 0.1);
        assertThat(num(j, "/sme/deltaT")).isCloseTo(deltaT, within(1e-15));
        assertThat(integer(j, "/params/substeps")).isEqualTo(2);
        assertThat(num(j, "/sme/y0/0")).isCloseTo(-Math.sqrt(0.1), within(1e-12));
        JsonNode series = req(j, "series");
        assertThat(series).hasSize(5);
        JsonNode last = series.get(4);
        assertThat(integer(last, "step")).isEqualTo(200);
        assertThat(num(last, "time")).isCloseTo(200 * deltaT, within(1e-12));
        assertThat(req(last, "mean")).hasSize(2);
        assertThat(req(last, "quantilesAbsError").size()).isEqualTo(5);
        assertThat(req(j, "/exact/series")).hasSize(5);
        assertThat(num(j, "/exact/ensembleMaxAbsZ")).as("seed 2").isLessThan(4.5);
        assertThat(num(j, "/exact/stationarySecondMomentPerCoordinate/0")).isCloseTo(0.0055, within(1e-9));
        assertThat(num(j, "/exact/stationaryCovariance/0/0/1")).isNegative();
        assertThat(num(j, "/performance/smeStepsPerSecond")).isPositive();
    }

    @Test
    void seriesOverlaysAsgdSimulate() {
        JsonNode sme = CliRun.of(args("--runs", "300", "--format", "json")).json();
        String[] sim = args("--runs", "300", "--format", "json");
        sim[0] = "simulate";
        JsonNode asgd = CliRun.of(sim).json();
        assertThat(req(sme, "series")).hasSameSizeAs(req(asgd, "series"));
        for (int i = 0; i < req(sme, "series").size(); i++) {
            assertThat(req(req(sme, "series").get(i), "step")).isEqualTo(req(req(asgd, "series").get(i), "step"));
        }
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        String one = CliRun.of(args("--runs", "600", "--threads", "1", "--format", "csv")).out();
        String three = CliRun.of(args("--runs", "600", "--threads", "3", "--format", "csv")).out();
        assertThat(three).isEqualTo(one);
        assertThat(one.lines().findFirst().orElseThrow()).startsWith("step,time,mean_0,mean_1");
        assertThat(one.lines().count()).isEqualTo(6);
    }

    @Test
    void perturbedLossHasNoExactMomentsAndTextSummarises() {
        CliRun r = CliRun.of(args("--runs", "300", "--perturbation", "sin:0.3,2", "--scheme", "em", "--format",
                "json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(nullable(r.json(), "exact").isNull()).isTrue();
        assertThat(integer(r.json(), "/sme/schemeWeakOrder")).isEqualTo(1);
        CliRun t = CliRun.of(args("--runs", "300", "--scheme", "exact"));
        assertThat(t.out()).contains("asgd sme: 300 paths").contains("exact SME at step 200").contains("SME steps/s");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--scheme|rk4|--scheme",
        "--dt|1|--dt",
        "--dt|0|--dt",
        "--staleness|fixed:2|--staleness",
        "--runs|0|--runs",
        "--quantiles|2|--quantiles"})
    void invalidInputExitsWithTwo(String flag, String value, String named) {
        CliRun r = CliRun.of(args("--runs", "10", flag, value));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip()).contains(named).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void exactSamplingOfAPerturbedLossIsInvalidInput() {
        CliRun r = CliRun.of(args("--perturbation", "tanh:0.1", "--scheme", "exact"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--scheme");
    }

    @Test
    void divergenceExitsWithThree() {
        CliRun r = CliRun.of("sme", "--eta", "0.5", "--kappa", "0", "--omega0", "30", "--scheme", "em", "--runs", "10",
                "--divergence-bound", "1e6", "--quiet");
        assertThat(r.exitCode()).isEqualTo(ExitCode.DIVERGED);
        assertThat(r.err()).contains("step").contains("chain");
    }
}
