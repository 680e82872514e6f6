package dev.asgd.training.predict;

import dev.asgd.theory.sampled.SampledRates;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.staleness.GeometricFit;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured edge sweep ({@link EdgeSweep}) with every prediction beside it: per learning rate the
 * decay of the paper's geometric model and of the measured law; the edges of the geometric model
 * (mean), of the measured law (mean and mean square), of the reference run's interleaving replayed,
 * and of the same staleness shuffled (the i.i.d. law realised).
 *
 * @param sweep the measured sweep
 * @param kappa the geometric fit of the pooled staleness
 * @param law the pooled staleness as an i.i.d. law
 * @param eigenvalues the Hessian's eigenvalues
 * @param rows one row per learning rate
 * @param geometricEdge the geometric model's edge
 * @param lawMeanEdge the measured law's mean edge
 * @param lawMeanSquareEdge the measured law's mean-square edge
 * @param replayEdge the median over the first learning rate's runs of their interleaving's edge
 *     (null when no schedule)
 * @param shuffledEdge the same for their interleavings shuffled (null when no schedule)
 * @param markovEdge the same for schedules drawn from a Markov chain on tau fitted to each (null
 *     when no schedule)
 * @param runEdges the mean-square edge of each run's own staleness law (runs of at least half the
 *     updates, at most {@link #MAX_RUN_EDGES} of them), in the sweep's order
 * @param medianRunEdge their median: the edge a majority vote over runs sees when the law differs
 *     from run to run (it equals lawMeanSquareEdge when every run has the same law)
 * @param phase which phase the predictions cover: null for an exact model, {@link
 *     LocalQuadraticTheory#PHASE} for a local one
 * @param lateLossEdge with the late-loss criterion: the rate where the model's stationary loss
 *     reaches the initial loss ({@link LocalQuadraticTheory#levelEdge}), the criterion's own level;
 *     NaN otherwise
 */
public record EdgeStudy(EdgeSweep.Result sweep, double kappa, StalenessLaw law, double[] eigenvalues, List<Row> rows,
        double geometricEdge, double lawMeanEdge, double lawMeanSquareEdge, ReplayEdge replayEdge,
        ReplayEdge shuffledEdge, ReplayEdge markovEdge, double[] runEdges, double medianRunEdge, String phase,
        double lateLossEdge, double dynamicsEdge) {
    /** Largest number of runs whose own law's edge is computed. */
    public static final int MAX_RUN_EDGES = 24;

    /**
     * @param eta the learning rate
     * @param measured the pooled measured decay (NaN when every run diverged)
     * @param lower its interval's lower end
     * @param upper its interval's upper end
     * @param stable whether most runs were stable
     * @param diverged runs that passed the divergence bound
     * @param runs runs
     * @param geometricDecay the geometric model's decay
     * @param lawDecay the measured law's decay -ln rho_ms (negative above its edge)
     * @param lawWindowDecay the measured law's expected loss curve's decay over the measured window
     *     ({@link LocalQuadraticTheory#windowDecay}; NaN when there is no window)
     * @param agrees whether the measured law's window decay (its asymptotic decay when there is no
     *     window) lies in the measured interval widened by {@link RunTheory#MODEL_TOLERANCE}
     */
    public record Row(double eta, double measured, double lower, double upper, boolean stable, int diverged, int runs,
            double geometricDecay, double lawDecay, double lawWindowDecay, boolean agrees) {
    }

    /**
     * @param sweep the measured sweep
     * @param problem the problem
     * @param data its data
     * @param batch the minibatch size
     * @param replays whether to find the replay edges of the reference schedule
     * @param divergenceFactor as in the sweep
     * @return the study
     */
    public static EdgeStudy of(EdgeSweep.Result sweep, Problem problem, TrainTest data, int batch, boolean replays,
            double divergenceFactor) {
        return of(sweep, problem, data, LocalQuadraticTheory.of(problem, data.train(), RunTheory.evalRows(data.train()), batch),
                replays, divergenceFactor, MAX_RUN_EDGES);
    }

    /**
     * @param sweep the measured sweep
     * @param problem the problem
     * @param data its data
     * @param t the exact theory of the problem, its data and batch (as the sweep's runs used them)
     * @param replays whether to find the replay edges of the reference schedules
     * @param divergenceFactor as in the sweep
     * @param maxRunEdges the most runs whose own law's edge is computed (each takes about a second)
     * @return the study
     */
    public static EdgeStudy of(EdgeSweep.Result sweep, Problem problem, TrainTest data, LocalQuadraticTheory t,
            boolean replays, double divergenceFactor, int maxRunEdges) {
        double kappa = GeometricFit.of(sweep.histogram()).kappa();
        StalenessLaw law = StalenessLaw.of(sweep.histogram());
        SampledRates rates = t.rates(law);
        double[] ev = t.model().hessianEigenvalues();
        List<Row> rows = new ArrayList<>();
        for (EdgeSweep.Point p : sweep.points()) {
            double geo = GeometricModel.of(kappa, p.eta(), ev).decay();
            double lawDecay = -Math.log(rates.meanSquareContraction(p.eta()));
            double window = Double.NaN;
            if (!Double.isNaN(p.decay().rate()) && p.stable()) {
                long from = Long.MAX_VALUE;
                long to = 0;
                int pts = 0;
                for (EdgeSweep.Run r : p.runs()) {
                    if (!Double.isNaN(r.fit().rate())) {
                        from = Math.min(from, r.fit().from());
                        to = Math.max(to, r.fit().to());
                        pts = Math.max(pts, r.fit().points());
                    }
                }
                if (to > from) {
                    window = t.windowDecay(p.eta(), law, from, to, Math.max(pts, 8));
                }
            }
            double predicted = Double.isNaN(window) ? lawDecay : window;
            boolean agrees = !Double.isNaN(p.decay().rate()) && p.decay().contains(predicted, RunTheory.MODEL_TOLERANCE);
            rows.add(new Row(p.eta(), p.decay().rate(), p.decay().lower(), p.decay().upper(), p.stable(), p.diverged(),
                    p.runs().size(), geo, lawDecay, window, agrees));
        }
        ReplayEdge re = null;
        ReplayEdge se = null;
        ReplayEdge me = null;
        if (replays && t.exact() && sweep.reference() != null) {
            double start = Double.isNaN(sweep.edge()) ? sweep.points().get(0).eta() : sweep.edge();
            List<ReplayEdge> plain = new ArrayList<>();
            List<ReplayEdge> shuffled = new ArrayList<>();
            List<ReplayEdge> markov = new ArrayList<>();
            for (int i = 0; i < sweep.references().size(); i++) {
                Schedule s = sweep.references().get(i);
                TrainingConfig c = sweep.referenceConfigs().get(i);
                plain.add(ReplayEdge.find(s, c, problem, data, t.lossStar(), start, 0.01, divergenceFactor));
                shuffled.add(ReplayEdge.find(ReplayEdge.shuffled(s, c.seed()), c, problem, data, t.lossStar(), start, 0.01,
                        divergenceFactor));
                markov.add(ReplayEdge.find(MarkovStaleness.resample(s, c.seed()), c, problem, data, t.lossStar(), start,
                        0.01, divergenceFactor));
            }
            re = ReplayEdge.median(plain);
            se = ReplayEdge.median(shuffled);
            me = ReplayEdge.median(markov);
        }
        double[] runEdges = runEdges(sweep, t, Math.min(maxRunEdges, MAX_RUN_EDGES));
        return new EdgeStudy(sweep, kappa, law, ev, rows, GeometricModel.of(kappa, 1, ev).meanEdge(), rates.meanEdge(),
                rates.meanSquareEdge(), re, se, me, runEdges, median(runEdges), t.phase(), lateLossEdge(sweep, problem, data, t, law),
                dynamicsEdge(sweep, problem, data, t, law, rates.meanSquareEdge()));
    }

    private static double lateLossEdge(EdgeSweep.Result sweep, Problem problem, TrainTest data, LocalQuadraticTheory t,
            StalenessLaw law) {
        if (sweep.lateLossCriterion() == null) {
            return Double.NaN;
        }
        double initial = problem.loss(new double[problem.dimension()], RunTheory.evalRows(data.train()));
        double level = initial - t.lossStar();
        return level > 0 ? t.levelEdge(law, level) : Double.NaN;
    }

    private static double dynamicsEdge(EdgeSweep.Result sweep, Problem problem, TrainTest data, LocalQuadraticTheory t,
            StalenessLaw law, double meanSquareEdge) {
        if (sweep.lateLossCriterion() == null || !(meanSquareEdge > 0) || !Double.isFinite(meanSquareEdge)) {
            return Double.NaN;
        }
        TrainingConfig c = sweep.base();
        SubspaceDynamics dyn = SubspaceDynamics.of(problem, t, data.train(), RunTheory.evalRows(data.train()),
                c.batchSize());
        double tolerance = Double.isNaN(sweep.tolerance()) ? SubspaceDynamics.TOLERANCE : sweep.tolerance();
        return dyn.edge(law, meanSquareEdge, c.updates(), c.evalEvery(), Math.max(3, sweep.repeats()), tolerance);
    }

    private static double[] runEdges(EdgeSweep.Result sweep, LocalQuadraticTheory t, int max) {
        long longest = 0;
        for (EdgeSweep.Point p : sweep.points()) {
            for (EdgeSweep.Run r : p.runs()) {
                longest = Math.max(longest, count(r.histogram()));
            }
        }
        List<long[]> laws = new ArrayList<>();
        for (EdgeSweep.Point p : sweep.points()) {
            for (EdgeSweep.Run r : p.runs()) {
                long n = count(r.histogram());
                if (n > 0 && 2 * n >= longest) {
                    laws.add(r.histogram());
                }
            }
        }
        int m = Math.min(laws.size(), max);
        double[] e = new double[m];
        for (int i = 0; i < m; i++) {
            // evenly over the sweep when there are more runs than edges to compute
            long[] h = laws.get((int) ((long) i * laws.size() / m));
            e[i] = t.rates(StalenessLaw.of(h)).meanSquareEdge();
        }
        return e;
    }

    private static long count(long[] h) {
        long n = 0;
        for (long c : h) {
            n += c;
        }
        return n;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
