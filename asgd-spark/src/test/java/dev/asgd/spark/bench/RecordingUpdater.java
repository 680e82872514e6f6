package dev.asgd.spark.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import scala.Tuple2;

/**
 * MLlib's plain SGD step (eta0 / sqrt(t), no penalty) that also snapshots the weights and the wall
 * time every few iterations, on the driver, so that the loss curve is evaluated after the run.
 */
final class RecordingUpdater extends SimpleUpdater {
    private static final long serialVersionUID = 1L;

    /**
     * @param iteration the iteration (1 first)
     * @param seconds since the start
     * @param weights the weights after it
     */
    record Snapshot(long iteration, double seconds, double[] weights) {
    }

    private final int every;
    private final transient List<Snapshot> snapshots = new ArrayList<>();
    private long t0;

    RecordingUpdater(int every) {
        this.every = every;
    }

    void start(long nanos) {
        t0 = nanos;
    }

    List<Snapshot> snapshots() {
        return snapshots;
    }

    @Override
    public Tuple2<Vector, Object> compute(Vector weightsOld, Vector gradient, double stepSize, int iter, double regParam) {
        Tuple2<Vector, Object> r = super.compute(weightsOld, gradient, stepSize, iter, regParam);
        if (iter % every == 0) {
            snapshots.add(new Snapshot(iter, (System.nanoTime() - t0) / 1e9, r._1().toArray()));
        }
        return r;
    }
}
