package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.CounterfactualReplay;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The stability edge of one recorded interleaving: the learning rate at which replays of the
 * schedule ({@link CounterfactualReplay}) turn from stable to unstable (the loss passes
 * {@link EdgeSweep#EDGE_DIVERGENCE_FACTOR} times its initial value, as in a real sweep),
 * bracketed by doubling or halving from a start and refined by bisection in ln eta.
 *
 * @param edge the geometric mean of the final bracket
 * @param stableBelow the largest eta replayed stable
 * @param unstableAbove the smallest eta replayed unstable
 * @param replays replays run
 */
public record ReplayEdge(double edge, double stableBelow, double unstableAbove, int replays) {
    /** Largest number of replays of one search. */
    static final int MAX_REPLAYS = 60;

    /**
     * @param schedule the interleaving
     * @param recorded the recorded settings
     * @param problem the loss
     * @param data the data
     * @param lossStar f* of the training loss's rows
     * @param start the first eta tried (e.g. the recorded one)
     * @param relativeTolerance stop when unstableAbove / stableBelow &lt; 1 + this
     * @param divergenceFactor as {@link dev.asgd.training.engine.TrainingSession.Options#divergenceFactor()}
     * @return the edge
     */
    public static ReplayEdge find(Schedule schedule, TrainingConfig recorded, Problem problem, TrainTest data,
            double lossStar, double start, double relativeTolerance, double divergenceFactor) {
        if (!(start > 0) || !(relativeTolerance > 0)) {
            throw new InvalidParameterException("eta", start, "eta > 0 and a tolerance > 0");
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        double eta = start;
        int n = 0;
        while ((Double.isNaN(lo) || Double.isNaN(hi)) && n < MAX_REPLAYS) {
            boolean stable = stable(schedule, recorded, problem, data, lossStar, eta, divergenceFactor);
            n++;
            if (stable) {
                lo = eta;
                eta *= 2;
            } else {
                hi = eta;
                eta /= 2;
            }
            if (!Double.isNaN(lo) && !Double.isNaN(hi) && lo > hi) {
                // stable above an unstable eta: keep the smaller crossing
                lo = Double.NaN;
            }
        }
        while (!Double.isNaN(lo) && !Double.isNaN(hi) && hi / lo > 1 + relativeTolerance && n < MAX_REPLAYS) {
            double mid = Math.sqrt(lo * hi);
            if (stable(schedule, recorded, problem, data, lossStar, mid, divergenceFactor)) {
                lo = mid;
            } else {
                hi = mid;
            }
            n++;
        }
        return new ReplayEdge(Double.isNaN(lo) || Double.isNaN(hi) ? Double.NaN : Math.sqrt(lo * hi), lo, hi, n);
    }

    /**
     * @param edges edges of several interleavings (e.g. one per seed)
     * @return the one with the median edge (the lower middle one for an even count; NaN edges sort last)
     */
    public static ReplayEdge median(List<ReplayEdge> edges) {
        if (edges.isEmpty()) {
            return null;
        }
        List<ReplayEdge> s = new ArrayList<>(edges);
        s.sort(java.util.Comparator.comparingDouble(e -> Double.isNaN(e.edge()) ? Double.POSITIVE_INFINITY : e.edge()));
        return s.get((s.size() - 1) / 2);
    }

    private static boolean stable(Schedule s, TrainingConfig recorded, Problem problem, TrainTest data, double lossStar,
            double eta, double divergenceFactor) {
        CounterfactualReplay.Outcome o = CounterfactualReplay.replay(s, recorded.withEta(eta), problem, data,
                Math.min(divergenceFactor, EdgeSweep.EDGE_DIVERGENCE_FACTOR));
        return !o.diverged();
    }

    /**
     * The same workers and minibatches with the staleness sequence randomly permuted: the measured
     * law realised as an i.i.d. sequence (a read before version 0 reads version 0).
     *
     * @param schedule the recorded schedule
     * @param seed the permutation's seed
     * @return the shuffled schedule
     */
    public static Schedule shuffled(Schedule schedule, long seed) {
        List<Schedule.Entry> e = schedule.entries();
        int n = e.size();
        long[] tau = new long[n];
        for (int k = 0; k < n; k++) {
            tau[k] = k - e.get(k).readVersion();
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5348554646L});
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            long t = tau[i];
            tau[i] = tau[j];
            tau[j] = t;
        }
        List<Schedule.Entry> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new Schedule.Entry(e.get(k).worker(), e.get(k).step(), Math.max(0, k - tau[k])));
        }
        return new Schedule(schedule.fingerprint(), out);
    }
}
