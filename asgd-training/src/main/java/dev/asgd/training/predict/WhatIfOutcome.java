package dev.asgd.training.predict;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.engine.CounterfactualReplay;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay of a run's interleaving at another learning rate ({@code asgd train --what-if-eta})
 * with the decay of its excess loss.
 *
 * @param outcome the replay
 * @param decay {@link MeasuredDecay} of its series, null when f* is unknown or the replay diverged
 */
public record WhatIfOutcome(CounterfactualReplay.Outcome outcome, DecayFit decay) {

    /** Requires the outcome. */
    public WhatIfOutcome {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is null");
        }
    }

    /**
     * @param outcome the replay
     * @param lossStar f* of the training loss's rows (NaN: unknown, no decay is fitted)
     * @return the replay with its decay
     */
    public static WhatIfOutcome of(CounterfactualReplay.Outcome outcome, double lossStar) {
        boolean fit = !Double.isNaN(lossStar) && !outcome.diverged();
        return new WhatIfOutcome(outcome, fit ? MeasuredDecay.of(outcome.series(), lossStar) : null);
    }

    /**
     * @param outcomes the replays
     * @param lossStar f* (NaN: unknown)
     * @return each with its decay
     */
    public static List<WhatIfOutcome> of(List<CounterfactualReplay.Outcome> outcomes, double lossStar) {
        List<WhatIfOutcome> out = new ArrayList<>(outcomes.size());
        for (CounterfactualReplay.Outcome o : outcomes) {
            out.add(of(o, lossStar));
        }
        return out;
    }

    /** @return the last recorded training loss, NaN after a divergence or without points */
    public double finalTrainLoss() {
        return outcome.diverged() || outcome.series().isEmpty() ? Double.NaN
                : outcome.series().get(outcome.series().size() - 1).trainLoss();
    }
}
