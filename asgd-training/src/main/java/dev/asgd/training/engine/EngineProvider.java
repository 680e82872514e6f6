package dev.asgd.training.engine;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A service ({@link ServiceLoader}) that makes an engine living in another module, e.g. the Spark
 * engine of {@code asgd-spark}, available to {@code asgd train --engine NAME} without the command
 * line depending on that module: the engine is found at run time when its jar is on the class path.
 */
public interface EngineProvider {
    /** @return the engine's name, as given to {@code --engine} */
    String name();

    /**
     * @param options the engine's settings
     * @return a new engine
     */
    Engine create(Options options);

    /**
     * The settings of an engine that runs workers elsewhere (a cluster).
     *
     * @param master the cluster's address (for Spark, a master URL), or null for the engine's default
     * @param injectTaskFailures probability in [0, 1) that a task's first attempt fails (tests, demos)
     * @param timeoutSeconds longest wait for the cluster to start, to run a first task, or to finish one job
     * @param replay a schedule to replay update by update, or null
     * @param quiet {@code -q}: the engine's own log lines (e.g. Spark's warnings for retried tasks) off, errors kept
     */
    record Options(String master, double injectTaskFailures, double timeoutSeconds, Schedule replay, boolean quiet) {
        /** Validates. */
        public Options {
            Require.inHalfOpen(injectTaskFailures, 0, 1, "inject-task-failures");
            Require.positiveFinite(timeoutSeconds, "spark-timeout");
        }

        /**
         * Not quiet.
         *
         * @param master the cluster's address, or null
         * @param injectTaskFailures probability that a task's first attempt fails
         * @param timeoutSeconds longest wait
         * @param replay a schedule to replay, or null
         */
        public Options(String master, double injectTaskFailures, double timeoutSeconds, Schedule replay) {
            this(master, injectTaskFailures, timeoutSeconds, replay, false);
        }
    }

    /**
     * @param name the engine's name
     * @param options its settings
     * @return the engine of the first provider of that name on the class path
     * @throws InvalidParameterException naming {@code engine} when there is none
     */
    static Engine load(String name, Options options) {
        List<String> names = new ArrayList<>(List.of("threads"));
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                return p.create(options);
            }
            names.add(p.name());
        }
        String hint = "spark".equals(name)
                ? " (the spark engine is not on this class path: run ./asgd train --engine spark, which builds"
                        + " asgd-spark-app and runs its jar, or see asgd-spark/README.md)"
                : "";
        throw new InvalidParameterException("engine", name, String.join(", ", names) + hint);
    }
}
