package dev.asgd.simulation;

import java.util.List;

/**
 * The ensemble's time series and the run's speed.
 *
 * @param config what was simulated
 * @param series one record per record step
 * @param performance timing
 */
public record SimulationResult(SimulationConfig config, List<SeriesPoint> series, Performance performance) {

    /** Copies the list. */
    public SimulationResult {
        series = List.copyOf(series);
    }

    /** @return the last record */
    public SeriesPoint last() {
        return series.get(series.size() - 1);
    }
}
