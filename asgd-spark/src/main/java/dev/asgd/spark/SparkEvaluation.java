package dev.asgd.spark;

import dev.asgd.training.data.Dataset;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.problem.Problem;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * The evaluation of parameters as one Spark job over the partitions that hold the rows: the
 * training loss on the first rows of each training shard (together at most the session's number of
 * evaluation rows), the test loss and accuracy on every held-out block. Each partition returns its
 * rows, mean loss (without the penalty) and accuracy; the driver combines them weighted by rows and
 * adds the penalty once, so the result equals an evaluation of the same rows in one JVM up to
 * rounding (about 1e-15 relative). The parameters travel in the task (a few copies of d values).
 */
final class SparkEvaluation implements SessionData.Evaluation {
    private final JavaRDD<Shard> shards;
    private final JavaRDD<Shard> both;
    private final ProblemSpec unpenalized;
    private final Problem problem;
    private final int rowsPerShard;

    /**
     * @param shards the M training shards
     * @param test the held-out blocks
     * @param problem the loss
     * @param features d
     * @param maxTrainRows the largest number of training rows of the training loss
     */
    SparkEvaluation(JavaRDD<Shard> shards, JavaRDD<Shard> test, Problem problem, int features, int maxTrainRows) {
        this.shards = shards;
        this.both = shards.union(test);
        ProblemSpec spec = ProblemSpec.of(problem, features);
        this.unpenalized = new ProblemSpec(spec.name(), spec.features(), spec.classes(), 0);
        this.problem = problem;
        int m = shards.getNumPartitions();
        this.rowsPerShard = (maxTrainRows + m - 1) / m;
    }

    /** @return the training rows of the training loss in each shard (its first ones) */
    int rowsPerShard() {
        return rowsPerShard;
    }

    @Override
    public double trainLoss(double[] params) {
        return combine(run(shards, params.clone()), params)[0];
    }

    @Override
    public double[] evaluate(double[] params) {
        return combine(run(both, params.clone()), params);
    }

    private List<double[]> run(JavaRDD<Shard> rdd, double[] w) {
        int m = shards.getNumPartitions();
        int k = rowsPerShard;
        ProblemSpec spec = unpenalized;
        return rdd.mapPartitionsWithIndex((i, it) -> {
            Dataset ds = it.next().dataset();
            boolean train = i < m;
            if (train && ds.size() > k) {
                int[] rows = new int[k];
                for (int r = 0; r < k; r++) {
                    rows[r] = r;
                }
                ds = ds.select(rows);
            }
            if (ds.size() == 0) {
                return List.of(new double[] {train ? 0 : 1, 0, 0, 0}).iterator();
            }
            Problem p = spec.create();
            double[] la = train ? new double[] {p.loss(w, ds), Double.NaN} : p.lossAndAccuracy(w, ds);
            return List.of(new double[] {train ? 0 : 1, ds.size(), la[0], la[1]}).iterator();
        }, true).collect();
    }

    /** @return {train loss, test loss, test accuracy} from the partitions' (kind, rows, mean loss, accuracy) */
    private double[] combine(List<double[]> parts, double[] w) {
        double penalty = Problem.penalty(w, unpenalized.features(), problem.l2());
        double[] n = new double[2];
        double[] loss = new double[2];
        double right = 0;
        for (double[] p : parts) {
            int kind = (int) p[0];
            if (p[1] == 0) {
                continue;
            }
            n[kind] += p[1];
            loss[kind] += p[1] * p[2];
            if (kind == 1) {
                right += p[1] * p[3];
            }
        }
        return new double[] {loss[0] / n[0] + penalty, n[1] == 0 ? Double.NaN : loss[1] / n[1] + penalty,
            n[1] == 0 ? Double.NaN : right / n[1]};
    }
}
