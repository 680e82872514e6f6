package dev.asgd.training.tune;

import java.util.List;

/**
 * What the probe measured.
 *
 * @param seconds the probe's wall time (runs, curvature, edges)
 * @param cpuSeconds the CPU time this JVM spent during the probe (all its threads; on a machine shared
 *     with other jobs the wall time grows with their load, this much less)
 * @param model which model predicts the edges ({@link TunePredictor#model()})
 * @param phase which phase the model covers, null when exact
 * @param lambdaMaxAtStart the largest Hessian eigenvalue at theta = 0
 * @param lambdaMax the largest Hessian eigenvalue at the end of the small-eta run
 * @param noiseTrace tr Cov(g_B), the minibatch gradient noise there
 * @param smallEta the small-eta run (one worker): the early curve's anchor for the eta scaling
 * @param workers the probe of each worker count
 */
public record ProbeResult(double seconds, double cpuSeconds, String model, String phase, double lambdaMaxAtStart, double lambdaMax,
        double noiseTrace, TimedRun smallEta, List<WorkerProbe> workers) {
    /** Copies. */
    public ProbeResult {
        workers = List.copyOf(workers);
    }
}
