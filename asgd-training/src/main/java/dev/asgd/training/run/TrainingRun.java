package dev.asgd.training.run;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Limits;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.CounterfactualReplay;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.problem.HessianSpectrum;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.LinearScores;
import dev.asgd.training.problem.LocalQuadraticProblem;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SoftmaxRegression;
import dev.asgd.training.staleness.TheoryComparison;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One real training run and the theory set beside it: starts the session, runs it on an engine,
 * and for least squares and logistic regression builds the run's predictions (the measured-law theory of {@link RunTheory}
 * where it applies, else the paper's geometric law with the fitted kappa, {@link
 * TheoryComparison}, and the reason), then replays the run's interleaving at other learning rates
 * if asked. Settings are immutable; the {@code with} methods return changed copies.
 *
 * @param config the run's settings
 * @param problem the loss
 * @param data the data
 * @param options the session's options (checkpoints, schedule recording, listener, divergence, averaging)
 * @param theory how much theory to set beside a least-squares run
 * @param replayEdges whether the measured-law theory also finds the replay edges of the run's
 *     interleaving (only for a constant rate)
 * @param whatIfEta learning rates to replay the run's interleaving at, or null
 * @param replayed the schedule the run replays ({@code asgd train --replay}), or null; the
 *     what-if replays use it instead of the run's own
 */
public record TrainingRun(TrainingConfig config, Problem problem, TrainTest data, TrainingSession.Options options,
        Theory theory, boolean replayEdges, double[] whatIfEta, Schedule replayed) {
    /**
     * Parameters x training rows up to which the model in the top Hessian eigendirections counts as
     * cheap ({@link Theory#MEASURED_LAW_IF_CHEAP}): a few hundred full-batch gradients of this size
     * take seconds.
     */
    public static final double CHEAP_SUBSPACE_WORK = 2e7;

    /** How much theory a least-squares run is set beside. */
    public enum Theory {
        /** None. */
        NONE,
        /** The paper's geometric law with the fitted kappa ({@link TheoryComparison}). */
        GEOMETRIC,
        /**
         * The measured-law theory ({@link RunTheory}) for a constant-rate run with fewer than
         * {@link LocalQuadraticTheory#MAX_DIMENSION} features and a regular Hessian; otherwise the
         * geometric law, with the reason (least squares). Logistic and softmax regression get the
         * measured-law theory of their local quadratic model at theta* for a constant rate (the
         * late phase; softmax and more than 39 features: in the top Hessian eigendirections), and
         * nothing otherwise.
         */
        MEASURED_LAW,
        /**
         * {@link #MEASURED_LAW} where it is cheap: least squares, logistic regression with at most
         * {@link LocalQuadraticTheory#MAX_DIMENSION} - 1 features (exact models), and the model in the
         * top Hessian eigendirections (softmax, larger logistic problems) when parameters x training
         * rows is at most {@link #CHEAP_SUBSPACE_WORK}; above, e.g. Fashion-MNIST softmax (7850 x
         * 48000, L-BFGS to theta* and Lanczos: about a minute on 2 cores), a note instead.
         */
        MEASURED_LAW_IF_CHEAP
    }

    /** Validates and copies. */
    public TrainingRun {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(theory, "theory");
        whatIfEta = whatIfEta == null ? null : whatIfEta.clone();
    }

    /**
     * @param config the run's settings
     * @param problem the loss
     * @param data the data
     * @return a run with no session options, the measured-law theory with replay edges, and no what-if replays
     */
    public static TrainingRun of(TrainingConfig config, Problem problem, TrainTest data) {
        return new TrainingRun(config, problem, data, TrainingSession.Options.none(), Theory.MEASURED_LAW, true, null,
                null);
    }

    /**
     * @param value the session's options
     * @return a copy with them
     */
    public TrainingRun withOptions(TrainingSession.Options value) {
        return new TrainingRun(config, problem, data, value, theory, replayEdges, whatIfEta, replayed);
    }

    /**
     * @param value how much theory
     * @param findReplayEdges whether the measured-law theory finds the replay edges
     * @return a copy with them
     */
    public TrainingRun withTheory(Theory value, boolean findReplayEdges) {
        return new TrainingRun(config, problem, data, options, value, findReplayEdges, whatIfEta, replayed);
    }

    /**
     * @param etas learning rates to replay the run's interleaving at, or null
     * @param schedule the schedule the run replays, or null
     * @return a copy with them
     */
    public TrainingRun withWhatIf(double[] etas, Schedule schedule) {
        return new TrainingRun(config, problem, data, options, theory, replayEdges, etas, schedule);
    }

    /**
     * @return whether {@link #predict} computes the local quadratic model in the top Hessian
     *     eigendirections (softmax, or logistic regression with more than
     *     {@link LocalQuadraticTheory#MAX_DIMENSION} parameters, at a constant rate; with
     *     {@code --theory auto} only where it is cheap and fits the heap)
     */
    public boolean computesSubspaceModel() {
        boolean measured = theory == Theory.MEASURED_LAW || theory == Theory.MEASURED_LAW_IF_CHEAP;
        return measured && subspaceProblem() && !(theory == Theory.MEASURED_LAW_IF_CHEAP && !cheapSubspace())
                && !(config.policy() instanceof LearningRatePolicy.Scheduled);
    }

    /** Softmax, or logistic regression beyond the exact model's size: the model in the top eigendirections. */
    private boolean subspaceProblem() {
        return problem instanceof SoftmaxRegression
                || problem instanceof LocalQuadraticProblem && !(problem instanceof LeastSquares)
                        && problem.dimension() > LocalQuadraticTheory.MAX_DIMENSION;
    }

    /** @return the doubles the model in the top eigendirections needs at most */
    private double subspaceDoubles() {
        return LocalQuadraticTheory.subspaceModelDoubles(problem.dimension(), LinearScores.of(problem).outputs(),
                data.train().size());
    }

    /** @return whether {@code --theory auto} computes that model: cheap in time, and within half the heap */
    private boolean cheapSubspace() {
        return (double) problem.dimension() * data.train().size() <= CHEAP_SUBSPACE_WORK
                && subspaceDoubles() <= Limits.maxDoubles();
    }

    /**
     * Refuses, before the run, {@code --theory full} when its model would not fit the heap (it is
     * computed after the run, which would then end in an out-of-memory error). {@code --theory auto}
     * is not refused: it leaves the model out with a note instead.
     *
     * @throws InvalidParameterException (theory) when the model in the top Hessian eigendirections
     *     needs more than {@link Limits#maxDoubles()} doubles
     */
    public void requireTheoryMemory() {
        if (theory != Theory.MEASURED_LAW || !computesSubspaceModel()) {
            return;
        }
        Limits.requireDoubles("theory", "full", subspaceDoubles(),
                "the local quadratic model in the top Hessian eigendirections (about 120 vectors of the "
                        + problem.dimension() + " parameters; --theory none skips it)");
    }

    /**
     * Runs the session on the engine, then computes the theory and the what-if replays
     * ({@link #predict}).
     *
     * @param engine where the workers run
     * @return the run and its theory
     * @throws InterruptedException when interrupted
     * @throws InvalidParameterException (what-if-eta) when replays are asked of a run whose
     *     interleaving was not recorded
     */
    public TrainingRunResult run(Engine engine) throws InterruptedException {
        return predict(train(engine));
    }

    /**
     * Starts the session and runs it on the engine, without the theory.
     *
     * @param engine where the workers run
     * @return the run
     * @throws InterruptedException when interrupted
     */
    public RunResult train(Engine engine) throws InterruptedException {
        return engine.run(TrainingSession.start(config, problem, data, options));
    }

    /**
     * The theory and the what-if replays of a finished run of these settings.
     *
     * @param result the run
     * @return the run and its theory
     * @throws InvalidParameterException (what-if-eta) when replays are asked of a run whose
     *     interleaving was not recorded
     */
    public TrainingRunResult predict(RunResult result) {
        RunTheory full = null;
        TheoryComparison geometricOnly = null;
        String note = null;
        boolean measured = theory == Theory.MEASURED_LAW || theory == Theory.MEASURED_LAW_IF_CHEAP;
        if (theory != Theory.NONE && problem instanceof LeastSquares ls) {
            LearningRatePolicy lr = config.policy();
            boolean scheduled = lr instanceof LearningRatePolicy.Scheduled;
            boolean small = problem.dimension() <= LocalQuadraticTheory.MAX_DIMENSION;
            String singular = measured && small ? singularHessianNote(ls, data.train()) : null;
            if (measured && !scheduled && small && singular == null) {
                boolean replays = replayEdges && replayed == null && lr instanceof LearningRatePolicy.Constant;
                full = RunTheory.of(result, ls, data, replays, options.divergenceFactor());
            } else {
                double mean = Double.isNaN(result.fit().mean()) ? 0 : result.fit().mean();
                double effEta = lr.effectiveEta(config.eta(), config.workers(), mean);
                geometricOnly = TheoryComparison.of(ls, data.train(), RunTheory.evalRows(data.train()), result.series(),
                        result.fit().kappa(), effEta);
                if (measured) {
                    note = scheduled ? "a learning-rate schedule: the theory's rates are for a constant rate (shown at"
                            + " the first update's)"
                            : !small ? "the measured-law theory needs at most " + (LocalQuadraticTheory.MAX_DIMENSION - 1)
                                    + " features"
                            : singular;
                }
            }
        } else if (theory == Theory.MEASURED_LAW_IF_CHEAP && (problem instanceof SoftmaxRegression
                || problem instanceof LocalQuadraticProblem && problem.dimension() > LocalQuadraticTheory.MAX_DIMENSION)
                && !cheapSubspace()) {
            note = (double) problem.dimension() * data.train().size() > CHEAP_SUBSPACE_WORK
                    ? String.format(Locale.ROOT, "the local quadratic model in the top Hessian eigendirections was not"
                    + " computed (%d parameters x %d rows: L-BFGS to theta* and Lanczos take about a minute for"
                    + " Fashion-MNIST softmax on 2 cores); ask for it with --theory full", problem.dimension(),
                    data.train().size())
                    : String.format(Locale.ROOT, "the local quadratic model in the top Hessian eigendirections was not"
                    + " computed: it needs about %s doubles, more than half the %s heap (raise -Xmx)",
                    Limits.sci(subspaceDoubles()), Limits.heap());
        } else if (measured && (problem instanceof LocalQuadraticProblem || problem instanceof SoftmaxRegression)) {
            if (config.policy() instanceof LearningRatePolicy.Scheduled) {
                note = "no theory: a learning-rate schedule (the local quadratic model's rates are for a constant rate)";
            } else {
                // the local quadratic model at theta* (logistic; softmax and more than 39 features in the top
                // Hessian eigendirections): no replay edges (the loss is bounded near the edge)
                full = RunTheory.of(result, problem, data, false, options.divergenceFactor());
            }
        }
        List<CounterfactualReplay.Outcome> whatIf = null;
        if (whatIfEta != null) {
            Schedule s = replayed != null ? replayed
                    : result.schedule() != null && result.schedule().replayable()
                            ? result.schedule().toSchedule(config.fingerprint()) : null;
            if (s == null) {
                throw new InvalidParameterException("what-if-eta", Arrays.toString(whatIfEta),
                        "an async or ssp run from update 0 (its interleaving is replayed), or --replay FILE");
            }
            whatIf = CounterfactualReplay.sweep(s, config, problem, data, whatIfEta, options.divergenceFactor());
        }
        return new TrainingRunResult(result, full, geometricOnly, note, whatIf);
    }

    /**
     * @param problem a least-squares problem
     * @param train its training rows
     * @return why the measured-law theory cannot be computed (a singular Hessian: add an L2
     *     penalty), or null when the Hessian is regular
     */
    public static String singularHessianNote(LeastSquares problem, Dataset train) {
        double[] ev = HessianSpectrum.of(problem, train, HessianSpectrum.EXACT_LIMIT, 60).eigenvalues();
        double max = ev[ev.length - 1];
        return ev[0] > 1e-12 * max ? null : String.format(Locale.ROOT,
                "the Hessian is singular (smallest eigenvalue %.3g): collinear or constant features; add --l2", ev[0]);
    }
}
