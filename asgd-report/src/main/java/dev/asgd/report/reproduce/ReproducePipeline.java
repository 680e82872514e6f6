package dev.asgd.report.reproduce;

import dev.asgd.report.html.HtmlReportWriter;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.json.BuildInfo;
import dev.asgd.report.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suite: every experiment in turn (each with its own progress), then writes
 * {@code index.html} (self-contained), {@code results.json} and the figures (PNG and SVG) into the
 * output directory. results.json holds the suite, the levels of the software, and per experiment
 * its claim, verdict, figures and numbers (non-finite numbers as null), stamped with the asgd
 * version, the git commit of the build and the JVM ({@link BuildInfo}).
 */
public final class ReproducePipeline {
    private ReproducePipeline() {
    }

    /** @return the fixed suite, in report order */
    public static List<Experiment> experiments() {
        return List.of(new TheoremRateExperiment(), new ThresholdExperiment(), new DelayExperiment(),
                new WorkerExperiment(), new PerturbationExperiment(), new SmeAccuracyExperiment(),
                new InitialDataExperiment(), new ErrataExperiment(), new RealRunsExperiment(), new TunerExperiment());
    }

    /**
     * One experiment's outcome.
     *
     * @param id its identifier
     * @param title its title
     * @param verdict the verdict
     * @param verdictText by how much
     * @param seconds wall time
     */
    public record Summary(String id, String title, Verdict verdict, String verdictText, double seconds) {
    }

    /**
     * The root of results.json: the build, the suite, the levels of the software, the verdict counts
     * and per experiment its section's summary and its numbers (the study's result record).
     *
     * @param asgd the asgd version, git commit and JVM of the build
     * @param suite "quick" or "full"
     * @param seed the seed of every random stream
     * @param wallSeconds the suite's wall time
     * @param levels per level key, its label and module
     * @param verdicts per verdict label, how many experiments reached it
     * @param experiments per experiment, in report order
     */
    public record Results(BuildInfo asgd, String suite, long seed, double wallSeconds, Map<String, LevelEntry> levels,
            Map<String, Long> verdicts, List<ExperimentEntry> experiments) {
        /** Copies the collections (keeping their order). */
        public Results {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
            verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
            experiments = List.copyOf(experiments);
        }
    }

    /**
     * One level of the software in results.json.
     *
     * @param label the name shown in the report
     * @param module the module that computes it
     */
    public record LevelEntry(String label, String module) {
    }

    /**
     * One experiment in results.json.
     *
     * @param id its identifier
     * @param title its title
     * @param claim the paper's claim
     * @param verdict the verdict's label
     * @param verdictText by how much
     * @param seconds wall time
     * @param figures the figures' file names
     * @param numbers the study's result
     */
    public record ExperimentEntry(String id, String title, String claim, String verdict, String verdictText,
            double seconds, List<String> figures, Object numbers) {
        /** Copies the figures. */
        public ExperimentEntry {
            figures = List.copyOf(figures);
        }
    }

    /**
     * @param index the report page
     * @param results results.json
     * @param experiments per experiment
     * @param seconds the suite's wall time
     */
    public record Outcome(Path index, Path results, List<Summary> experiments, double seconds) {
        /** Copies the list. */
        public Outcome {
            experiments = List.copyOf(experiments);
        }
    }

    /**
     * @param config the suite
     * @param experiments what to run
     * @param listener told each experiment's progress
     * @return where everything went and the verdicts
     * @throws IOException when an output cannot be written
     */
    public static Outcome run(ReproduceConfig config, List<Experiment> experiments, ProgressListener listener)
            throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(config.out());
        List<Section> sections = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        List<ExperimentEntry> json = new ArrayList<>();
        for (Experiment e : experiments) {
            long t0 = System.nanoTime();
            listener.begin(e.title(), e.work(config));
            ExperimentResult r;
            try {
                r = e.run(new ExperimentContext(config, listener));
            } finally {
                listener.end();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Section s = r.section();
            sections.add(s);
            summaries.add(new Summary(s.id(), s.title(), s.verdict(), s.verdictText(), seconds));
            List<String> figs = new ArrayList<>();
            for (Path f : s.figures()) {
                figs.add(f.getFileName().toString());
            }
            json.add(new ExperimentEntry(s.id(), s.title(), s.claim(), s.verdict().label(), s.verdictText(), seconds,
                    figs, r.numbers()));
        }
        double total = (System.nanoTime() - start) / 1e9;
        Results root = new Results(BuildInfo.current(), config.suite(), config.seed(), total, levels(),
                verdictCounts(summaries), json);
        Path results = config.out().resolve("results.json");
        writeAtomically(results, Json.write(root));
        Path index = HtmlReportWriter.write(config.out(), "Zhu & Ying's sharp ASGD rate, reproduced", intro(config, total),
                sections);
        return new Outcome(index, results, summaries, total);
    }

    private static Map<String, LevelEntry> levels() {
        Map<String, LevelEntry> m = new LinkedHashMap<>();
        for (Level l : Level.ALL) {
            m.put(l.key(), new LevelEntry(l.label(), l.module()));
        }
        return m;
    }

    private static Map<String, Long> verdictCounts(List<Summary> summaries) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            m.put(v.label(), summaries.stream().filter(s -> s.verdict() == v).count());
        }
        return m;
    }

    private static List<String> intro(ReproduceConfig config, double seconds) {
        List<String> levels = new ArrayList<>();
        for (Level l : Level.ALL) {
            levels.add(l.label() + " (" + l.module() + ")");
        }
        List<String> p = new ArrayList<>();
        p.add("Every numbered claim of Zhu & Ying, \"A Sharp Convergence Rate for the Asynchronous Stochastic Gradient"
                + " Descent\", tested by at least two independent computations of asgd, with a verdict: holds, holds"
                + " with correction, or fails, and by how much. Rates are decay exponents of the squared error"
                + " ||h||_*^2 or E|theta|^2: per unit SME time t = k deltaT, or per ASGD step k.");
        p.add(Fmt.f("Suite: %s, seed %d, %.0f s of wall time. Levels of the software: %s.", config.suite(), config.seed(),
                seconds, String.join(", ", levels)));
        return p;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".results-", ".json");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
