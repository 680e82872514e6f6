package dev.asgd.training.tune;

import java.util.List;

/**
 * The recommended setting, its predicted time to target, and the predicted surface over (eta, M).
 *
 * @param workers the recommended M
 * @param eta the recommended eta: safety x the predicted edge for M's law, or the probe's small eta
 *     when the model predicts it faster (the early curve limited by the gradient noise)
 * @param edge the predicted edge for M
 * @param safety the recommended eta as a share of the edge (at most the safety margin)
 * @param predictedUpdates predicted updates to target
 * @param predictedSeconds predicted wall time to target, predictedUpdates / M's throughput
 * @param decayPerSecond predicted loss decay per second to the target, ln(f_0 / f_target) / predictedSeconds
 * @param noiseFloor predicted stationary excess loss from the gradient noise, eta tr Cov(g_B) / 4
 * @param timeModel how the time to target is predicted
 * @param surface the predicted decay per second over the eta grid of each M
 */
public record Recommendation(int workers, double eta, double edge, double safety, double predictedUpdates,
        double predictedSeconds, double decayPerSecond, double noiseFloor, String timeModel,
        List<SurfacePoint> surface) {
    /** Copies. */
    public Recommendation {
        surface = List.copyOf(surface);
    }

    /**
     * One point of the predicted surface.
     *
     * @param workers M
     * @param eta the learning rate
     * @param status "within margin", "beyond margin" (above safety x edge, below the edge) or "unstable"
     * @param predictedUpdates predicted updates to target (NaN: unstable or no prediction)
     * @param predictedSeconds predicted wall time to target
     * @param decayPerSecond predicted loss decay per second to the target (0 when unstable)
     * @param lateDecayPerSecond the late-phase decay per second -ln rho_ms x throughput (NaN when the
     *     model has none)
     */
    public record SurfacePoint(int workers, double eta, String status, double predictedUpdates,
            double predictedSeconds, double decayPerSecond, double lateDecayPerSecond) {
    }
}
