package dev.asgd.training.predict;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.engine.MetricPoint;
import java.util.List;

/**
 * The decay of a run's excess training loss f - f*, and whether the run is stable. It is unstable
 * when it diverged (the loss passed the divergence bound) or when its loss still grows at the end:
 * the decay fitted to the second half of its points is negative with its whole 95 % interval. A run
 * that rises to a stationary level above its initial loss and stays there is stable: close below the
 * mean-square edge the stationary loss, proportional to 1 / (1 - rho_ms), exceeds the initial one,
 * so "the loss went up" is not "the run diverged".
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
     * @param lossStar f*
     * @param diverged whether the run passed the divergence bound
     * @return whether the run is stable
     */
    public static boolean stable(List<MetricPoint> series, double lossStar, boolean diverged) {
        if (diverged) {
            return false;
        }
        int n = series.size();
        if (n < 6) {
            double first = series.get(0).trainLoss() - lossStar;
            double last = series.get(n - 1).trainLoss() - lossStar;
            return last < first;
        }
        List<MetricPoint> tail = series.subList(n / 2, n);
        DecayFit late = of(tail, lossStar);
        return !(late.upper() < 0);
    }
}
