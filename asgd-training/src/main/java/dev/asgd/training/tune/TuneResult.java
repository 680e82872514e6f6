package dev.asgd.training.tune;

import java.util.List;

/**
 * Everything {@code asgd tune} found: the probe, the recommendation, its verification by real runs
 * (or null) and the grid of real runs beside it (or empty).
 *
 * @param settings the settings
 * @param probe what the probe measured
 * @param recommendSeconds wall time of probe plus recommendation
 * @param recommendation the recommended setting and the predicted surface
 * @param verification the recommendation's real runs, or null
 * @param grid the grid's settings with their real runs (empty without a grid)
 * @param bestCell the grid's fastest setting by median time to target, or null
 * @param ratioToBest the verified median time over the best grid setting's, NaN without both
 */
public record TuneResult(TuneSettings settings, ProbeResult probe, double recommendSeconds,
        Recommendation recommendation, Verification verification, List<GridCell> grid, GridCell bestCell,
        double ratioToBest) {
    /** Copies. */
    public TuneResult {
        grid = List.copyOf(grid);
    }

    /**
     * The recommendation run for real.
     *
     * @param runs the runs (seeds differ)
     * @param medianSeconds the median measured time to target (+infinity counts for a run that did not
     *     meet it)
     * @param medianUpdates the median updates to target
     * @param predictedSeconds the predicted time
     * @param measuredOverPredicted medianSeconds / predictedSeconds
     */
    public record Verification(List<TimedRun> runs, double medianSeconds, double medianUpdates,
            double predictedSeconds, double measuredOverPredicted) {
        /** Copies. */
        public Verification {
            runs = List.copyOf(runs);
        }
    }

    /**
     * One setting of the grid.
     *
     * @param workers M
     * @param eta the learning rate
     * @param runs its runs
     * @param medianSeconds the median time to target (+infinity when most runs did not meet it)
     * @param reached how many runs met the target
     */
    public record GridCell(int workers, double eta, List<TimedRun> runs, double medianSeconds, int reached) {
        /** Copies. */
        public GridCell {
            runs = List.copyOf(runs);
        }

        /** @return the median updates to target (+infinity counts for a run that did not meet it) */
        public double medianUpdates() {
            return TuneStudy.median(runs.stream().mapToDouble(t -> t.reached() ? t.updatesToTarget()
                    : Double.POSITIVE_INFINITY).toArray());
        }
    }
}
