package dev.asgd.training.tune;

import dev.asgd.training.predict.StalenessLaw;
import java.util.List;

/**
 * The probe of one worker count M: its staleness law and throughput on this machine, the predicted
 * edge for that law, the probed learning rate (the safety margin times the edge) and the timed runs
 * there (their early curve to the target). The throughput is over every run of M in the probe.
 *
 * @param workers M
 * @param updatesPerSecond updates per second over M's runs (after each run's start latency)
 * @param startSeconds the median start latency of M's runs (workers' start to the first update)
 * @param secondsPerGradient wall time of one gradient per worker, M / updatesPerSecond
 * @param law the staleness law measured with M workers
 * @param edge the predicted mean-square stability edge for that law
 * @param eta the probed learning rate, safety x edge
 * @param updatesToTarget the median updates to target of the runs at eta (+infinity counts for a run
 *     that did not meet it; NaN when most did not)
 * @param runs the timed runs at eta (seeds differ)
 */
public record WorkerProbe(int workers, double updatesPerSecond, double startSeconds, double secondsPerGradient, StalenessLaw law,
        double edge, double eta, double updatesToTarget, List<TimedRun> runs) {
    /** Copies. */
    public WorkerProbe {
        runs = List.copyOf(runs);
    }

    /**
     * @param updates updates to target
     * @return the predicted wall time to target: the start latency plus updates over the throughput
     */
    public double seconds(double updates) {
        return startSeconds + updates / updatesPerSecond;
    }

    /** @return whether the median run met the target */
    public boolean reached() {
        return Double.isFinite(updatesToTarget);
    }
}
