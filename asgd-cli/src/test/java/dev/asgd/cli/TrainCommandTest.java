package dev.asgd.cli;

import static dev.asgd.cli.JsonRequire.bool;
import static dev.asgd.cli.JsonRequire.integer;
import static dev.asgd.cli.JsonRequire.integerValue;
import static dev.asgd.cli.JsonRequire.num;
import static dev.asgd.cli.JsonRequire.req;
import static dev.asgd.cli.JsonRequire.text;
import dev.asgd.report.json.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private static final String LS = "synthetic:least-squares,n=2000,d=5";

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> a = new ArrayList<>(List.of("train", "-q"));
        a.addAll(List.of(args));
        int code = AsgdCli.run(a.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasSeriesStalenessFitAndTheory() throws Exception {
        Run r = run("--data", LS, "--updates", "2000", "--eta", "0.01", "--format", "json", "--worker-delay", "exp:0.01");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(integer(j, "updates")).isEqualTo(2000);
        assertThat(req(j, "series").size()).isEqualTo(51);
        assertThat(integer(req(j, "series").get(50), "step")).isEqualTo(2000);
        assertThat(req(j, "/staleness/geometricFit/kappa").isNumber()).isTrue();
        assertThat(num(j, "/theory/geometric/decayPerUpdate")).isPositive();
        assertThat(num(j, "/theory/measuredLaw/decayPerUpdate")).isPositive();
        assertThat(num(j, "/theory/measuredLaw/meanSquareEdge"))
                .isLessThanOrEqualTo(num(j, "/theory/measuredLaw/meanEdge"));
        assertThat(num(j, "/theory/replayEdge/edge")).isPositive();
        assertThat(req(j, "/theory/predictedCurve").size()).isEqualTo(51);
        assertThat(req(j, "/theory/measured/decayPerUpdate").isNumber()).isTrue();
        assertThat(text(j, "/params/problem")).isEqualTo("least-squares");
        long sum = 0;
        for (JsonNode n : req(j, "/staleness/histogram")) {
            sum += integerValue(n, "a histogram count");
        }
        assertThat(sum).isEqualTo(2000);
    }

    /** The example at eta 0.45: the loss passes 1e6 x its initial value and the run stops with exit 3. */
    @Test
    void aDivergentRunExitsWithThreeNamingTheUpdateAndWorker() {
        Run r = run("--data", LS, "--workers", "4", "--worker-delay", "exp:0.05", "--eta", "3", "--updates", "4000");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().strip()).matches("asgd train: diverged at step \\d+, worker \\d: .*--divergence-factor.*")
                .doesNotContain("\n");
        assertThat(r.out()).doesNotContain("contracts");
        Run bad = run("--data", LS, "--divergence-factor", "5");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--divergence-factor");
    }

    @Test
    void whatIfReplaysTheRunsInterleavingAtOtherRates(@TempDir Path dir) throws Exception {
        String s = dir.resolve("s.csv").toString();
        Run a = run("--data", LS, "--updates", "800", "--workers", "3", "--eta", "0.05", "--format", "json",
                "--record-schedule", s, "--what-if-eta", "0.05,0.2,5", "--no-replay-edge", "--plot", dir.toString());
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode j = Json.mapper().readTree(a.out());
        JsonNode w = req(j, "whatIf");
        assertThat(w.size()).isEqualTo(3);
        // at the recorded rate the replay is the run itself
        assertThat(num(w.get(0), "finalTrainLoss")).isEqualTo(num(j, "/final/trainLoss"));
        assertThat(bool(w.get(2), "diverged")).isTrue();
        assertThat(integer(w.get(2), "divergedAt")).isPositive();
        assertThat(dir.resolve("what-if.png")).exists();
        // --replay at another eta is the same interleaving at that rate: equal to the what-if row
        Run b = run("--data", LS, "--updates", "800", "--workers", "3", "--replay", s, "--eta", "0.2", "--format", "json",
                "--no-replay-edge");
        assertThat(b.code()).as(b.err()).isZero();
        JsonNode jb = Json.mapper().readTree(b.out());
        assertThat(bool(jb, "counterfactualReplay")).isTrue();
        assertThat(num(jb, "/final/trainLoss")).isEqualTo(num(w.get(1), "finalTrainLoss"));
    }

    @Test
    void sweepEtaMeasuresTheEdgeBesideThePredictions(@TempDir Path dir) throws Exception {
        Run r = run("--data", "synthetic:least-squares,n=2000,d=4,seed=2", "--updates", "500", "--workers", "2",
                "--sweep-eta", "0.02,0.2,3", "--repeats", "2", "--find-edge", "--edge-tolerance", "0.2", "--format",
                "json", "--plot", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(num(j, "/edges/measured")).isPositive();
        assertThat(num(j, "/edges/measuredLawMeanSquare")).isPositive();
        assertThat(num(j, "/edges/replay/edge")).isPositive();
        assertThat(req(j, "points").size()).isGreaterThanOrEqualTo(3);
        assertThat(req(req(j, "points").get(0), "runs").size()).isEqualTo(2);
        assertThat(dir.resolve("edge-sweep.png")).exists();
        Run csv = run("--data", "synthetic:least-squares,n=2000,d=4,seed=2", "--updates", "300", "--sweep-eta", "0.05",
                "--repeats", "1", "--format", "csv", "--no-replay-edge");
        assertThat(csv.out().split("\n")[0]).startsWith("eta,measuredDecay,");
        Run bad = run("--data", "synthetic:least-squares,n=500,d=45", "--sweep-eta", "0.1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--sweep-eta");
    }

    /**
     * Logistic regression: the theory of the run from the local quadratic model at theta*, labelled
     * as the late phase (text and JSON), and an edge sweep with the late-loss criterion.
     */
    @Test
    void logisticRunsGetTheLocalModelsLatePhaseTheory() throws Exception {
        Run text = run("--data", "synthetic:logistic,n=2000,d=4,seed=2", "--updates", "600", "--workers", "2",
                "--eta", "0.5", "--eval-every", "5");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("local quadratic model at theta*: the late phase")
                .contains("measured law, i.i.d., sampled minibatch noise").contains("paper: geometric law");
        Run json = run("--data", "synthetic:logistic,n=2000,d=4,seed=2", "--updates", "600", "--workers", "1",
                "--eta", "0.5", "--eval-every", "5", "--format", "json");
        JsonNode j = Json.mapper().readTree(json.out());
        assertThat(req(j, "/theory/phase").asText()).isEqualTo("local quadratic model at theta*: the late phase");
        assertThat(num(j, "/theory/measuredLaw/meanSquareEdge")).isPositive();
        Run sweep = run("--data", "synthetic:logistic,n=2000,d=4,seed=2", "--updates", "400", "--workers", "1",
                "--eval-every", "20", "--sweep-eta", "0.5,50", "--repeats", "1", "--find-edge", "--edge-tolerance",
                "0.5");
        assertThat(sweep.code()).as(sweep.err()).isZero();
        assertThat(sweep.out()).contains("predictions: local quadratic model at theta*: the late phase")
                .contains("ends no better than it started").contains("measured (real runs)");
        Run wide = run("--data", "synthetic:logistic,n=500,d=45,seed=2", "--updates", "100", "--workers", "1");
        assertThat(wide.code()).as(wide.err()).isZero();
        assertThat(wide.out()).contains("in the top 16 Hessian eigendirections").contains("16 of 46 directions");
    }

    /** Softmax: the subspace model in text and JSON, and a sweep with the model's late-loss edge. */
    @Test
    void softmaxRunsGetTheSubspaceModel() throws Exception {
        Run json = run("--data", "synthetic:softmax,n=1000,d=3,classes=3,seed=2", "--problem", "softmax", "--updates",
                "300", "--workers", "1", "--eta", "0.5", "--eval-every", "10", "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode j = Json.mapper().readTree(json.out());
        assertThat(req(j, "/theory/phase").asText()).contains("top 8 Hessian eigendirections");
        assertThat(num(j, "/theory/subspace/directions")).isEqualTo(8);
        assertThat(num(j, "/theory/subspace/parameters")).isEqualTo(12);
        // the dynamics' late-loss edge: finite where the quadratic model's stationary loss is not (bounded gradients)
        assertThat(num(j, "/theory/dynamicsLateLossEdge")).isPositive().isLessThan(1e6);
        Run sweep = run("--data", "synthetic:softmax,n=1000,d=3,classes=3,seed=2", "--problem", "softmax", "--updates",
                "300", "--workers", "1", "--eval-every", "20", "--sweep-eta", "0.5,100", "--repeats", "1");
        assertThat(sweep.code()).as(sweep.err()).isZero();
        assertThat(sweep.out()).contains("measured law: stationary loss = initial loss")
                .contains("exact loss, model's directions: late loss")
                .contains("ends no better than it started");
    }

    /**
     * --theory: auto skips the subspace model of a large softmax problem (2010 parameters x 16000 rows) with a
     * note naming --theory full; none sets no theory beside a least-squares run; another value is exit 2.
     */
    @Test
    void theTheoryOptionChoosesTheModels() throws Exception {
        Run big = run("--data", "synthetic:softmax,n=20000,d=200,classes=10,seed=2", "--problem", "softmax",
                "--updates", "50", "--workers", "1", "--format", "json");
        assertThat(big.code()).as(big.err()).isZero();
        assertThat(big.out()).contains("not computed").contains("--theory full");
        assertThat(Json.mapper().readTree(big.out()).has("theory")).isFalse();
        Run none = run("--data", "synthetic:least-squares,n=500,d=5", "--updates", "50", "--workers", "1",
                "--theory", "none", "--format", "json");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(Json.mapper().readTree(none.out()).has("theory")).isFalse();
        Run bad = run("--data", "synthetic:least-squares,n=500,d=5", "--updates", "50", "--theory", "most");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--theory").contains("auto, full or none");
    }

    /** Every misuse of the new flags is refused before training (a run of 1e8 updates), naming the flag. */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void theTheoryFlagsAreCheckedBeforeTraining() {
        String[][] cases = {
            {"--repeats", "2"},
            {"--find-edge"},
            {"--sweep-eta", "0.1", "--eta", "0.1"},
            {"--sweep-eta", "0.1", "--lr-policy", "scaled"},
            {"--sweep-eta", "0,0.1"},
            {"--what-if-eta", "0.1", "--mode", "hogwild"},
            {"--what-if-eta", "-1"},
        };
        String[] flags = {"--repeats", "--find-edge", "--eta", "--lr-policy", "--sweep-eta", "--what-if-eta",
            "--what-if-eta"};
        for (int i = 0; i < cases.length; i++) {
            List<String> a = new ArrayList<>(List.of("--data", LS, "--updates", "100000000"));
            a.addAll(List.of(cases[i]));
            Run r = run(a.toArray(new String[0]));
            assertThat(r.code()).as(String.join(" ", cases[i]) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains(flags[i]).doesNotContain("Exception");
        }
    }

    /** A constant column makes the Hessian singular: the run reports the paper's model and says why. */
    @Test
    void aSingularHessianFallsBackToThePapersModel(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        StringBuilder b = new StringBuilder();
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 400; i++) {
            double x = rnd.nextGaussian();
            b.append(2 * x + 0.1 * rnd.nextGaussian()).append(',').append(x).append(',').append(x).append('\n');
        }
        Files.writeString(csv, b.toString());
        Run r = run("--data", "csv:" + csv, "--problem", "least-squares", "--updates", "300");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Hessian is singular").contains("--l2");
        Run s = run("--data", "csv:" + csv, "--problem", "least-squares", "--updates", "300", "--sweep-eta", "0.1");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--l2");
        Run ok = run("--data", "csv:" + csv, "--problem", "least-squares", "--updates", "300", "--l2", "0.01",
                "--format", "json", "--no-replay-edge");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(num(Json.mapper().readTree(ok.out()), "/theory/measuredLaw/meanSquareEdge")).isPositive();
    }

    /** A schedule is part of the settings: recorded, and replayed bit for bit without naming it again. */
    @Test
    void aScheduleIsRecordedAndReplayed(@TempDir Path dir) throws Exception {
        String s = dir.resolve("s.csv").toString();
        Run a = run("--data", LS, "--updates", "600", "--workers", "2", "--lr-schedule", "step:200:0.5", "--format",
                "json", "--record-schedule", s, "--no-replay-edge");
        Run b = run("--data", LS, "--updates", "600", "--workers", "2", "--replay", s, "--format", "json");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        JsonNode ja = Json.mapper().readTree(a.out());
        assertThat(text(ja, "/params/lrPolicy")).isEqualTo("constant@step:200:0.5");
        assertThat(req(Json.mapper().readTree(b.out()), "final")).isEqualTo(req(ja, "final"));
        assertThat(text(ja, "/theory/note")).contains("schedule");
        Run bad = run("--data", LS, "--lr-schedule", "cosine");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--lr-schedule");
    }

    @Test
    void averageReportsTheTailAverage() throws Exception {
        Run r = run("--data", LS, "--updates", "1000", "--workers", "1", "--eta", "0.2", "--average", "tail:0.5",
                "--format", "json", "--no-replay-edge");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(integer(j, "/averaged/iterates")).isEqualTo(500);
        assertThat(integer(j, "/averaged/fromUpdate")).isEqualTo(501);
        assertThat(num(j, "/averaged/trainLoss")).isPositive();
        Run bad = run("--data", LS, "--average", "tail:2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--average");
    }

    @Test
    void csvAndTextAndPlots(@TempDir Path dir) {
        Run csv = run("--data", "synthetic:softmax,n=1000,d=4", "--updates", "500", "--format", "csv", "--mode", "sync");
        assertThat(csv.code()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\n");
        assertThat(lines[0]).isEqualTo("step,seconds,trainLoss,testLoss,testAccuracy,meanStaleness");
        assertThat(lines).hasSize(52);
        Run text = run("--data", "synthetic:logistic,n=1000,d=4", "--updates", "300", "--mode", "hogwild",
                "--plot", dir.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("test accuracy").contains("geometric fit kappa");
        assertThat(dir.resolve("train-loss.png")).exists();
        assertThat(dir.resolve("staleness.png")).exists();
        assertThat(dir.resolve("train-accuracy.png")).exists();
    }

    @Test
    void recordAndReplayGiveTheSameJson(@TempDir Path dir) throws Exception {
        String s = dir.resolve("s.csv").toString();
        Run a = run("--data", LS, "--updates", "600", "--format", "json", "--workers", "3", "--record-schedule", s);
        Run b = run("--data", LS, "--updates", "600", "--format", "json", "--workers", "3", "--replay", s);
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        JsonNode ja = Json.mapper().readTree(a.out());
        JsonNode jb = Json.mapper().readTree(b.out());
        assertThat(req(jb, "final")).isEqualTo(req(ja, "final"));
        assertThat(req(jb, "/staleness/histogram")).isEqualTo(req(ja, "/staleness/histogram"));
    }

    @Test
    void checkpointAndResume(@TempDir Path dir) throws Exception {
        String ck = dir.toString();
        Run a = run("--data", LS, "--updates", "300", "--workers", "1", "--checkpoint", ck, "--checkpoint-every", "100",
                "--format", "json");
        assertThat(a.code()).as(a.err()).isZero();
        Run b = run("--data", LS, "--updates", "500", "--workers", "1", "--checkpoint", ck, "--checkpoint-every", "100",
                "--resume", "--format", "json");
        JsonNode jb = Json.mapper().readTree(b.out());
        assertThat(integer(jb, "resumedFrom")).isEqualTo(300);
        assertThat(integer(jb, "updates")).isEqualTo(500);
    }

    @Test
    void badInputExitsTwoNamingTheFlag(@TempDir Path dir) throws Exception {
        assertThat(run("--data", "nonsense").err()).contains("--data");
        assertThat(run("--data", LS, "--mode", "bogus").code()).isEqualTo(2);
        assertThat(run("--data", LS, "--lr-policy", "adam").err()).contains("--lr-policy");
        assertThat(run("--data", LS, "--worker-delay", "slow:5:2").err()).contains("--worker-delay");
        assertThat(run("--data", LS, "--engine", "spark").err()).contains("--engine").contains("./asgd train --engine spark");
        assertThat(run("--data", LS, "--engine", "mpi").err()).contains("--engine = mpi: allowed threads");
        assertThat(run("--data", LS, "--master", "local[2]").err()).contains("--master").contains("only with --engine spark");
        assertThat(run("--data", LS, "--inject-task-failures", "0.1").code()).isEqualTo(2);
        assertThat(run("--data", LS, "--resume").code()).isEqualTo(2);
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "1,2\n1,x\n");
        Run bad = run("--data", "csv:" + csv);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(csv + ":2").doesNotContain("Exception");
        Run fm = run("--data", "fashion-mnist:dir=" + dir.resolve("none"));
        assertThat(fm.code()).isEqualTo(2);
        assertThat(fm.err()).contains("apt-get install dataset-fashion-mnist");
        Path s = dir.resolve("s.csv");
        Files.writeString(s, "garbage\n");
        assertThat(run("--data", LS, "--replay", s.toString()).err()).contains(s + ":1");
    }

    @Test
    void divergenceExitsThree() {
        Run r = run("--data", LS, "--updates", "2000", "--eta", "50");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("worker");
    }
}
