package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Limits;
import dev.asgd.core.Require;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.problem.Problem;
import dev.asgd.training.run.ProblemChoice;
import dev.asgd.training.tune.Target;
import dev.asgd.training.tune.TargetTimer;
import dev.asgd.training.tune.TuneResult;
import dev.asgd.training.tune.TuneSettings;
import dev.asgd.training.tune.TuneStudy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asgd tune}: a short probe of the user's data and model, and the learning rate and worker count to use. */
@Command(name = "tune", header = "Recommends eta and the number of workers from a short probe of your data and model.",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Probes the data and model on this machine (threads engine, async, constant eta): the gradient "
            + "time per worker, the staleness law and throughput for M = 1, 2, 4, ... workers, the local "
            + "curvature and gradient noise, and the early curve to the target at a small eta and at a safety "
            + "margin below each M's predicted stability edge. Recommends the eta and M with the least predicted "
            + "wall time to the target (the largest loss decay per second), with the predicted time; --verify runs "
            + "it and prints the measured time; --grid-eta/--grid-workers time a grid of real runs beside it.",
            ""
        },
        footer = {"", "Examples:",
            "  asgd tune --data fashion-mnist --batch 32 --target-accuracy 0.8 --verify",
            "  asgd tune --data synthetic:logistic,n=20000,d=10 --target-loss 0.45 --plot out",
            "  asgd tune --data fashion-mnist --batch 32 --target-accuracy 0.8 --verify \\",
            "      --grid-eta 0.025,0.05,0.1,0.2,0.4 --grid-workers 1,2,4   (the tuner against a grid)"})
public class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "SPEC",
            description = "The data, as for asgd train: synthetic:KIND[,...], libsvm:PATH, csv:PATH or fashion-mnist[:n=N,dir=DIR].")
    String data;

    @Option(names = "--problem", paramLabel = "NAME",
            description = "least-squares, logistic or softmax (default: as asgd train, softmax for fashion-mnist).")
    String problem;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "LAMBDA", description = "L2 penalty (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of the data, its split and the minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "Held-out share of synthetic and file data (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--target-accuracy", paramLabel = "A", description = "Target: test accuracy >= A.")
    Double targetAccuracy;

    @Option(names = "--target-loss", paramLabel = "L", description = "Target: training loss <= L.")
    Double targetLoss;

    @Option(names = "--max-workers", paramLabel = "M",
            description = "Largest number of workers probed, M = 1, 2, 4, ... (default: the available processors).")
    Integer maxWorkers;

    @Option(names = "--safety", defaultValue = "0.8", paramLabel = "S",
            description = "The recommended eta is S x the predicted stability edge (default: ${DEFAULT-VALUE}).")
    double safety;

    @Option(names = "--verify", description = "Run the recommendation (--repeats times) and print predicted against measured time to target.")
    boolean verify;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "R",
            description = "Runs per verified or grid setting; their median time counts (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--grid-eta", split = ",", paramLabel = "ETA",
            description = "Also time a grid of real runs: these learning rates x --grid-workers, --repeats runs each.")
    double[] gridEta;

    @Option(names = "--grid-workers", split = ",", paramLabel = "M", description = "The grid's worker counts.")
    int[] gridWorkers;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write tune-surface.png and .svg: the predicted decay per second over (eta, M).")
    Path plot;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if ((targetAccuracy == null) == (targetLoss == null)) {
            throw new InvalidParameterException("target-accuracy", targetAccuracy == null ? "absent" : "given",
                    "exactly one of --target-accuracy A or --target-loss L");
        }
        Target target = targetAccuracy != null ? Target.accuracy(targetAccuracy) : Target.loss(targetLoss);
        Require.atLeast(batch, 1, "batch");
        int max = maxWorkers != null ? maxWorkers : Runtime.getRuntime().availableProcessors();
        Require.atLeast(max, 1, "max-workers");
        Limits.atMost("max-workers", max, Limits.MAX_THREADS, "one thread per worker");
        int[] gw = gridWorkers == null ? new int[0] : gridWorkers;
        for (int m : gw) {
            Require.atLeast(m, 1, "grid-workers");
            Limits.atMost("grid-workers", m, Limits.MAX_THREADS, "one thread per worker");
        }
        if (plot != null) {
            OutputPaths.requireWritableDirectory("plot", plot);
        }
        long t0 = System.nanoTime();
        TrainTest tt = DataSources.load(data, testFraction, seed);
        // the real run starts with the training path compiled: the JIT warm-up, if any, ends first (a few
        // seconds at most), rather than compiling it on the workers' cores; not part of the data's time
        long waitStart = System.nanoTime();
        dev.asgd.training.engine.Rehearsal.awaitThenEnd();
        long waited = System.nanoTime() - waitStart;
        ProblemChoice choice = ProblemChoice.of(data, problem, tt, l2);
        Problem p = choice.problem();
        if (target.accuracy() && (tt.test() == null || tt.test().size() == 0 || Double.isNaN(p.accuracy(new double[p.dimension()], tt.test())))) {
            throw new InvalidParameterException("target-accuracy", targetAccuracy,
                    "a classification problem with held-out rows (logistic, softmax), or --target-loss");
        }
        // the probe's runs (up to the most workers) and its curvature, refused before any work as train does
        int most = max;
        for (int m : gw) {
            most = Math.max(most, m);
        }
        TrainCommand.requireParameterCopies(most == max ? "max-workers" : "grid-workers", most, p);
        Limits.requireDoubles("data", data, dev.asgd.training.tune.EmpiricalCurvature.doubles(p.dimension()),
                "the curvature probe (Lanczos: about 28 vectors of the " + p.dimension() + " parameters)");
        int maxBatch = Math.max(tt.train().size(), TrainCommand.MIN_MAX_BATCH);
        if (batch > maxBatch) {
            throw new InvalidParameterException("batch", batch, "1 <= batch <= " + maxBatch);
        }
        TuneSettings settings = new TuneSettings(data, choice.name(), batch, seed, target, max, safety, repeats,
                verify, gridEta == null ? new double[0] : gridEta, gw);
        double dataSeconds = (System.nanoTime() - t0 - waited) / 1e9;
        TargetTimer timer = new TargetTimer(data, choice.name(), p, tt, TargetTimer.evalRows(tt.train()), batch, target);
        int planned = 3 + settings.probedWorkers().length + (verify ? repeats : 0)
                + settings.gridEta().length * gw.length * repeats;
        TuneResult result;
        try (Progress progress = Progress.start("tune", planned, "steps", output.quiet())) {
            int[] probeSteps = {0};
            result = TuneStudy.run(timer, settings, new TuneStudy.Listener() {
                @Override
                public void step(String step) {
                    probeSteps[0]++;
                    progress.stepTo(probeSteps[0]);
                    progress.message(step);
                }

                @Override
                public void runs(int done, int total) {
                    progress.stepTo(probeSteps[0] + done);
                    progress.message("real runs " + done + " of " + total);
                }
            });
        }
        TuneReport report = new TuneReport(result, dataSeconds);
        if (plot != null) {
            try {
                report.plot(plot);
            } catch (java.io.IOException e) {
                throw OutputPaths.error("plot", plot, e);
            }
        }
        output.print(spec.commandLine().getOut(), report);
        return ExitCode.OK;
    }
}
