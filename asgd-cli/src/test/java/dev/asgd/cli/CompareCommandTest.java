package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.bool;
import static dev.asgd.cli.JsonRequire.integer;
import static dev.asgd.cli.JsonRequire.nullable;
import static dev.asgd.cli.JsonRequire.num;
import static dev.asgd.cli.JsonRequire.req;
import static dev.asgd.cli.JsonRequire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompareCommandTest {

    /**
     * The paper's regime: the SME tracks ASGD, its stationary second moment 0.00550 against ASGD's
     * exact 0.00548 (THEORY-NOTES section 2), the Monte Carlo agrees with the exact moments (max |z|
     * below 4.5 over 21 records x 2 values, seed 1, N = 2000; false-failure rate about 3e-4), and the
     * sweep's errors shrink at order 1 (mean) and 2 (absolute stationary).
     */
    @Test
    void papersRegimeTracksAndTheSweepFitsOrders() {
        CliRun r = CliRun.of("compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--steps", "1000",
                "--every", "50", "--runs", "2000", "--quiet", "--format", "json", "--sweep-eta",
                "0.005,0.0025,0.00125,0.000625");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(bool(j, "/verdict/tracks")).isTrue();
        assertThat(num(j, "/stationary/sme")).isCloseTo(0.00550, within(1e-7));
        assertThat(num(j, "/stationary/asgd")).isCloseTo(0.00548, within(5e-6));
        assertThat(num(j, "/asgd/monteCarloVsExactMaxAbsZ")).as("seed 1").isLessThan(4.5);
        assertThat(num(j, "/weakError/mean/relative")).isLessThan(0.005);
        assertThat(req(j, "/series/exactAsgd")).hasSize(21);
        assertThat(req(j, "/series/monteCarloAsgd")).hasSize(21);
        assertThat(num(j, "/series/sme/20/time")).isCloseTo(1000 * Math.sqrt(0.001), within(1e-12));
        assertThat(req(j, "/sweep/rows")).hasSize(4);
        assertThat(integer(j, "/sweep/rows/3/steps")).isEqualTo(16_000);
        assertThat(num(j, "/sweep/orders/meanError/order")).isCloseTo(1, within(0.1));
        assertThat(num(j, "/sweep/orders/stationaryAbsoluteError/order")).isCloseTo(2, within(0.15));
        assertThat(num(j, "/sweep/orders/meanError/low")).isLessThan(
                num(j, "/sweep/orders/meanError/high"));
    }

    @Test
    void largeEtaSaysTheSmeDoesNotTrack() {
        CliRun r = CliRun.of("compare", "--eta", "1", "--kappa", "0.9", "--omega0", "1", "--steps", "200",
                "--skip-monte-carlo", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("does NOT track").contains("diverges").contains("stability limit")
                .contains("not small");
        CliRun j = CliRun.of("compare", "--eta", "1", "--kappa", "0.9", "--omega0", "1", "--steps", "200",
                "--skip-monte-carlo", "--quiet", "--format", "json");
        assertThat(bool(j.json(), "/verdict/tracks")).isFalse();
        assertThat(nullable(j.json(), "stationary").isNull()).isTrue();
        assertThat(nullable(j.json(), "/series/monteCarloAsgd").isNull()).isTrue();
    }

    @Test
    void textShowsTheSweepTableAndCsvItsRows() {
        String[] a = {"compare", "--eta", "0.02", "--kappa", "0.5", "--omega0", "1", "--steps", "100", "--every", "10",
            "--skip-monte-carlo", "--quiet", "--sweep-eta", "0.5,0.02,0.01"};
        CliRun t = CliRun.of(a);
        assertThat(t.out()).contains("eta sweep").contains("fitted order of the mean error").contains("NO")
                .contains("verdict: the SME tracks ASGD");
        String[] csv = java.util.Arrays.copyOf(a, a.length + 2);
        csv[a.length] = "--format";
        csv[a.length + 1] = "csv";
        String out = CliRun.of(csv).out();
        assertThat(out.lines().findFirst().orElseThrow()).startsWith("eta,steps,etaOmega2,meanError");
        assertThat(out.lines().count()).isEqualTo(4);
    }

    @Test
    void csvIsTheThreeSeriesInLongForm() {
        CliRun r = CliRun.of("compare", "--eta", "0.02", "--kappa", "0.5", "--omega0", "1,2", "--steps", "100",
                "--every", "50", "--runs", "300", "--quiet", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo(
                "source,step,time,mean_0,mean_1,meanStdErr_0,meanStdErr_1,secondMoment,secondMomentStdErr");
        assertThat(r.out()).contains("exactAsgd,100").contains("monteCarloAsgd,100").contains("sme,100");
        assertThat(r.out().lines().count()).isEqualTo(10);
    }

    /** A perturbed loss: two ensembles (seeds 4 and 5, N = 1500), errors with standard errors. */
    @Test
    void perturbedLossComparesEnsembles() {
        CliRun r = CliRun.of("compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--perturbation",
                "sin:0.3,2", "--steps", "200", "--every", "20", "--runs", "1500", "--seed", "4", "--quiet",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(text(j, "reference")).isEqualTo("Monte Carlo ASGD");
        assertThat(nullable(j, "/series/exactAsgd").isNull()).isTrue();
        assertThat(num(j, "/weakError/mean/stdErr")).isPositive();
        assertThat(text(j, "/sme/source")).contains("ensemble");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--tolerance|1.5|--tolerance",
        "--sweep-eta|0.01,-1|--sweep-eta",
        "--confidence|1|--confidence",
        "--staleness|uniform:2|--staleness",
        "--scheme|heun|--scheme"})
    void invalidInputExitsWithTwo(String flag, String value, String named) {
        CliRun r = CliRun.of("compare", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--steps", "10",
                "--runs", "10", "--quiet", flag, value);
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip()).contains(named).doesNotContain("\n");
    }
}
