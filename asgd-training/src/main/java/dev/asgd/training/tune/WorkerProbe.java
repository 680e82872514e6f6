package dev.asgd.training.tune;

import dev.asgd.training.predict.StalenessLaw;

/**
 * The probe of one worker count M: its staleness law and throughput on this machine, the predicted
 * edge for that law, the probed learning rate (the safety margin times the edge) and the timed run
 * there (its early curve to the target).
 *
 * @param workers M
 * @param updatesPerSecond updates per second of the timed run
 * @param secondsPerGradient wall time of one gradient per worker, M / updatesPerSecond
 * @param law the staleness law measured with M workers
 * @param edge the predicted mean-square stability edge for that law
 * @param eta the probed learning rate, safety x edge
 * @param run the timed run at eta
 */
public record WorkerProbe(int workers, double updatesPerSecond, double secondsPerGradient, StalenessLaw law,
        double edge, double eta, TimedRun run) {
}
