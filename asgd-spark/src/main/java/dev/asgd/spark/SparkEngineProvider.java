package dev.asgd.spark;

import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.EngineProvider;

/** Makes {@code --engine spark} available when this module's jar is on the class path. */
public final class SparkEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine create(Options options) {
        return new SparkEngine(options);
    }
}
