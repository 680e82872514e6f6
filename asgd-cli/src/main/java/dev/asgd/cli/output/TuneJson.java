package dev.asgd.cli.output;

import dev.asgd.training.tune.ProbeResult;
import dev.asgd.training.tune.Recommendation;
import dev.asgd.training.tune.TuneResult;
import dev.asgd.training.tune.TuneSettings;
import java.util.List;

/**
 * The JSON of {@code asgd tune}: the settings, what the probe measured, the recommendation with the
 * predicted surface, and (when asked) the verification and the grid of real runs.
 *
 * @param settings the settings
 * @param dataSeconds wall time of loading the data (not part of the probe)
 * @param probe the probe's measurements
 * @param recommendSeconds wall time of probe plus recommendation
 * @param recommendation the recommendation and the predicted surface over (eta, M)
 * @param verification the recommendation run for real, null without --verify
 * @param grid the grid of real runs (empty without --grid-eta)
 * @param bestCell the grid's fastest setting, null without a grid
 * @param ratioToBest the verified median time over the best grid setting's, null without both
 */
public record TuneJson(TuneSettings settings, double dataSeconds, ProbeResult probe, double recommendSeconds,
        Recommendation recommendation, TuneResult.Verification verification, List<TuneResult.GridCell> grid,
        TuneResult.GridCell bestCell, double ratioToBest) {
    /**
     * @param r the result
     * @param dataSeconds wall time of loading the data
     * @return the view
     */
    public static TuneJson of(TuneResult r, double dataSeconds) {
        return new TuneJson(r.settings(), dataSeconds, r.probe(), r.recommendSeconds(), r.recommendation(),
                r.verification(), r.grid(), r.bestCell(), r.ratioToBest());
    }
}
