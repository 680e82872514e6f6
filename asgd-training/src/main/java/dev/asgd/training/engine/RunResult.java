package dev.asgd.training.engine;

import dev.asgd.training.staleness.GeometricFit;
import java.util.List;

/**
 * What a run produced.
 *
 * @param config the settings
 * @param engine the engine's name
 * @param updates the final version (exactly the configured number unless stopped)
 * @param resumedFrom the version the run resumed from (0 for a fresh run)
 * @param params the final parameters
 * @param seconds wall time, including the time before a resume
 * @param updatesPerSecond updates per second of this process's part of the run
 * @param series the metrics against updates and wall time
 * @param histograms per worker, the staleness histogram
 * @param total the staleness histogram over all workers
 * @param fit the geometric fit of {@code total}
 * @param stalenessSequence the staleness of each update of this process in apply order (empty for hogwild)
 * @param workerSteps per worker, gradients applied
 * @param discarded gradients discarded after the target was reached
 * @param schedule the schedule kept in memory (async and ssp), or null
 * @param averaged the metrics of the averaged iterate ({@code --average}), or null
 * @param averagedIterates the number of iterates in that average
 */
public record RunResult(TrainingConfig config, String engine, long updates, long resumedFrom, double[] params,
        double seconds, double updatesPerSecond, List<MetricPoint> series, long[][] histograms, long[] total,
        GeometricFit fit, int[] stalenessSequence, long[] workerSteps, long discarded, ScheduleLog schedule, MetricPoint averaged,
        long averagedIterates) {
    /** Copies the list. */
    public RunResult {
        series = List.copyOf(series);
    }

    /** @return the last metric point */
    public MetricPoint last() {
        return series.get(series.size() - 1);
    }

    /** @return the first update of the averaged iterate's window, updates - averagedIterates + 1 */
    public long averagedFromUpdate() {
        return updates - averagedIterates + 1;
    }
}
