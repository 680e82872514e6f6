package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.integer;
import static dev.asgd.cli.JsonRequire.nullable;
import static dev.asgd.cli.JsonRequire.num;
import static dev.asgd.cli.JsonRequire.req;
import static dev.asgd.cli.JsonRequire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.theory.DiscreteMeanRate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCommandTest {
    private static final String[] BASE = {"rate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1"};

    private static CliRun run(String... extra) {
        String[] args = new String[BASE.length + extra.length];
        System.arraycopy(BASE, 0, args, 0, BASE.length);
        System.arraycopy(extra, 0, args, BASE.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void jsonHasEveryKeyOfTheContract() {
        CliRun r = run("--format", "json", "--workers", "8", "--epsilon0", "1e-9");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        for (String key : List.of("deltaT", "gamma", "tau", "beta", "regime", "muPaper", "muSharp",
                "decayPerStepPaper", "decayPerStepSharp", "meanContractionPerStep", "exactDecayPerStep",
                "etaThreshold", "etaThresholdExact", "etaMax", "expectedStaleness", "constants", "lyapunov",
                "efficiency", "verdict", "params", "modes")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        for (String key : List.of("C", "Chat", "C1", "C2", "epsilon")) {
            assertThat(req(j, "constants").has(key)).as(key).isTrue();
        }
        for (String key : List.of("P", "K", "largestC")) {
            assertThat(req(j, "lyapunov").has(key)).as(key).isTrue();
        }
        assertThat(text(j, "regime")).isEqualTo("overdamped");
        assertThat(num(j, "gamma")).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(num(j, "beta")).isCloseTo(2000, within(1e-8));
        assertThat(num(j, "muPaper")).isCloseTo(2 * num(j, "muSharp"), within(1e-15));
        assertThat(num(j, "decayPerStepSharp"))
                .isCloseTo(2 * num(j, "muSharp") * num(j, "deltaT"), within(1e-15));
        assertThat(num(j, "exactDecayPerStep"))
                .isCloseTo(-2 * Math.log(num(j, "meanContractionPerStep")), within(1e-15));
        assertThat(num(j, "expectedStaleness")).isCloseTo(9, within(1e-12));
        assertThat(num(j, "etaMax")).isCloseTo(38, within(1e-12));
        assertThat(num(req(req(j, "lyapunov"), "P").get(0), 1)).isCloseTo(Math.sqrt(10) / 2, within(1e-14));
        assertThat(num(req(j, "lyapunov"), "largestC")).isCloseTo(num(j, "muPaper"), within(1e-9));
        assertThat(num(req(j, "efficiency"), "efficiencyPaper")).isCloseTo(0.8, within(1e-12));
        assertThat(num(req(j, "efficiency"), "queueModelKappa")).isCloseTo(0.875, within(1e-15));
        assertThat(num(req(req(j, "params"), "omega0"), 0)).isEqualTo(1);
    }

    @Test
    void kappaZeroIsDefined() {
        CliRun r = CliRun.of("rate", "--eta", "0.5", "--kappa", "0", "--omega0", "1", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(num(r.json(), "meanContractionPerStep")).isCloseTo(0.5, within(1e-15));
        assertThat(num(r.json(), "expectedStaleness")).isZero();
    }

    @Test
    void criticalPointIsDefined() {
        // eta = (1 - kappa) / (4 omega0^2) puts gamma at 2 omega0.
        CliRun r = CliRun.of("rate", "--eta", "0.025", "--kappa", "0.9", "--omega0", "1", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(text(j, "regime")).isEqualTo("critical");
        assertThat(num(j, "muSharp")).isCloseTo(1, within(1e-12));
        assertThat(num(req(j, "constants"), "criticalDelta")).isPositive();
        assertThat(req(req(j, "lyapunov"), "largestC").isNumber()).isTrue();
    }

    @Test
    void zeroNoiseWritesNullNotNaN() {
        CliRun r = CliRun.of("rate", "--eta", "0.1", "--kappa", "0.5", "--omega0", "1", "--sigma", "0", "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(nullable(r.json(), "beta").isNull()).isTrue();
        assertThat(nullable(req(r.json(), "constants"), "C1").isNull()).isTrue();
    }

    @Test
    void aListOfModesUsesTheSlowest() {
        CliRun r = CliRun.of("rate", "--eta", "0.01", "--kappa", "0.5", "--omega0", "2,0.5,1", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(req(j, "modes")).hasSize(3);
        assertThat(integer(j, "smeMode")).isEqualTo(1);
        assertThat(num(j, "etaThreshold")).isCloseTo(0.5 / (4 * 0.25), within(1e-15));
        assertThat(num(j, "etaMax")).isCloseTo(DiscreteMeanRate.etaMax(0.5, 2), within(1e-15));
    }

    @Test
    void textIsAReadableTableWithAVerdict() {
        CliRun r = run("--workers", "4", "--epsilon0", "1e-12");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("SME map (section 2)").contains("deltaT").contains("as printed (3.6)")
                .contains("sharp: min Re eig(Q)").contains("printed / sharp = 2").contains("E[tau] = kappa / (1 - kappa)")
                .contains("paper's 1/(1 - kappa)").contains("Remark 3.4").contains("Verdict: below the threshold");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void csvHasAHeaderAndOneRowPerMode() {
        CliRun r = CliRun.of("rate", "--eta", "0.01", "--kappa", "0.5", "--omega0", "1,2", "--sigma", "0", "--format",
                "csv");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        int columns = lines.get(0).split(",", -1).length;
        assertThat(lines.get(0)).startsWith("mode,omega0,eta,kappa");
        assertThat(lines.get(1).split(",", -1)).hasSize(columns);
        assertThat(lines.get(1)).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void rateHelpShowsDefaults() {
        CliRun r = CliRun.of("rate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--eta").contains("--kappa").contains("--omega0").contains("--workers")
                .contains("(default: text)").containsPattern("sigma >= 0 \\(default:\\s+1\\)").contains("text, json, csv");
    }

    /** One invalid input per row: exit code 2, one line naming the flag and the value, no stack trace. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--eta|0|--eta",
        "--eta|-1|--eta",
        "--eta|NaN|--eta",
        "--eta|Infinity|--eta",
        "--eta|abc|--eta",
        "--kappa|1|--kappa",
        "--kappa|1.5|--kappa",
        "--kappa|-0.1|--kappa",
        "--omega0|0|--omega0",
        "--omega0|1,,2|--omega0",
        "--omega0|1,x|--omega0",
        "--omega0|-1,1|--omega0",
        "--sigma|-1|--sigma",
        "--workers|0|--workers",
        "--epsilon0|-1|--epsilon0",
        "--format|xml|--format",
        "--frobnicate|1|--frobnicate"
    })
    void invalidInputIsOneLineWithExitCode2(String flag, String value, String named) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--eta", "0.01");
        options.put("--kappa", "0.5");
        options.put("--omega0", "1");
        options.put(flag, value);
        java.util.List<String> args = new java.util.ArrayList<>(List.of("rate"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(named).containsAnyOf(value, "''", "'x'", "[-1.0, 1.0]")
                .doesNotContain("Exception").doesNotContain("\tat ");
        if (flag.equals("--omega0")) {
            // picocli converts list entries one by one and names the entry that is not a number
            assertThat(r.err()).containsAnyOf("not a double", "entry 0 is ");
        }
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingRequiredOptionIsInvalidInput() {
        CliRun r = CliRun.of("rate", "--eta", "0.1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--kappa").contains("--omega0");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void messagesSayWhatIsAllowed() {
        assertThat(CliRun.of("rate", "--eta", "0.1", "--kappa", "1", "--omega0", "1").err())
                .isEqualTo("asgd rate: invalid --kappa = 1.0: allowed 0.0 <= kappa < 1.0\n");
        assertThat(CliRun.of("rate", "--eta", "-2", "--kappa", "0", "--omega0", "1").err())
                .isEqualTo("asgd rate: invalid --eta = -2.0: allowed eta > 0 and finite\n");
    }
}
