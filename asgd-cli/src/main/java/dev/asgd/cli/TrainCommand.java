package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.EngineProvider;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ReplayEngine;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.problem.LeastSquares;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.problem.Problems;
import dev.asgd.training.staleness.TheoryComparison;
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
            + "around a parameter server, measures each update's staleness tau = version at apply - "
            + "version read, fits the geometric law of the paper (kappa = mean / (1 + mean), chi-square "
            + "goodness of fit) and, for least squares, sets the decay predicted from the Hessian "
            + "spectrum and the fitted kappa beside the measured one.",
            ""
        },
        footer = {"", "Examples:",
            "  asgd train --data synthetic:least-squares,n=20000,d=20 --workers 4 \\",
            "      --worker-delay exp:0.2",
            "  asgd train --data fashion-mnist --problem softmax --eta 0.1 \\",
            "      --batch 32 --updates 40000",
            "  asgd train --data csv:my.csv --checkpoint ckpt \\",
            "      --checkpoint-every 1000 --resume",
            "  asgd train --data synthetic:softmax --record-schedule s.csv",
            "  asgd train --data synthetic:softmax --replay s.csv   (the same run, replayed)"})
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "synthetic:KIND[,n=N,d=D,classes=K,noise=S,seed=SEED] (KIND least-squares, logistic, softmax),"
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
            description = "async, hogwild, sync or ssp:S (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "M", description = "Workers M (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--lr-policy", defaultValue = "constant", paramLabel = "POLICY",
            description = "constant, scaled (eta/M), staleness-aware (eta/(tau+1)) or dc-asgd:LAMBDA (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--eta", defaultValue = "0.05", paramLabel = "ETA", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--updates", defaultValue = "10000", paramLabel = "K",
            description = "Updates (parameter versions) of the run (default: ${DEFAULT-VALUE}).")
    long updates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of the data, its split and the minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-every", paramLabel = "N", description = "Metrics every N updates (default: updates / 50).")
    Long evalEvery;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Held-out share of synthetic and file data (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--worker-delay", defaultValue = "none", paramLabel = "SPEC",
            description = "Injected delays: none, or a comma list of fixed:MS, exp:MEAN_MS, slow:WORKER:FACTOR (default: ${DEFAULT-VALUE}).")
    String delay;

    @Option(names = "--record-schedule", paramLabel = "FILE", description = "Write the update schedule (async, ssp).")
    Path recordSchedule;

    @Option(names = "--replay", paramLabel = "FILE", description = "Replay a recorded schedule bit for bit (same settings).")
    Path replay;

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
        Mode m = Mode.parse(mode);
        LearningRatePolicy lr = LearningRatePolicy.parse(policy);
        WorkerDelay wd = WorkerDelay.parse(delay, workers);
        Schedule schedule = replay == null ? null : Schedule.read(replay);
        long k = schedule == null ? updates : schedule.entries().size();
        if (k < 1) {
            throw new InvalidParameterException("updates", k, "updates >= 1");
        }
        Engine e = threads ? (schedule != null ? new ReplayEngine(schedule) : new ThreadsEngine())
                : EngineProvider.load(engine, new EngineProvider.Options(master, injectTaskFailures, sparkTimeout, schedule));
        long every = evalEvery == null ? Math.max(1, k / 50) : evalEvery;
        TrainingConfig config = new TrainingConfig(data, "", l2, m, workers, lr, eta, batch, k, seed, every,
                checkpoint == null ? 0 : checkpointEvery, wd);
        TrainTest tt = DataSources.load(data, testFraction, seed);
        String name = problem != null ? problem : defaultProblem(data, tt.train());
        Problem p = Problems.of(name, tt.train(), l2);
        config = new TrainingConfig(data, name, l2, m, workers, lr, eta, batch, k, seed, every, config.checkpointEvery(), wd);
        RunResult result;
        try (Progress progress = Progress.start("train", k, "updates", output.quiet())) {
            TrainingSession.Listener listener = (v, t, loss, ups, st) -> {
                progress.stepTo(v);
                progress.message(String.format(Locale.ROOT, "loss %.4g, %.0f upd/s, tau %.2f", loss, ups, st));
            };
            TrainingSession session = TrainingSession.start(config, p, tt,
                    new TrainingSession.Options(checkpoint, resume, recordSchedule, listener));
            result = e.run(session);
        }
        TheoryComparison theory = null;
        if (p instanceof LeastSquares ls) {
            Dataset evalRows = tt.train().size() > TrainingSession.EVAL_ROWS
                    ? tt.train().select(java.util.stream.IntStream.range(0, TrainingSession.EVAL_ROWS).toArray())
                    : tt.train();
            double effEta = lr.effectiveEta(eta, workers, Double.isNaN(result.fit().mean()) ? 0 : result.fit().mean());
            theory = TheoryComparison.of(ls, tt.train(), evalRows, result.series(), result.fit().kappa(), effEta);
        }
        TrainReport report = new TrainReport(result, theory, tt);
        if (plot != null) {
            report.plot(plot);
        }
        output.print(spec.commandLine().getOut(), report);
        return ExitCode.OK;
    }

    static String defaultProblem(String data, Dataset train) {
        if (data.startsWith("synthetic:")) {
            String kind = data.substring(10).split(",")[0].strip();
            return kind;
        }
        if (data.startsWith("fashion-mnist")) {
            return "softmax";
        }
        int c = train.classes();
        return c > 2 ? "softmax" : c == 2 ? "logistic" : "least-squares";
    }
}
