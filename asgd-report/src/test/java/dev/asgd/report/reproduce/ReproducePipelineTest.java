package dev.asgd.report.reproduce;

import static dev.asgd.report.reproduce.JsonFields.bool;
import static dev.asgd.report.reproduce.JsonFields.integer;
import static dev.asgd.report.reproduce.JsonFields.number;
import static dev.asgd.report.reproduce.JsonFields.required;
import static dev.asgd.report.reproduce.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asgd.report.browser.HeadlessChromium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick suite, run once into a temporary directory: results.json is strict JSON with every
 * experiment, verdict and number the report promises, and index.html, opened in a real headless
 * Chromium, shows no console error and every figure drawn. With -Dasgd.screenshot=FILE the test
 * also saves a screenshot of the page (how docs/report-screenshot.png is made).
 */
class ReproducePipelineTest {
    static Path dir;
    static ReproducePipeline.Outcome outcome;
    static JsonNode results;
    static List<String> events;

    @BeforeAll
    static void runQuickSuite() {
        QuickSuite suite = QuickSuite.get();
        dir = suite.dir;
        outcome = suite.outcome;
        results = suite.results;
        events = suite.events;
    }

    @Test
    void resultsJsonHasEveryExperimentWithAVerdict() {
        assertThat(text(results, "suite")).isEqualTo("quick");
        JsonNode exps = required(results, "experiments");
        List<String> ids = new ArrayList<>();
        exps.forEach(e -> ids.add(text(e, "id")));
        assertThat(ids).containsExactly("theorem-3-2", "remark-3-3", "delays", "remark-3-4", "perturbation",
                "sme-accuracy", "initial-data", "errata", "real-runs", "tuner");
        Set<String> allowed = Set.of("holds", "holds with correction", "fails");
        exps.forEach(e -> {
            assertThat(allowed).contains(text(e, "verdict"));
            assertThat(text(e, "verdictText")).isNotBlank();
            assertThat(required(e, "numbers").isObject()).isTrue();
        });
        JsonNode levels = required(results, "levels");
        assertThat(text(required(levels, "closedForm"), "label")).isEqualTo("closed form");
        assertThat(text(required(levels, "smeEnsemble"), "module")).isEqualTo("asgd-simulation");
        assertThat(levels.size()).isEqualTo(Level.ALL.size());
    }

    @Test
    void theNumbersSayWhatTheVerdictsSay() {
        JsonNode t = numbers("theorem-3-2");
        assertThat(number(t, "printedOverDiscreteMin")).isBetween(1.9, 2.1);
        assertThat(number(t, "maxRelDevDiscreteAwayFromCritical")).isLessThan(0.01);
        assertThat(number(t, "maxRelDevSme")).isLessThan(1e-6);
        JsonNode r = numbers("remark-3-3");
        assertThat(number(r, "plateauMaxRelDev")).isLessThan(1e-12);
        assertThat(integer(r, "belowThresholdMonotoneViolations")).isZero();
        assertThat(text(experiment("remark-3-4"), "verdict")).isEqualTo("fails");
        // m = 8, kappa = 0.9, eta = 0.05: WorkerEfficiency gives 8.2163; the mean iterated from ASGD's definition agrees
        assertThat(number(numbers("remark-3-4"), "bruteForceSpeedupAt8"))
                .isCloseTo(8.2163, within(0.1));
        JsonNode init = numbers("initial-data");
        assertThat(number(init, "centredMaxRelDevFromPrinted")).isLessThan(0.05);
        assertThat(number(init, "offCentreMaxDevFromHalfPrinted")).isLessThan(0.05);
        assertThat(number(numbers("sme-accuracy"), "orderMean")).isGreaterThan(0.3);
        // the SME ensemble (seeded by the suite's seed 1): 3 eta x 2 moments against the exact SME within 4.5
        // standard errors (false-failure rate below 6 x 6.8e-6 = 4e-5), and 3 decay rates within 2 %
        JsonNode acc = numbers("sme-accuracy");
        assertThat(number(acc, "ensembleMaxAbsZ")).as("max |z|, seed 1").isLessThan(4.5);
        assertThat(number(acc, "ensembleOrderMean")).isGreaterThan(0.3);
        // the orders carry OrderFit's interval
        assertThat(number(acc, "orderMeanLow")).isLessThan(number(acc, "orderMean"));
        assertThat(number(acc, "orderMeanHigh")).isGreaterThan(number(acc, "orderMean"));
        assertThat(text(acc, "ensembleScheme")).isEqualTo("splitting");
        assertThat(number(t, "maxRelDevSmeEnsemble")).isLessThan(0.02);
        JsonNode errata = numbers("errata");
        assertThat(integer(errata, "confirmed")).isEqualTo(15);
        // erratum 12 is a typo confirmed by reading: the computations confirm the other 14
        assertThat(integer(errata, "confirmedByComputation")).isEqualTo(14);
        required(errata, "errata").forEach(e -> {
            assertThat(bool(e, "confirmed")).as("erratum %d", integer(e, "number")).isTrue();
            assertThat(bool(e, "byReading")).as("erratum %d by reading", integer(e, "number"))
                    .isEqualTo(integer(e, "number") == 12);
        });
        // the study's typed numbers beside the rows: E tau = kappa/(1 - kappa) = 9 at kappa = 0.9 (erratum 4), the
        // centred start decays at the printed 2 mu = 2 (erratum 2), m(1 - kappa) = 1 for the queue of 8 (erratum 10)
        JsonNode study = required(errata, "study");
        assertThat(number(required(study, "expectedStaleness"), "pmfMean")).isCloseTo(9, within(1e-9));
        assertThat(number(required(study, "printedMuOnlyForCentredData"), "smeCentred")).isCloseTo(2, within(0.05));
        assertThat(integer(required(study, "queueModelKappa"), "workers")).isEqualTo(8);
        assertThat(number(required(study, "queueModelKappa"), "efficiency")).isCloseTo(1, within(0.02));
        assertThat(text(required(study, "criticalCaseRate"), "regime")).isEqualTo("critical");
        assertThat(bool(required(study, "gradientTypo"), "computed")).isFalse();
        assertThat(number(required(study, "criticalCaseRate"), "correctedMu")).isCloseTo(
                number(required(study, "criticalCaseRate"), "certifiedMu"), within(1e-6));
        assertThat(number(required(study, "secondMomentStabilityLimit"), "sqrtKappa")).isEqualTo(Math.sqrt(0.9));
        // real threaded runs (timing-dependent staleness): the numbers exist and are ordered; the measured
        // law's edge lies below its mean edge and the paper's geometric edge is far above the measured one
        JsonNode real = numbers("real-runs");
        assertThat(number(real, "edgeMeasured")).as("measured edge bracketed").isPositive();
        assertThat(number(real, "edgeMeasuredLawMeanSquare")).isPositive()
                .isLessThanOrEqualTo(number(real, "edgeMeasuredLawMean"));
        assertThat(number(real, "edgeGeometricMean")).isGreaterThan(5 * number(real, "edgeMeasured"));
        assertThat(integer(real, "decaysCompared")).isPositive();
        // the tuner against a grid (timing-dependent): a recommendation within its margin, verified, beside the grid
        JsonNode tuner = numbers("tuner");
        JsonNode rec = required(tuner, "recommendation");
        assertThat(number(rec, "eta")).isPositive().isLessThanOrEqualTo(0.8 * number(rec, "edge") * (1 + 1e-12));
        assertThat(number(rec, "predictedSeconds")).isPositive();
        assertThat(required(required(tuner, "verification"), "runs").size()).isEqualTo(3);
        assertThat(required(tuner, "grid").size()).isEqualTo(6);
        assertThat(number(tuner, "ratioToBest")).isPositive();
    }

    @Test
    void everyFigureIsWrittenAsPngAndSvgAndProgressIsReported() {
        Set<String> figures = new HashSet<>();
        required(results, "experiments").forEach(e -> required(e, "figures").forEach(f -> figures.add(f.textValue())));
        assertThat(figures).hasSizeGreaterThanOrEqualTo(7);
        for (String f : figures) {
            assertThat(dir.resolve(f)).exists();
            assertThat(dir.resolve(f.replace(".png", ".svg"))).exists();
        }
        assertThat(events.stream().filter(e -> e.startsWith("begin"))).hasSize(10);
        assertThat(events.stream().filter(e -> e.equals("end"))).hasSize(10);
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("advance"));
    }

    @Test
    void theReportLoadsInChromiumWithEveryFigureDrawn() throws Exception {
        Optional<Path> exe = HeadlessChromium.find();
        if (exe.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install chromium for the report test");
        }
        assumeTrue(exe.isPresent(), "no chromium on this machine");
        int figures = 0;
        for (JsonNode e : required(results, "experiments")) {
            figures += required(e, "figures").size();
        }
        try (HeadlessChromium chromium = HeadlessChromium.start(exe.get())) {
            HeadlessChromium.PageReport page = chromium.open(outcome.index());
            assertThat(page.consoleErrors()).isEmpty();
            assertThat(page.images()).hasSize(figures).allSatisfy(i -> {
                assertThat(i.complete()).isTrue();
                assertThat(i.width()).isGreaterThan(100);
                assertThat(i.nonBlank()).as("figure %s is drawn", i.alt()).isTrue();
            });
            String shot = System.getProperty("asgd.screenshot");
            if (shot != null && !shot.isBlank()) {
                chromium.screenshot(Path.of(shot));
            }
        }
    }

    private static JsonNode numbers(String id) {
        return required(experiment(id), "numbers");
    }

    private static JsonNode experiment(String id) {
        for (JsonNode e : required(results, "experiments")) {
            if (text(e, "id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no experiment " + id);
    }
}
