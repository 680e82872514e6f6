package dev.asgd.training.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asgd.training.engine.CounterfactualReplay;
import dev.asgd.training.engine.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatIfOutcomeTest {
    private static List<MetricPoint> decaying(double lossStar, double rate, int points) {
        List<MetricPoint> s = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            long k = 100L * i;
            s.add(new MetricPoint(k, 0, lossStar + Math.exp(-rate * k), Double.NaN, Double.NaN, 0));
        }
        return s;
    }

    @Test
    void stableReplayGetsItsDecayAndFinalLoss() {
        List<MetricPoint> s = decaying(0.5, 0.01, 12);
        WhatIfOutcome w = WhatIfOutcome.of(new CounterfactualReplay.Outcome(0.1, s, new double[1], -1, null), 0.5);
        assertThat(w.finalTrainLoss()).isEqualTo(s.get(11).trainLoss());
        assertThat(w.decay()).isEqualTo(MeasuredDecay.of(s, 0.5));
        assertThat(w.decay().rate()).as("f - f* = exp(-0.01 k): %s", w.decay()).isPositive();
    }

    @Test
    void divergedOrUnknownOptimumHasNoDecay() {
        List<MetricPoint> s = decaying(0.5, 0.01, 5);
        WhatIfOutcome diverged = WhatIfOutcome.of(new CounterfactualReplay.Outcome(3, s, null, 450, "diverged"), 0.5);
        assertThat(diverged.decay()).isNull();
        assertThat(diverged.finalTrainLoss()).isNaN();
        List<WhatIfOutcome> unknown = WhatIfOutcome.of(
                List.of(new CounterfactualReplay.Outcome(0.1, s, new double[1], -1, null)), Double.NaN);
        assertThat(unknown).singleElement().satisfies(u -> assertThat(u.decay()).isNull());
        assertThat(WhatIfOutcome.of(new CounterfactualReplay.Outcome(0.1, List.of(), new double[1], -1, null),
                Double.NaN).finalTrainLoss()).as("no points").isNaN();
    }
}
