package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.integer;
import static dev.asgd.cli.JsonRequire.nullable;
import static dev.asgd.cli.JsonRequire.num;
import static dev.asgd.cli.JsonRequire.req;
import static dev.asgd.cli.JsonRequire.text;
import dev.asgd.report.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeriesCommandsTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AsgdCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void momentsJsonHasTheSeriesShapeAndTheStationaryMoment() throws IOException {
        JsonNode j = json(run("moments", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--steps", "200",
                "--every", "50", "--format", "json"));
        assertThat(req(j, "series")).hasSize(5);
        JsonNode last = req(j, "series").get(4);
        assertThat(integer(last, "step")).isEqualTo(200);
        assertThat(req(last, "mean")).hasSize(1);
        assertThat(num(last, "secondMoment")).isPositive();
        assertThat(nullable(last, "secondMomentStdErr").isNull()).isTrue();
        assertThat(num(j, "stationarySecondMoment")).isCloseTo(0.00548, within(5e-6));
        assertThat(num(j, "/rate/secondMomentFactorPerStep")).isBetween(0.0, 1.0);
        assertThat(num(j, "/rate/theory/meanContractionPerStep")).isCloseTo(
                num(j, "/rate/meanContractionPerStep"), within(1e-9));
        assertThat(text(j, "/params/method")).contains("geometric");
    }

    /**
     * simulate and moments agree to Monte Carlo error on every i.i.d. law: final-step second moment
     * and mean within 4.5 standard errors (seed 3, N = 8000, d = 1; false-failure rate below 1e-4
     * for the 10 comparisons; deterministic with the fixed seed).
     */
    @ParameterizedTest
    @ValueSource(strings = {"geometric", "fixed:3", "uniform:4", "poisson:1.5", "EMPIRICAL"})
    void simulateAgreesWithMoments(String law) throws IOException {
        String spec = law;
        if (law.equals("EMPIRICAL")) {
            spec = "empirical:" + Files.writeString(dir.resolve("obs.txt"), "0\n0\n1\n3\n3\n3\n");
        }
        String[] model = {"--eta", "0.05", "--kappa", "0.7", "--omega0", "1.5", "--sigma", "0.8", "--theta0", "2",
            "--staleness", spec, "--steps", "120", "--every", "40", "--format", "json"};
        JsonNode exact = json(run(concat(new String[] {"moments"}, model)));
        JsonNode mc = json(run(concat(new String[] {"simulate", "--runs", "8000", "--seed", "3", "--quiet"}, model)));
        JsonNode e = req(exact, "series").get(3);
        JsonNode m = req(mc, "series").get(3);
        double z2 = (num(m, "secondMoment") - num(e, "secondMoment"))
                / num(m, "secondMomentStdErr");
        double zm = (num(req(m, "mean"), 0) - num(req(e, "mean"), 0))
                / num(req(m, "meanStdErr"), 0);
        assertThat(Math.abs(z2)).as("second-moment z for %s, seed 3", law).isLessThan(4.5);
        assertThat(Math.abs(zm)).as("mean z for %s, seed 3", law).isLessThan(4.5);
        assertThat(num(mc, "/performance/memberStepsPerSecond")).isPositive();
        assertThat(num(mc, "stationarySecondMoment"))
                .isEqualTo(num(exact, "stationarySecondMoment"));
        assertThat(num(req(m, "quantilesAbsError"), "0.5")).isPositive();
    }

    @Test
    void simulateCsvHasAHeaderAndOneRowPerRecord() {
        Run r = run("simulate", "--eta", "0.05", "--omega0", "1,2", "--runs", "300", "--steps", "30", "--every", "10",
                "--quiet", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(5);
        int columns = lines[0].split(",", -1).length;
        assertThat(lines[0]).startsWith("step,mean_0,mean_1,");
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(columns);
        }
    }

    @Test
    void simulateTextWithAPerturbationAndTheQueue() {
        Run r = run("simulate", "--eta", "0.05", "--omega0", "1", "--runs", "300", "--steps", "200", "--quiet",
                "--staleness", "queue:4", "--perturbation", "sin:0.2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("E|theta - theta*|^2").contains("queue:4").contains("member-steps/s");
        Run m = run("moments", "--eta", "0.05", "--omega0", "1", "--staleness", "uniform:2", "--steps", "50");
        assertThat(m.code()).isZero();
        assertThat(m.out()).contains("stationary");
        Run c = run("moments", "--eta", "0.05", "--omega0", "1", "--steps", "50", "--format", "csv");
        assertThat(c.out()).startsWith("step,mean_0");
    }

    @Test
    void divergenceExitsWithThreeNamingStepAndChain() {
        Run r = run("simulate", "--eta", "5", "--omega0", "1", "--runs", "10", "--steps", "1000", "--quiet");
        assertThat(r.code()).isEqualTo(ExitCode.DIVERGED);
        assertThat(r.err()).contains("step").contains("chain").doesNotContain("Exception");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    private static List<String[]> invalid() {
        List<String[]> cases = new ArrayList<>();
        String[] base = {"--eta", "0.01", "--omega0", "1", "--steps", "10", "--quiet"};
        cases.add(concat(new String[] {"simulate", "--runs", "0"}, base));
        cases.add(concat(new String[] {"simulate", "--runs", "-5"}, base));
        cases.add(concat(new String[] {"simulate", "--kappa", "1.5"}, base));
        cases.add(concat(new String[] {"moments", "--kappa", "-0.1"}, base));
        cases.add(concat(new String[] {"simulate", "--staleness", "bogus:1"}, base));
        cases.add(concat(new String[] {"simulate", "--staleness", "fixed:-1"}, base));
        cases.add(concat(new String[] {"moments", "--staleness", "poisson:0"}, base));
        cases.add(concat(new String[] {"simulate", "--staleness", "empirical:/no/such/file"}, base));
        cases.add(concat(new String[] {"moments", "--staleness", "queue:4"}, base));
        cases.add(concat(new String[] {"moments", "--perturbation", "sin:0.1"}, base));
        cases.add(concat(new String[] {"simulate", "--perturbation", "wobble"}, base));
        cases.add(concat(new String[] {"simulate", "--every", "0"}, base));
        cases.add(concat(new String[] {"simulate", "--threads", "0"}, base));
        cases.add(concat(new String[] {"simulate", "--divergence-bound", "-1"}, base));
        cases.add(concat(new String[] {"simulate", "--quantiles", "1.5"}, base));
        cases.add(concat(new String[] {"simulate", "--confidence", "1"}, base));
        cases.add(concat(new String[] {"simulate", "--sigma", "1,2"}, base));
        cases.add(concat(new String[] {"moments", "--eta", "0"}, base));
        cases.add(concat(new String[] {"moments", "--omega0", "-1"}, base));
        cases.add(concat(new String[] {"moments", "--steps", "0"}, base));
        return cases;
    }

    @Test
    void everyInvalidInputExitsWithTwoAndOneLine() {
        for (String[] args : invalid()) {
            Run r = run(args);
            assertThat(r.code()).as("%s -> %s", String.join(" ", args), r.err()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }

    @Test
    void emptyAndMalformedEmpiricalFilesExitWithTwo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n# none\n");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1\nx\n");
        for (Path p : new Path[] {empty, bad}) {
            Run r = run("simulate", "--eta", "0.01", "--omega0", "1", "--staleness", "empirical:" + p, "--quiet");
            assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("--staleness");
        }
        Run q = run("moments", "--eta", "0.01", "--omega0", "1", "--staleness", "queue:4");
        assertThat(q.err()).contains("--staleness geometric --kappa 0.75");
    }

    /**
     * The paper's finite-sum setting from the command line: least squares on 400 synthetic rows, d = 3,
     * sampled gradients. The ensemble mean of an unbiased stochastic gradient follows the deterministic
     * recursion, which at K = 600 (eta 0.05, kappa 0.5) is within 1e-10 of theta*: every coordinate of
     * the final mean within 4.5 standard errors of theta* (seed 3, 4000 chains; false-failure rate
     * about 2e-5). The theory's omega0 are the square roots of the eigenvalues of A^T A / n.
     */
    @Test
    void simulateOnADataSetReachesTheLeastSquaresSolutionOnAverage() throws IOException {
        JsonNode j = json(run("simulate", "--eta", "0.05", "--kappa", "0.5", "--data",
                "synthetic:least-squares,n=400,d=3", "--theta0", "0", "--runs", "4000", "--steps", "600", "--every",
                "100", "--seed", "3", "--format", "json", "--quiet"));
        JsonNode params = req(j, "params");
        assertThat(integer(params, "rows")).isEqualTo(400);
        assertThat(req(params, "omega0")).hasSize(3);
        assertThat(text(params, "noise")).contains("finite-sum");
        JsonNode last = req(j, "series").get(req(j, "series").size() - 1);
        for (int i = 0; i < 3; i++) {
            double star = num(req(params, "thetaStar"), i);
            double se = num(req(last, "meanStdErr"), i);
            assertThat(se).isPositive();
            assertThat(num(req(last, "mean"), i)).isCloseTo(star, within(4.5 * se));
        }
        assertThat(nullable(req(j, "rate"), "exact").isNull()).isTrue();
        assertThat(num(req(req(j, "rate"), "theory"), "kappa")).isEqualTo(0.5);
    }

    @Test
    void dataSetMisuseExitsWithTwoAndOneLine() throws IOException {
        Path rankDeficient = Files.writeString(dir.resolve("rank.csv"), "1,1,2\n2,2,4\n3,3,6\n");
        String[][] cases = {
            {"simulate", "--eta", "0.05", "--data", "synthetic:least-squares", "--omega0", "1"},
            {"simulate", "--eta", "0.05", "--data", "synthetic:least-squares", "--sigma", "2"},
            {"simulate", "--eta", "0.05", "--data", "synthetic:least-squares", "--perturbation", "sin:0.1"},
            {"simulate", "--eta", "0.05", "--data", "csv:" + dir.resolve("missing.csv")},
            {"simulate", "--eta", "0.05", "--data", "csv:" + rankDeficient},
            {"simulate", "--eta", "0.05", "--data", "nonsense"},
            {"simulate", "--eta", "0.05", "--data", "synthetic:least-squares,n=50,d=3", "--theta0", "1,2"},
            {"simulate", "--eta", "0.05", "--data", "synthetic:least-squares,n=20000,d=500"},
            {"simulate", "--eta", "0.05"},
            {"moments", "--eta", "0.05", "--data", "synthetic:least-squares"},
            {"moments", "--eta", "0.05"},
            {"sme", "--eta", "0.05"},
            {"compare", "--eta", "0.05"},
            {"fokker-planck", "--eta", "0.05", "--kappa", "0.5"},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertThat(r.code()).as("%s -> %s", String.join(" ", args), r.err()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception");
        }
        assertThat(run("simulate", "--eta", "0.05").err()).contains("--omega0");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** --every defaults to 10, or to --steps when fewer; an explicit --every above --steps is refused. */
    @org.junit.jupiter.api.Test
    void theDefaultEveryFollowsFewSteps() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = AsgdCli.run(new String[] {"simulate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--steps", "5",
            "--runs", "100", "-q"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        org.assertj.core.api.Assertions.assertThat(code).as(err.toString()).isZero();
        code = AsgdCli.run(new String[] {"simulate", "--eta", "0.01", "--kappa", "0.9", "--omega0", "1", "--steps", "5",
            "--every", "10", "-q"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        org.assertj.core.api.Assertions.assertThat(code).isEqualTo(2);
    }
}
