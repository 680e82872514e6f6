package dev.asgd.training.predict;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.core.linalg.Vectors;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.problem.Problem;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The theory of one run beside the run, from the local quadratic model of its problem at theta*
 * ({@link LocalQuadraticTheory}; exact for least squares): the paper's geometric model, the
 * measured law (i.i.d., exact moments with the sampled minibatch noise), the run's own
 * interleaving replayed (its edge, and the edge of the same staleness shuffled; least squares
 * only, whose loss passes the divergence bound above the edge), the predicted expected loss curve,
 * and the measured decay with its interval. For a problem that is not quadratic (logistic) the
 * predictions cover the late phase ({@link #phase}): the predicted curve and window decay are the
 * local quadratic model's from theta = 0, which the real early phase (curvature p (1 - p) up to
 * 1/4 away from theta*) need not follow.
 *
 * @param lossStar f* on the evaluation rows
 * @param eigenvalues the Hessian's eigenvalues, ascending
 * @param eta the learning rate of the predictions (the policy's rate at the mean staleness)
 * @param geometric the paper's model
 * @param law the measured law
 * @param replayEdge the edge of the run's interleaving, or null when not computed
 * @param shuffledEdge the edge of the same staleness values in random order, or null
 * @param markovEdge the edge of a staleness sequence drawn from a Markov chain fitted to the run's, or null
 * @param curveSteps the updates of the predicted curve (the run's metric points)
 * @param predictedExcess E f - f* of the measured-law model at those updates
 * @param measured the run's decay of f - f* (floor-robust fit with its interval)
 * @param lawWindowDecay the measured-law expected loss's decay over the measured window (NaN when
 *     there is none; {@link LocalQuadraticTheory#windowDecay})
 * @param agrees whether the measured-law window decay (its asymptotic decay when there is no
 *     window) lies in the measured interval widened by {@link #MODEL_TOLERANCE}
 * @param phase which phase of the run the predictions cover: null for an exact model (the whole
 *     run), {@link LocalQuadraticTheory#PHASE} for a local one, the subspace model's own for softmax
 *     and large d
 * @param subspace what the subspace model keeps and leaves out, or null (the model follows every direction)
 * @param dynamicsEdge for a local model (logistic, softmax) at a constant rate: the rate where runs of
 *     the {@link SubspaceDynamics} (the exact loss in the model's directions, the run's law) of this
 *     run's length (at most {@link #DYNAMICS_UPDATES} updates) end no better than they started, the
 *     late-loss criterion of {@link EdgeSweep}; NaN otherwise
 */
public record RunTheory(double lossStar, double[] eigenvalues, double eta, GeometricModel geometric,
        MeasuredLawModel law, ReplayEdge replayEdge, ReplayEdge shuffledEdge, ReplayEdge markovEdge, long[] curveSteps,
        double[] predictedExcess, DecayFit measured, double lawWindowDecay, boolean agrees, String phase,
        SubspaceSummary subspace, double dynamicsEdge) {
    /** Most updates of the dynamics' simulated runs ({@link #dynamicsEdge}). */
    public static final long DYNAMICS_UPDATES = 10_000;

    /** Relative tolerance of "agrees", for what the i.i.d. model cannot see (serial correlation, the path vs its mean). */
    public static final double MODEL_TOLERANCE = 0.15;

    /**
     * L-BFGS iterations for theta* of the subspace model after a run, started from the run's last
     * parameters (each a pass over the training rows; the gradient norm reached is reported).
     */
    public static final int RUN_OPTIMUM_ITERATIONS = 150;

    /**
     * @param run the run
     * @param problem its problem (least squares: exact; logistic and softmax: the local model at theta*)
     * @param data its data
     * @param replays whether to find the replay edges (a few dozen single-thread replays of the run)
     * @param divergenceFactor as {@link TrainingSession.Options#divergenceFactor()}
     * @return the theory
     */
    public static RunTheory of(RunResult run, Problem problem, TrainTest data, boolean replays,
            double divergenceFactor) {
        Dataset train = data.train();
        Dataset evalRows = evalRows(train);
        LocalQuadraticTheory t = LocalQuadraticTheory.of(problem, train, evalRows, run.config().batchSize(),
                run.params(), RUN_OPTIMUM_ITERATIONS);
        double mean = Double.isNaN(run.fit().mean()) ? 0 : run.fit().mean();
        double eta = run.config().policy().effectiveEta(run.config().eta(), run.config().workers(), mean);
        double[] ev = t.model().hessianEigenvalues();
        GeometricModel geo = GeometricModel.of(run.fit().kappa(), eta, ev);
        StalenessLaw law = StalenessLaw.of(run.total().length == 0 ? new long[] {1} : run.total());
        MeasuredLawModel ml = MeasuredLawModel.of(t, law, eta);
        List<MetricPoint> series = run.series();
        long[] steps = series.stream().mapToLong(MetricPoint::update).toArray();
        double[] predicted = t.expectedExcess(eta, law, steps);
        DecayFit measured = MeasuredDecay.of(series, t.lossStar());
        ReplayEdge re = null;
        ReplayEdge se = null;
        ReplayEdge me = null;
        if (replays && t.exact() && run.schedule() != null && run.schedule().replayable() && run.resumedFrom() == 0) {
            Schedule s = run.schedule().toSchedule(run.config().fingerprint());
            re = ReplayEdge.find(s, run.config(), problem, data, t.lossStar(), run.config().eta(), 0.02, divergenceFactor);
            se = ReplayEdge.find(ReplayEdge.shuffled(s, run.config().seed()), run.config(), problem, data, t.lossStar(),
                    run.config().eta(), 0.02, divergenceFactor);
            me = ReplayEdge.find(MarkovStaleness.resample(s, run.config().seed()), run.config(), problem, data,
                    t.lossStar(), run.config().eta(), 0.02, divergenceFactor);
        }
        double window = Double.NaN;
        if (!Double.isNaN(measured.rate()) && measured.to() > measured.from()) {
            window = t.windowDecay(eta, law, measured.from(), measured.to(), Math.max(8, measured.points()));
        }
        double compared = Double.isNaN(window) ? ml.decay() : window;
        boolean agrees = !Double.isNaN(measured.rate()) && measured.contains(compared, MODEL_TOLERANCE);
        return new RunTheory(t.lossStar(), ev, eta, geo, ml, re, se, me, steps, predicted, measured, window, agrees, t.phase(),
                SubspaceSummary.of(t, eta), dynamicsEdge(run, problem, train, evalRows, t, law, ml.meanSquareEdge()));
    }

    /**
     * The dynamics' late-loss edge for a local model at a constant rate (runs of this run's length, at
     * most {@link #DYNAMICS_UPDATES}; {@link SubspaceDynamics#edge}; 3 seeds; to 3 %).
     */
    private static double dynamicsEdge(RunResult run, Problem problem, Dataset train, Dataset evalRows,
            LocalQuadraticTheory t, StalenessLaw law, double meanSquareEdge) {
        TrainingConfig c = run.config();
        if (t.phase() == null || !(c.policy() instanceof LearningRatePolicy.Constant) || !(meanSquareEdge > 0)
                || !Double.isFinite(meanSquareEdge)) {
            return Double.NaN;
        }
        return SubspaceDynamics.of(problem, t, train, evalRows, c.batchSize()).edge(law, meanSquareEdge,
                Math.min(c.updates(), DYNAMICS_UPDATES), c.evalEvery(), 3, SubspaceDynamics.TOLERANCE);
    }

    /**
     * @param train the training rows
     * @return the rows of the evaluated training loss (the first {@link TrainingSession#EVAL_ROWS})
     */
    public static Dataset evalRows(Dataset train) {
        return train.size() > TrainingSession.EVAL_ROWS
                ? train.select(IntStream.range(0, TrainingSession.EVAL_ROWS).toArray()) : train;
    }

    /** @return the expected training loss f* + E f - f* of the measured-law model at {@link #curveSteps()} */
    public double[] predictedLoss() {
        double[] loss = new double[predictedExcess.length];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = lossStar + predictedExcess[i];
        }
        return loss;
    }

    /** @return the smallest Hessian eigenvalue */
    public double minEigenvalue() {
        return Vectors.min(eigenvalues);
    }

    /** @return the largest Hessian eigenvalue */
    public double maxEigenvalue() {
        return Vectors.max(eigenvalues);
    }

    /** @return one line: which model the run follows */
    public String verdict() {
        if (Double.isNaN(measured.rate())) {
            return "no verdict: the decay is not measurable on this run's metric points";
        }
        double compared = Double.isNaN(lawWindowDecay) ? law.decay() : lawWindowDecay;
        String s = String.format(Locale.ROOT, "measured decay %.4g [%.4g, %.4g]; measured-law prediction %.4g%s: %s",
                measured.rate(), measured.lower(), measured.upper(), compared,
                phase != null ? " (late phase)" : Double.isNaN(lawWindowDecay) ? "" : " over the same window",
                agrees ? "agrees (within the interval widened by 15 %)" : "does not agree");
        if (eta >= law.meanSquareEdge()) {
            s += "; eta is above the measured-law edge " + String.format(Locale.ROOT, "%.4g", law.meanSquareEdge())
                    + ": the expected loss diverges";
        }
        return s;
    }
}
