package dev.asgd.report.reproduce;

import java.nio.file.Path;

/**
 * What an experiment may use: the suite, the output directory and the progress listener.
 *
 * @param config the suite
 * @param progress told the units done
 */
public record ExperimentContext(ReproduceConfig config, ProgressListener progress) {

    /**
     * @param name the figure's file name without extension
     * @return its PNG path in the output directory
     */
    public Path figure(String name) {
        return config.out().resolve(name + ".png");
    }

    /** @return whether this is the quick suite */
    public boolean quick() {
        return config.quick();
    }
}
