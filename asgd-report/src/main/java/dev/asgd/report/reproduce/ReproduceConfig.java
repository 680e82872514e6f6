package dev.asgd.report.reproduce;

import dev.asgd.core.Require;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code asgd reproduce} runs.
 *
 * @param quick the quick suite (coarser grids, smaller ensembles, shorter training) instead of the full one
 * @param out the output directory (index.html, results.json, figures)
 * @param seed the seed of every random stream of the suite
 * @param threads worker threads of the Monte Carlo ensembles (results do not depend on it)
 */
public record ReproduceConfig(boolean quick, Path out, long seed, int threads) {

    /** Validates. */
    public ReproduceConfig {
        Objects.requireNonNull(out, "out");
        Require.atLeast(threads, 1, "threads");
    }

    /**
     * @param quickValue the quick value
     * @param fullValue the full value
     * @return the value for this suite
     */
    public int pick(int quickValue, int fullValue) {
        return quick ? quickValue : fullValue;
    }

    /** @return "quick" or "full" */
    public String suite() {
        return quick ? "quick" : "full";
    }
}
