package dev.asgd.cli.output;

import dev.asgd.report.reproduce.ReproducePipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code asgd reproduce}: where the report went and each experiment's verdict.
 *
 * @param suite "quick" or "full"
 * @param index the report's index.html
 * @param results its results.json
 * @param wallSeconds wall time of the suite
 * @param experiments one summary per experiment, in report order
 */
public record ReproduceJson(String suite, String index, String results, double wallSeconds,
        List<Experiment> experiments) {

    /**
     * @param suite the suite's name
     * @param outcome the pipeline's outcome
     * @return the view
     */
    public static ReproduceJson of(String suite, ReproducePipeline.Outcome outcome) {
        List<Experiment> list = new ArrayList<>();
        for (ReproducePipeline.Summary s : outcome.experiments()) {
            list.add(new Experiment(s.id(), s.title(), s.verdict().label(), s.verdictText(), s.seconds()));
        }
        return new ReproduceJson(suite, outcome.index().toString(), outcome.results().toString(), outcome.seconds(),
                list);
    }

    /**
     * One experiment's summary ({@link ReproducePipeline.Summary} with its verdict's label).
     *
     * @param id its identifier
     * @param title its title
     * @param verdict the verdict's label
     * @param verdictText by how much
     * @param seconds wall time
     */
    public record Experiment(String id, String title, String verdict, String verdictText, double seconds) {
    }
}
