package dev.asgd.cli;

import dev.asgd.cli.output.ReproduceJson;
import dev.asgd.report.reproduce.ProgressListener;
import dev.asgd.report.reproduce.ReproduceConfig;
import dev.asgd.report.reproduce.ReproducePipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd reproduce}: every claim of the paper, tested by every level, in one report. */
@Command(name = "reproduce", header = "Every numbered claim of the paper, tested and judged, in an HTML report.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs the fixed suite of experiments that test every numbered claim of the paper (Theorem "
            + "3.2 in its three regimes, Remark 3.3's threshold and both observations, Remark 3.4, the "
            + "perturbation's mu - epsilon, the SME's accuracy, which initial data attain the printed mu, "
            + "the errata, and the theory against real runs of threaded ASGD), each by at least two "
            + "independent computations, and writes DIR/index.html (self-contained, opens in a browser), "
            + "DIR/results.json and the figures (PNG and SVG). --quick takes about 20 s on two cores, the "
            + "full suite a few minutes.",
            ""
        },
        footer = {"", "Examples:", "  asgd reproduce --quick", "  asgd reproduce --out report --format json"})
public class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "The quick suite: coarser grids, smaller ensembles, shorter training.")
    boolean quick;

    @Option(names = "--out", defaultValue = "reproduce-report", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of every random stream of the suite (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the Monte Carlo ensembles (default: the available processors; results do not depend on it).")
    Integer threads;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            dev.asgd.core.Require.atLeast(threads, 1, "threads");
            dev.asgd.core.Limits.atMost("threads", threads, dev.asgd.core.Limits.MAX_THREADS, "one thread each");
        }
        OutputPaths.requireWritableDirectory("out", out);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ReproduceConfig config = new ReproduceConfig(quick, out, seed, t);
        PrintWriter err = spec.commandLine().getErr();
        var experiments = ReproducePipeline.experiments();
        ProgressListener listener = new ProgressListener() {
            private Progress bar;
            private int index;
            private long started;

            @Override
            public void begin(String title, long total) {
                index++;
                started = System.nanoTime();
                if (!output.quiet()) {
                    err.printf(Locale.ROOT, "[%d/%d] %s%n", index, experiments.size(), title);
                    err.flush();
                }
                bar = Progress.start(String.format(Locale.ROOT, "[%d/%d]", index, experiments.size()), total, "units",
                        output.quiet());
            }

            @Override
            public void advance(long done) {
                bar.stepTo(done);
            }

            @Override
            public void end() {
                bar.close();
                if (!output.quiet()) {
                    err.printf(Locale.ROOT, "      done in %.1f s%n", (System.nanoTime() - started) / 1e9);
                    err.flush();
                }
            }
        };
        ReproducePipeline.Outcome outcome;
        try {
            outcome = ReproducePipeline.run(config, experiments, listener);
        } catch (java.io.IOException e) {
            throw OutputPaths.error("out", out, e);
        }
        output.print(spec.commandLine().getOut(), new Report(config, outcome));
        return ExitCode.OK;
    }

    /** The outcome in the three formats. */
    record Report(ReproduceConfig config, ReproducePipeline.Outcome outcome) implements CommandOutput {
        @Override
        public ReproduceJson toJson() {
            return ReproduceJson.of(config.suite(), outcome);
        }

        @Override
        public String toCsv() {
            StringBuilder sb = new StringBuilder("id,verdict,seconds,title,verdictText\n");
            for (ReproducePipeline.Summary s : outcome.experiments()) {
                sb.append(s.id()).append(',').append(s.verdict().label()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", s.seconds())).append(',').append(quote(s.title()))
                        .append(',').append(quote(s.verdictText())).append('\n');
            }
            return sb.toString();
        }

        @Override
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "asgd reproduce (%s suite): %d experiments in %.0f s%n", config.suite(),
                    outcome.experiments().size(), outcome.seconds()));
            for (ReproducePipeline.Summary s : outcome.experiments()) {
                sb.append(String.format(Locale.ROOT, "%n%-22s %s%n  %s%n", s.verdict().label(), s.title(), s.verdictText()));
            }
            sb.append(String.format(Locale.ROOT, "%nreport   %s%nresults  %s%n", outcome.index(), outcome.results()));
            return sb.toString();
        }

        private static String quote(String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
    }
}
