package dev.asgd.training.predict;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.engine.MetricPoint;
import java.util.List;

/**
 * The decay of a run's excess training loss f - f*, and whether the run is stable: it is unstable
 * when it diverged (the loss passed the divergence bound) or when its fitted decay rate is not
 * positive (the loss grows). A run too fast for a rate (fewer than three points above its floor) is
 * stable when its last excess loss is below its first.
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

    /**
     * @param series the run's metric points (up to a divergence, if any)
     * @param fit their decay fit
     * @param lossStar f*
     * @param diverged whether the run passed the divergence bound
     * @return whether the run is stable
     */
    public static boolean stable(List<MetricPoint> series, DecayFit fit, double lossStar, boolean diverged) {
        if (diverged) {
            return false;
        }
        if (Double.isNaN(fit.rate())) {
            double first = series.get(0).trainLoss() - lossStar;
            double last = series.get(series.size() - 1).trainLoss() - lossStar;
            return last < first;
        }
        return fit.rate() > 0;
    }
}
