package dev.asgd.report.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The quick suite (seed 1, two threads), run once per test JVM into a temporary directory and shared
 * by the tests that read its output: it takes most of a minute.
 */
final class QuickSuite {
    private static QuickSuite instance;

    final Path dir;
    final ReproducePipeline.Outcome outcome;
    final JsonNode results;
    final List<String> events;

    private QuickSuite(Path dir, ReproducePipeline.Outcome outcome, JsonNode results, List<String> events) {
        this.dir = dir;
        this.outcome = outcome;
        this.results = results;
        this.events = Collections.unmodifiableList(events);
    }

    /** @return the suite's output, running it on first use */
    static synchronized QuickSuite get() {
        if (instance == null) {
            try {
                instance = run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static QuickSuite run() throws IOException {
        Path dir = Files.createTempDirectory("asgd-quick-suite-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        List<String> events = new ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void begin(String title, long total) {
                events.add("begin " + title + " " + total);
            }

            @Override
            public void advance(long done) {
                events.add("advance " + done);
            }

            @Override
            public void end() {
                events.add("end");
            }
        };
        ReproducePipeline.Outcome outcome = ReproducePipeline.run(new ReproduceConfig(true, dir, 1, 2),
                ReproducePipeline.experiments(), recorder);
        JsonNode results = new ObjectMapper().readTree(Files.readString(outcome.results()));
        return new QuickSuite(dir, outcome, results, events);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory left behind
        }
    }
}
