package dev.asgd.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code -q} for Spark: its loggers ({@code org.apache.spark}) at ERROR for the length of the run, so
 * that a retried task's WARN line (and any other warning) stays off stderr; errors still show. The
 * previous level comes back at the end (a borrowed context's host keeps its logging).
 */
final class SparkLogging {
    private static final String SPARK = "org.apache.spark";

    private SparkLogging() {
    }

    /** Restores the level on close. */
    interface Quiet extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param quiet whether to silence Spark's warnings
     * @return what restores the previous level (a no-op when not quiet)
     */
    static Quiet quiet(boolean quiet) {
        if (!quiet) {
            return () -> { };
        }
        Level before = LogManager.getLogger(SPARK).getLevel();
        Configurator.setLevel(SPARK, Level.ERROR);
        return () -> Configurator.setLevel(SPARK, before);
    }
}
