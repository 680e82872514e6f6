package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Limits;
import dev.asgd.core.Require;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.DataProvider;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ReplayEngine;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.ScheduleLog;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.LocalQuadraticProblem;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.SoftmaxRegression;
import dev.asgd.training.run.EdgeMeasurement;
import dev.asgd.training.run.ProblemChoice;
import dev.asgd.training.run.TrainingRun;
import dev.asgd.training.run.TrainingRunResult;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.LocalQuadraticTheory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd train}: real asynchronous training on this machine, its staleness, and the theory's prediction. */
@Command(name = "train", header = "Real asynchronous training (threads or Spark) with measured staleness and the theory's prediction.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Trains a linear model (least squares, logistic, softmax) with M asynchronous workers "
            + "around a parameter server and measures each update's staleness tau = version at apply - "
            + "version read. For least squares it predicts the run three ways, side by side: the paper's "
            + "geometric law (fitted kappa), the measured staleness law with the data's minibatch noise "
            + "(exact moments: decay, expected loss curve, stability edges), and the run's own "
            + "interleaving replayed at other learning rates. A run whose loss passes --divergence-factor "
            + "times its initial loss stops with exit code 3.",
            ""
        },
        footer = {"", "Examples:",
            "  asgd train --data synthetic:least-squares,n=20000,d=20 --workers 4 \\",
            "      --worker-delay exp:0.2",
            "  asgd train --data synthetic:least-squares,n=20000,d=20 --workers 4 \\",
            "      --worker-delay exp:0.2 --eta 0.1 --what-if-eta 0.2,0.3,0.4",
            "  asgd train --data synthetic:least-squares,n=20000,d=20 --workers 4 \\",
            "      --worker-delay exp:0.2 --updates 4000 --sweep-eta 0.1,0.2,0.4,0.8 \\",
            "      --find-edge --plot out   (the real stability edge, measured)",
            "  asgd train --data fashion-mnist --problem softmax --eta 0.1 \\",
            "      --batch 32 --updates 40000",
            "  asgd train --data csv:my.csv --checkpoint ckpt \\",
            "      --checkpoint-every 1000 --resume",
            "  asgd train --data synthetic:softmax --record-schedule s.csv",
            "  asgd train --data synthetic:softmax --replay s.csv   (the same run, replayed)"})
public class TrainCommand implements Callable<Integer> {
    static final double DEFAULT_ETA = 0.05;
    /** --batch may always be this large, however few the rows (minibatches are drawn with replacement). */
    static final int MIN_MAX_BATCH = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "synthetic:KIND[,n=N,d=D,classes=K,noise=S,seed=SEED] (KIND least-squares, logistic, softmax),"
                    + " synthetic:SPARSE[,n=N,d=D,density=P,noise=S,seed=SEED] (SPARSE sparse-least-squares,"
                    + " sparse-logistic: CSR rows with density x d non-zeros each),"
                    + " libsvm:PATH, csv:PATH (label first) or fashion-mnist[:n=N,dir=DIR].")
    String data;

    @Option(names = "--problem", paramLabel = "NAME",
            description = "least-squares, logistic or softmax (default: the synthetic kind; softmax for fashion-mnist;"
                    + " for files softmax with > 2 classes, logistic with 2, else least-squares).")
    String problem;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "LAMBDA", description = "L2 penalty (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--engine", defaultValue = "threads", paramLabel = "ENGINE",
            description = "Where workers run: threads, or spark (Apache Spark; run through ./asgd, which adds it)"
                    + " (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master URL (spark engine; default: the spark-submit master, else local[*] embedded,"
                    + " local[*,4] with --inject-task-failures).")
    String master;

    @Option(names = "--inject-task-failures", defaultValue = "0", paramLabel = "P",
            description = "Spark engine: the first attempt of a task fails with probability P and Spark retries it"
                    + " (tests, demos; default: ${DEFAULT-VALUE}).")
    double injectTaskFailures;

    @Option(names = "--spark-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Spark engine: longest wait for the master, the first task, or any one job (default: ${DEFAULT-VALUE}).")
    double sparkTimeout;

    @Option(names = "--mode", defaultValue = "async", paramLabel = "MODE",
            description = "async, hogwild, hogwild:racy, sync or ssp:S (default: ${DEFAULT-VALUE}). hogwild adds each"
                    + " coordinate atomically (no update lost); hogwild:racy with a plain read and write (faster on sparse data),"
                    + " but two workers writing one coordinate at once may lose one addition (on sparse rows"
                    + " the intercept stays atomic).")
    String mode;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "M", description = "Workers M (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--lr-policy", paramLabel = "POLICY",
            description = "constant, scaled (eta/M), staleness-aware (eta/(tau+1)) or dc-asgd:LAMBDA (default: constant;"
                    + " with --replay, the recorded one).")
    String policy;

    @Option(names = "--eta", paramLabel = "ETA",
            description = "Learning rate (default: 0.05; with --replay, the recorded one: another eta replays the"
                    + " recorded interleaving at that rate).")
    Double eta;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--updates", defaultValue = "10000", paramLabel = "K",
            description = "Updates (parameter versions) of the run (default: ${DEFAULT-VALUE}).")
    long updates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of the data, its split and the minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-every", paramLabel = "N", description = "Metrics every N updates (default: updates / 50). "
            + "Each point scores up to 10000 training and every test row on a background thread: on 2 cores with 2 "
            + "workers that thread competes with them (Fashion-MNIST: 51 points cost about 0.8x the arithmetic of "
            + "20000 updates); --eval-every UPDATES computes them at the start and the end only.")
    Long evalEvery;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Held-out share of synthetic and file data (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--worker-delay", defaultValue = "none", paramLabel = "SPEC",
            description = "Injected delays: none, or a comma list of fixed:MS, exp:MEAN_MS, slow:WORKER:FACTOR (default: ${DEFAULT-VALUE}).")
    String delay;

    @Option(names = "--record-schedule", paramLabel = "FILE", description = "Write the update schedule (async, ssp).")
    Path recordSchedule;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Replay a recorded schedule in one thread: bit for bit with the recorded settings, or the same"
                    + " interleaving of reads and applies at another --eta or --lr-policy.")
    Path replay;

    @Option(names = "--what-if-eta", split = ",", paramLabel = "ETA",
            description = "After the run (or --replay), replay its interleaving at each of these learning rates in one"
                    + " thread: loss, decay and divergence of each, for the real system's ordering.")
    double[] whatIfEta;

    @Option(names = "--sweep-eta", split = ",", paramLabel = "ETA",
            description = "Measure the real stability edge: real runs at each learning rate (--repeats seeds each),"
                    + " their decay and divergence, beside every prediction (least squares, logistic, softmax).")
    double[] sweepEta;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "R",
            description = "With --sweep-eta: runs (seeds SEED, SEED+1, ...) per learning rate (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--find-edge", description = "With --sweep-eta: refine the edge by bisection between the largest"
            + " stable and the smallest unstable learning rate.")
    boolean findEdge;

    @Option(names = "--edge-tolerance", defaultValue = "0.02", paramLabel = "REL",
            description = "With --find-edge: stop when the bracket's ratio is below 1 + REL (default: ${DEFAULT-VALUE}).")
    double edgeTolerance;

    @Option(names = "--theory", defaultValue = "auto", paramLabel = "WHICH",
            description = "The theory set beside the run: auto (every model, except that softmax and logistic problems"
                    + " with more than 2e7 parameters x training rows get a note instead of the model in the top Hessian"
                    + " eigendirections, whose L-BFGS and Lanczos take about a minute for Fashion-MNIST on 2 cores),"
                    + " full (that model too) or none (default: ${DEFAULT-VALUE}).")
    String theory;

    @Option(names = "--replay-edge", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Least squares: find the stability edge of the run's own interleaving by replays (a few dozen"
                    + " single-thread replays; default: on).")
    boolean replayEdge;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE",
            description = "Learning-rate schedule over the updates k: constant, step:K:GAMMA (times GAMMA every K"
                    + " updates) or inv:T (eta / (1 + k/T)) (default: constant; with --replay, the recorded one).")
    String lrSchedule;

    @Option(names = "--average", paramLabel = "tail:F",
            description = "Also report the average of the iterates over the last share F of the run (tail:0.5: the"
                    + " second half; Polyak-Ruppert averaging): at a constant rate it has far less noise than the"
                    + " last iterate. Not with hogwild or --checkpoint.")
    String average;

    @Option(names = "--divergence-factor", defaultValue = "1e6", paramLabel = "F",
            description = "Stop with exit code 3 once a minibatch or training loss exceeds F times the initial training"
                    + " loss (F >= 10; default: ${DEFAULT-VALUE}; Infinity: only non-finite values).")
    double divergenceFactor;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Write checkpoints atomically into DIR.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "N",
            description = "Checkpoint every N updates (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--resume", description = "Continue from the checkpoint in --checkpoint DIR, if there is one.")
    boolean resume;

    @Option(names = "--plot", paramLabel = "DIR", description = "Write PNGs of the loss curves and the staleness histogram.")
    Path plot;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        boolean threads = engine.equals("threads");
        if (threads && (master != null || injectTaskFailures != 0)) {
            throw new InvalidParameterException(master != null ? "master" : "inject-task-failures",
                    master != null ? master : injectTaskFailures, "only with --engine spark");
        }
        if (resume && checkpoint == null) {
            throw new InvalidParameterException("resume", "true", "--resume with --checkpoint DIR");
        }
        if (replay != null && (checkpoint != null || recordSchedule != null)) {
            throw new InvalidParameterException("replay", replay, "--replay without --checkpoint or --record-schedule");
        }
        if (sweepEta != null && (replay != null || checkpoint != null || recordSchedule != null || whatIfEta != null)) {
            throw new InvalidParameterException("sweep-eta", java.util.Arrays.toString(sweepEta),
                    "--sweep-eta without --replay, --checkpoint, --record-schedule or --what-if-eta");
        }
        if (!(divergenceFactor >= TrainingSession.MIN_DIVERGENCE_FACTOR)) {
            throw new InvalidParameterException("divergence-factor", divergenceFactor,
                    "a factor >= 10 (one minibatch's loss is a noisy sample of the training loss) or Infinity");
        }
        checkRates("what-if-eta", whatIfEta);
        checkRates("sweep-eta", sweepEta);
        double averageTail = parseAverage(average);
        if (averageTail > 0 && sweepEta != null) {
            throw new InvalidParameterException("average", average, "no --average with --sweep-eta");
        }
        for (String flag : new String[] {"--repeats", "--find-edge", "--edge-tolerance"}) {
            if (sweepEta == null && given(flag)) {
                throw new InvalidParameterException(flag.substring(2), "given", "only with --sweep-eta");
            }
        }
        if (sweepEta != null && eta != null) {
            throw new InvalidParameterException("eta", eta, "no --eta with --sweep-eta (the sweep's rates are its list)");
        }
        Require.atLeast(workers, 1, "workers");
        Limits.atMost("workers", workers, Limits.MAX_THREADS, "one thread per worker");
        Require.atLeast(batch, 1, "batch");
        if (checkpoint != null || given("--checkpoint-every")) {
            Require.atLeast(checkpointEvery, 1, "checkpoint-every");
        }
        if (plot != null) {
            OutputPaths.requireWritableDirectory("plot", plot);
        }
        if (recordSchedule != null) {
            OutputPaths.requireWritableFile("record-schedule", recordSchedule);
        }
        Mode m = Mode.parse(mode);
        WorkerDelay wd = WorkerDelay.parse(delay, workers);
        Schedule schedule = replay == null ? null : Schedule.read(replay);
        LearningRatePolicy lr = LearningRatePolicy.parse(policy != null ? policy
                : schedule != null ? schedule.recordedSetting("policy") : "constant");
        if (lrSchedule != null) {
            LearningRatePolicy base = lr instanceof LearningRatePolicy.Scheduled sc ? sc.base() : lr;
            lr = LearningRatePolicy.Scheduled.of(base, lrSchedule);
        }
        double rate = eta != null ? eta : schedule != null ? schedule.recordedEta() : DEFAULT_ETA;
        long k = schedule == null ? updates : schedule.entries().size();
        if (k < 1) {
            throw new InvalidParameterException("updates", k, "updates >= 1");
        }
        if (whatIfEta != null && schedule == null) {
            if (!(m.kind() == Mode.Kind.ASYNC || m.kind() == Mode.Kind.SSP)) {
                throw new InvalidParameterException("what-if-eta", java.util.Arrays.toString(whatIfEta),
                        "--mode async or ssp (their interleaving is replayed), or --replay FILE");
            }
            if (resume) {
                throw new InvalidParameterException("what-if-eta", java.util.Arrays.toString(whatIfEta),
                        "a run from update 0, not --resume (the interleaving before the checkpoint is not kept)");
            }
            if (k > ScheduleLog.MAX_UPDATES) {
                throw new InvalidParameterException("what-if-eta", java.util.Arrays.toString(whatIfEta),
                        "a run of at most " + ScheduleLog.MAX_UPDATES + " updates (its schedule is kept in memory)");
            }
        }
        long every = evalEvery == null ? Math.max(1, k / 50) : evalEvery;
        if (every >= 1) {
            Limits.requireDoubles("eval-every", every, (k / (double) every + 2) * 40,
                    "metric records (updates / eval-every of about 40 doubles each)");
        }
        EngineProvider.Options engineOptions = new EngineProvider.Options(master, injectTaskFailures, sparkTimeout,
                schedule, output.quiet());
        try (SessionData shape = load(threads, engineOptions)) {
            // the real run starts with the training path compiled: the JIT warm-up, if any, ends first (a few
            // seconds at most), rather than compiling it on the workers' cores; hogwild's lock-free workers are
            // not what it rehearses
            if (m.kind() == Mode.Kind.HOGWILD) {
                dev.asgd.training.engine.Rehearsal.end();
            } else {
                dev.asgd.training.engine.Rehearsal.awaitThenEnd();
            }
            return train(shape, m, wd, schedule, lr, rate, k, every, averageTail, engineOptions);
        }
    }

    /**
     * Refuses, before any run, workers whose parameter copies (about 4 per worker, plus 4: versions,
     * gradients, the evaluator's and the average's) would not fit half the heap.
     *
     * @param flag the flag that sets the workers ({@code workers}, tune's {@code max-workers} ...)
     * @param workers M
     * @param p the problem
     */
    static void requireParameterCopies(String flag, int workers, Problem p) {
        Limits.requireDoubles(flag, workers, (workers + 4.0) * 4 * p.dimension(),
                "parameter copies (about 4 per worker, plus 4, of " + p.dimension() + " parameters)");
    }

    /**
     * The data: read where it lives by the engine's {@link DataProvider} (e.g. {@code csv:hdfs://...} with
     * {@code --engine spark}: the driver holds no row), else loaded in this JVM.
     */
    private SessionData load(boolean threads, EngineProvider.Options engineOptions) {
        DataProvider provider = threads ? null : DataProvider.find(engine, data);
        if (provider == null) {
            return SessionData.of(DataSources.load(data, testFraction, seed));
        }
        String why = "a data set in this JVM (synthetic, fashion-mnist or a local file): " + data
                + " is read where it lives by the executors";
        if (sweepEta != null) {
            throw new InvalidParameterException("sweep-eta", java.util.Arrays.toString(sweepEta), why);
        }
        if (whatIfEta != null) {
            throw new InvalidParameterException("what-if-eta", java.util.Arrays.toString(whatIfEta), why);
        }
        if (replay != null) {
            throw new InvalidParameterException("replay", replay, why);
        }
        return provider.open(data, testFraction, seed, workers, engineOptions);
    }

    private int train(SessionData shape, Mode m, WorkerDelay wd, Schedule schedule, LearningRatePolicy lr, double rate,
            long k, long every, double averageTail, EngineProvider.Options engineOptions) throws Exception {
        boolean threads = engine.equals("threads");
        TrainTest tt = shape.inMemory();
        ProblemChoice choice = ProblemChoice.of(data, problem, shape, l2);
        String name = choice.name();
        Problem p = choice.problem();
        long maxBatch = Math.max(shape.trainRows(), MIN_MAX_BATCH);
        if (batch > maxBatch) {
            throw new InvalidParameterException("batch", batch, "1 <= batch <= " + maxBatch
                    + " (the rows of the training set, or " + MIN_MAX_BATCH + " when there are fewer)");
        }
        requireParameterCopies("workers", workers, p);
        // each worker thread (and the evaluator) copies its dense minibatch and its scores
        double perThread = (double) batch * (shape.features() + 1 + Math.max(1, shape.trainClasses()));
        Limits.requireDoubles("batch", batch, (workers + 1.0) * perThread,
                "minibatch copies (one per worker, " + batch + " rows of " + shape.features() + " features)");
        TrainingConfig config = TrainingConfig.builder(data, name).l2(l2).mode(m).workers(workers).policy(lr).eta(rate)
                .batchSize(batch).updates(k).seed(seed).evalEvery(every)
                .checkpointEvery(checkpoint == null ? 0 : checkpointEvery).delay(wd).build();
        boolean counterfactual = schedule != null && !schedule.fingerprint().equals(config.fingerprint());
        if (counterfactual && !threads) {
            throw new InvalidParameterException("replay", replay,
                    "the recorded --eta and --lr-policy with --engine spark (replays at other rates run with --engine threads)");
        }
        if (sweepEta != null) {
            return sweep(config, p, tt);
        }
        Engine e = threads ? (schedule != null ? new ReplayEngine(schedule, counterfactual) : new ThreadsEngine())
                : EngineProvider.load(engine, engineOptions);
        TrainingRun run = tt == null ? null : TrainingRun.of(config, p, tt)
                .withTheory(theoryLevel(), replayEdge).withWhatIf(whatIfEta, schedule);
        if (run != null) {
            run.requireTheoryMemory();
        }
        RunResult result;
        try (Progress progress = Progress.start("train", k, "updates", output.quiet())) {
            TrainingSession.Listener listener = (v, t, loss, ups, st) -> {
                progress.stepTo(v);
                progress.message(String.format(Locale.ROOT, "loss %.4g, %.0f upd/s, tau %.2f", loss, ups, st));
            };
            TrainingSession.Options options = new TrainingSession.Options(checkpoint, resume, recordSchedule, listener,
                    divergenceFactor).withAverageTail(averageTail);
            if (run != null) {
                run = run.withOptions(options);
                result = run.train(e);
            } else {
                result = e.run(TrainingSession.start(config, p, shape, options));
            }
        }
        TrainingRunResult r = run != null ? run.predict(result) : new TrainingRunResult(result, null, null,
                "no theory: the rows are read where they live (the theory needs them in this JVM)", null);
        TrainReport report = new TrainReport(r.result(), r.theory(), r.geometricOnly(), r.theoryNote(), r.whatIf(),
                r.lossStar(), counterfactual, shape);
        plot(report::plot);
        output.print(spec.commandLine().getOut(), report);
        return ExitCode.OK;
    }

    /** @return the theory asked for by --theory; exit 2 naming it for another value */
    private TrainingRun.Theory theoryLevel() {
        return switch (theory) {
            case "auto" -> TrainingRun.Theory.MEASURED_LAW_IF_CHEAP;
            case "full" -> TrainingRun.Theory.MEASURED_LAW;
            case "none" -> TrainingRun.Theory.NONE;
            default -> throw new InvalidParameterException("theory", theory, "auto, full or none");
        };
    }

    /** Writes the plots into --plot DIR, if given; a failure names the flag (exit 2). */
    private void plot(PlotWriter writer) {
        if (plot == null) {
            return;
        }
        try {
            writer.write(plot);
        } catch (java.io.IOException e) {
            throw OutputPaths.error("plot", plot, e);
        }
    }

    /** A report's plot method. */
    private interface PlotWriter {
        void write(Path dir) throws java.io.IOException;
    }

    private int sweep(TrainingConfig config, Problem p, TrainTest tt) throws Exception {
        boolean local = p instanceof LocalQuadraticProblem && (p.dimension() <= LocalQuadraticTheory.MAX_DIMENSION
                || !(p instanceof LeastSquares));
        if (!local && !(p instanceof SoftmaxRegression)) {
            throw new InvalidParameterException("sweep-eta", java.util.Arrays.toString(sweepEta),
                    "least squares with at most " + (LocalQuadraticTheory.MAX_DIMENSION - 1) + " features, logistic or"
                            + " softmax regression (the decay is measured on f - f* and predicted by the local quadratic model)");
        }
        if (!(config.policy() instanceof LearningRatePolicy.Constant)) {
            throw new InvalidParameterException("lr-policy", config.policy().spec(),
                    "constant with --sweep-eta (the edges are in units of eta; other policies change the rate per update)");
        }
        String singular = p instanceof LeastSquares ls ? TrainingRun.singularHessianNote(ls, tt.train()) : null;
        if (singular != null) {
            throw new InvalidParameterException("l2", l2, "an --l2 > 0 for this data: " + singular);
        }
        if (repeats < 1 || repeats > 100) {
            throw new InvalidParameterException("repeats", repeats, "1 <= repeats <= 100");
        }
        if (!(edgeTolerance > 0 && edgeTolerance < 1)) {
            throw new InvalidParameterException("edge-tolerance", edgeTolerance, "0 < tolerance < 1");
        }
        boolean threads = engine.equals("threads");
        java.util.function.Supplier<Engine> engines = threads ? ThreadsEngine::new
                : () -> EngineProvider.load(engine, new EngineProvider.Options(master, injectTaskFailures, sparkTimeout, null));
        EdgeMeasurement measurement = new EdgeMeasurement(config, p, tt, engines, repeats, divergenceFactor);
        EdgeStudy study;
        long planned = (long) sweepEta.length * repeats;
        try (Progress progress = Progress.start("sweep", planned, "runs", output.quiet())) {
            study = measurement.study(sweepEta, findEdge, edgeTolerance, replayEdge, EdgeStudy.MAX_RUN_EDGES,
                    (done, run) -> {
                        progress.stepTo(Math.min(done, planned));
                        progress.message(String.format(Locale.ROOT, "eta %.4g seed %d: %s", run.eta(), run.seed(),
                                run.divergedAt() >= 0 ? "diverged at " + run.divergedAt()
                                        : String.format(Locale.ROOT, "decay %.4g", run.fit().rate())));
                    });
        }
        EdgeSweepReport report = new EdgeSweepReport(config, study);
        plot(report::plot);
        output.print(spec.commandLine().getOut(), report);
        return ExitCode.OK;
    }

    private static void checkRates(String flag, double[] etas) {
        if (etas == null) {
            return;
        }
        if (etas.length == 0 || etas.length > 1000) {
            throw new InvalidParameterException(flag, etas.length + " values", "1 to 1000 learning rates");
        }
        for (double v : etas) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException(flag, v, "learning rates > 0 and finite");
            }
        }
    }

    /** @return F of {@code --average tail:F}, 0 when not given */
    static double parseAverage(String spec) {
        if (spec == null) {
            return 0;
        }
        String s = spec.strip();
        if (s.startsWith("tail:")) {
            try {
                double f = Double.parseDouble(s.substring(5));
                if (f > 0 && f <= 1) {
                    return f;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new InvalidParameterException("average", spec, "tail:F with 0 < F <= 1 (e.g. tail:0.5, the second half)");
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
