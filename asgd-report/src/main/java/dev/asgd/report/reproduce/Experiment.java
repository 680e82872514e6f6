package dev.asgd.report.reproduce;

import java.io.IOException;

/** One claim of the paper, tested by every level of the software that this build has. */
public interface Experiment {
    /** @return short identifier: the HTML anchor, the figure-name prefix and the key in results.json */
    String id();

    /** @return the section title */
    String title();

    /**
     * @param config the suite
     * @return units of work, for the progress bar
     */
    long work(ReproduceConfig config);

    /**
     * @param ctx where figures go and progress is told
     * @return the report section and the numbers
     * @throws IOException when a figure cannot be written
     */
    ExperimentResult run(ExperimentContext ctx) throws IOException;
}
