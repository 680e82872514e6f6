package dev.asgd.training.predict;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.engine.MetricPoint;
import java.util.List;

/**
 * The decay of a run's excess training loss f - f*: core's floor-robust {@link DecayFit} over the
 * run's metric points. (Whether a run is stable is decided by the divergence bound alone, see
 * {@link EdgeSweep#EDGE_DIVERGENCE_FACTOR}.)
 */
public final class MeasuredDecay {
    private MeasuredDecay() {
    }

    /**
     * @param series the run's metric points
     * @param lossStar f* on the same rows as the training loss
     * @return the fit of ln(f - f* - floor) over the transient
     */
    public static DecayFit of(List<MetricPoint> series, double lossStar) {
        long[] steps = new long[series.size()];
        double[] excess = new double[series.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = series.get(i).update();
            excess[i] = series.get(i).trainLoss() - lossStar;
        }
        return DecayFit.of(steps, excess);
    }
}
