package dev.asgd.simulation.sde;

import dev.asgd.simulation.SeriesPoint;
import java.util.List;

/**
 * An SME ensemble's series (records on the ASGD step axis, with SME time) and its speed.
 *
 * @param config what was run
 * @param series one record per record step
 * @param seconds wall time of the ensemble
 * @param chainSteps N K substeps, the SME steps taken
 * @param threads worker threads used
 */
public record SdeResult(SdeConfig config, List<SeriesPoint> series, double seconds, long chainSteps, int threads) {

    /** Copies the list. */
    public SdeResult {
        series = List.copyOf(series);
    }

    /** @return SME steps per second over all chains */
    public double chainStepsPerSecond() {
        return chainSteps / seconds;
    }

    /** @return the last record */
    public SeriesPoint last() {
        return series.get(series.size() - 1);
    }
}
