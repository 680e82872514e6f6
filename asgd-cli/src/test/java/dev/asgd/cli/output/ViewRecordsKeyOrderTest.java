package dev.asgd.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.report.json.Json;
import dev.asgd.simulation.Performance;
import dev.asgd.simulation.stationary.ExactRates;
import dev.asgd.theory.closedform.StepRates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw key order of the view records of {@code moments} and {@code simulate} (the schema test
 * pins the set of keys, not their order): unwrapped models first, the run's keys after them.
 */
class ViewRecordsKeyOrderTest {
    private static final ModelParams MODEL = new ModelParams(0.01, 0.9, new double[] {1}, new double[] {1},
            new double[] {1}, new double[1], "geometric:0.9", 9, "none", 0);
    private static final FiniteSumParams DATA = new FiniteSumParams(0.01, 0.5, "synthetic:least-squares", 500,
            new double[] {1, 2}, new double[] {1, 1}, new double[] {0.5, 0.25}, 0.13, "geometric:0.5", 1,
            "finite-sum sampling n=500");
    private static final StepRates RATES = new StepRates(0.9, 0.98, 0.02, 0.022, 0.045, 38, "below the threshold");

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode tree(Object view) throws IOException {
        return Json.mapper().readTree(Json.write(view));
    }

    @Test
    void simulateParamsOfTheQuadratic() throws IOException {
        JsonNode p = tree(new SimulateJson.Params(MODEL, null, 1000, 100, 20, 1, 1e100, new double[] {0.5}));
        assertThat(keys(p)).containsExactly("eta", "kappa", "omega0", "sigma", "theta0", "thetaStar", "staleness",
                "stalenessMean", "perturbation", "epsilon0", "steps", "every", "runs", "seed", "divergenceBound",
                "quantiles");
    }

    @Test
    void simulateParamsOfAFiniteSum() throws IOException {
        JsonNode p = tree(new SimulateJson.Params(null, DATA, 400, 100, 20, 1, 1e100, new double[] {0.5}));
        assertThat(keys(p)).containsExactly("eta", "kappa", "data", "rows", "omega0", "theta0", "thetaStar", "fStar",
                "staleness", "stalenessMean", "noise", "steps", "every", "runs", "seed", "divergenceBound",
                "quantiles");
    }

    @Test
    void simulateParamsTakeExactlyOneModel() {
        assertThatThrownBy(() -> new SimulateJson.Params(MODEL, DATA, 1, 1, 1, 1, 1, new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulateJson.Params(null, null, 1, 1, 1, 1, 1, new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulateRateAndTheory() throws IOException {
        SimulateJson.Fit fit = new SimulateJson.Fit(100, 300, 3, -0.02, 1e-4, 0.95, -0.021, -0.019, 0.98);
        JsonNode r = tree(new SimulateJson.Rate("exact", fit, new ExactRates(0.97, -0.03, 0.98),
                SimulateJson.Theory.of(RATES, "square roots of the eigenvalues of A^T A / n")));
        assertThat(keys(r)).containsExactly("stationarySource", "fit", "exact", "theory");
        assertThat(keys(r.get("fit"))).containsExactly("from", "to", "points", "logPerStep", "logPerStepStdErr",
                "confidence", "logPerStepLow", "logPerStepHigh", "factorPerStep");
        assertThat(keys(r.get("exact"))).containsExactly("secondMomentFactorPerStep", "secondMomentLogPerStep",
                "meanContractionPerStep");
        assertThat(keys(r.get("theory"))).containsExactly("kappa", "meanContractionPerStep",
                "exactMeanSquaredDecayPerStep", "smeDecayPerStepSharp", "smeDecayPerStepPaper", "etaMaxMean",
                "verdict", "omega0");
        assertThat(keys(tree(SimulateJson.Theory.of(RATES, null)))).doesNotContain("omega0").hasSize(7);
        assertThat(SimulateJson.Theory.of(null, "x")).isNull();
        assertThat(SimulateJson.Fit.of(null)).isNull();
        JsonNode none = tree(new SimulateJson.Rate("average", null, null, null));
        assertThat(keys(none)).containsExactly("stationarySource", "fit", "exact", "theory");
        assertThat(none.get("theory").isNull()).isTrue();
    }

    @Test
    void simulateTopLevelAndPerformance() throws IOException {
        JsonNode j = tree(new SimulateJson(new SimulateJson.Params(MODEL, null, 1, 1, 1, 1, 1, new double[0]),
                List.of(), 0.005, new SimulateJson.Rate("exact", null, null, null),
                new Performance(0.1, 100, 1000, 2, 349, 256)));
        assertThat(keys(j)).containsExactly("params", "series", "stationarySecondMoment", "rate", "performance");
        assertThat(keys(j.get("performance"))).containsExactly("seconds", "memberSteps", "memberStepsPerSecond",
                "threads", "historyLag", "blockSize");
    }

    @Test
    void moments() throws IOException {
        JsonNode j = tree(new MomentsJson(new MomentsJson.Params(MODEL, 1000, 10, "closed geometric recursion"),
                List.of(), 0.005, new double[] {0.005}, new MomentsJson.Rate(0.98, 0.97, -0.03, 0.45, null),
                List.of("a note"), new MomentsJson.Performance(0.01, 1e5)));
        assertThat(keys(j)).containsExactly("params", "series", "stationarySecondMoment",
                "stationarySecondMomentPerCoordinate", "rate", "notes", "performance");
        assertThat(keys(j.get("params"))).endsWith("epsilon0", "steps", "every", "method");
        assertThat(keys(j.get("rate"))).containsExactly("meanContractionPerStep", "secondMomentFactorPerStep",
                "secondMomentLogPerStep", "secondMomentEtaMax", "theory");
        assertThat(j.get("rate").get("theory").isNull()).isTrue();
        assertThat(keys(j.get("performance"))).containsExactly("seconds", "stepsPerSecond");
    }

    @Test
    void reproduce() throws IOException {
        JsonNode j = tree(new ReproduceJson("quick", "r/index.html", "r/results.json", 20.5,
                List.of(new ReproduceJson.Experiment("errata", "Errata", "holds", "all agree", 0.3))));
        assertThat(keys(j)).containsExactly("suite", "index", "results", "wallSeconds", "experiments");
        assertThat(keys(j.get("experiments").get(0))).containsExactly("id", "title", "verdict", "verdictText",
                "seconds");
    }
}
