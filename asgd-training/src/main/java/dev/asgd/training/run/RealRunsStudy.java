package dev.asgd.training.run;

import dev.asgd.core.Require;
import dev.asgd.core.compare.Agreement;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.EdgeSweep;
import dev.asgd.training.problem.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The theory against real runs: real threaded ASGD on least squares, its stability edge measured
 * over a grid of learning rates and seeds and refined by bisection ({@link EdgeMeasurement}),
 * beside the edges predicted by the paper's geometric model, the measured staleness law, each
 * run's own law, and replays of the runs' interleavings (as recorded, shuffled, and from a fitted
 * Markov chain); and the measured decay at every stable learning rate beside the measured law's
 * and the geometric model's. The component names are the keys of the reproduce report's
 * results.json.
 *
 * @param workers M
 * @param updates updates per run
 * @param repeats seeds per learning rate
 * @param meanStaleness the pooled measured mean staleness
 * @param kappa the fitted geometric kappa
 * @param edgeMeasured the measured edge (bisection)
 * @param edgeMeasuredStableBelow the largest stable learning rate run
 * @param edgeMeasuredUnstableAbove the smallest unstable learning rate run
 * @param edgeGeometricMean the paper's geometric law's edge of the mean
 * @param edgeMeasuredLawMean the measured law's edge of the mean
 * @param edgeMeasuredLawMeanSquare the measured law's edge of the mean square (exact)
 * @param edgeMeasuredLawPerRunMedian the median of each run's own law's edge
 * @param edgeReplay the median edge of the runs' interleavings replayed (NaN when not found)
 * @param edgeShuffledReplay the same staleness shuffled, replayed (NaN when not found)
 * @param edgeMarkovReplay a Markov chain on tau fitted to each run, replayed (NaN when not found)
 * @param decays the decays at the stable learning rates with a measured decay, up to
 *     {@link #DECAY_RANGE} of the measured edge
 * @param decaysAgreeing how many of them agree
 * @param decaysCompared how many there are
 */
public record RealRunsStudy(int workers, long updates, int repeats, double meanStaleness, double kappa,
        double edgeMeasured, double edgeMeasuredStableBelow, double edgeMeasuredUnstableAbove, double edgeGeometricMean,
        double edgeMeasuredLawMean, double edgeMeasuredLawMeanSquare, double edgeMeasuredLawPerRunMedian,
        double edgeReplay, double edgeShuffledReplay, double edgeMarkovReplay, List<Decay> decays, int decaysAgreeing,
        int decaysCompared) {
    /** Largest relative deviation of the measured law's mean-square edge from the measured edge that agrees. */
    public static final double EDGE_TOLERANCE = 0.15;
    /** Largest relative deviation of the replayed interleavings' edge from the measured edge that agrees. */
    public static final double REPLAY_TOLERANCE = 0.10;
    /**
     * Decays are compared at the stable learning rates up to this fraction of the measured edge: closer
     * to the edge the transient is a few metric points and the loss hardly decays within the run, so
     * one run in a few disagreed there by chance (the decay study of asgd-training's README measures
     * agreement at 1 to 80 % of the edge).
     */
    public static final double DECAY_RANGE = 0.8;
    /** The injected compute delay of every worker. */
    public static final String DELAY = "exp:0.2";
    /** Metrics every this many updates. */
    public static final long EVAL_EVERY = 10;

    /** Copies. */
    public RealRunsStudy {
        decays = List.copyOf(decays);
    }

    /** @return edgeGeometricMean / edgeMeasured: how many times too large the paper's geometric edge is */
    public double edgeGeometricOverMeasured() {
        return edgeGeometricMean / edgeMeasured;
    }

    /**
     * The settings of the study.
     *
     * @param data the data spec (least squares)
     * @param workers M
     * @param batch rows per minibatch
     * @param grid the learning rates run first
     * @param updates updates per run
     * @param repeats seeds per learning rate
     * @param seed the seed of the data and the first run
     * @param edgeTolerance the bisection's relative tolerance
     * @param maxRunEdges the most runs whose own law's edge is computed
     */
    public record Settings(String data, int workers, int batch, double[] grid, long updates, int repeats, long seed,
            double edgeTolerance, int maxRunEdges) {
        /** Validates and copies. */
        public Settings {
            Objects.requireNonNull(data, "data");
            Require.atLeast(workers, 1, "workers");
            Require.atLeast(repeats, 1, "repeats");
            grid = grid.clone();
        }

        /** @return the grid (a copy) */
        @Override
        public double[] grid() {
            return grid.clone();
        }
    }

    /**
     * The measured decay of f - f* at one stable learning rate, beside the predictions.
     *
     * @param eta the learning rate
     * @param measuredDecay the pooled measured decay per update
     * @param measuredLower its interval's lower end
     * @param measuredUpper its interval's upper end
     * @param measuredLawDecay the measured law's asymptotic decay -ln rho_ms
     * @param measuredLawWindowDecay the measured law's decay over the measured window (NaN without one)
     * @param geometricDecay the paper's geometric model's decay
     * @param agrees whether the measured law's decay lies in the widened measured interval
     */
    public record Decay(double eta, double measuredDecay, double measuredLower, double measuredUpper,
            double measuredLawDecay, double measuredLawWindowDecay, double geometricDecay, boolean agrees) {
        /** @return the measured law's decay compared: over the same window when there is one, else asymptotic */
        public double comparedLawDecay() {
            return Double.isNaN(measuredLawWindowDecay) ? measuredLawDecay : measuredLawWindowDecay;
        }
    }

    /**
     * @param settings the settings
     * @param listener receives each finished run, or null
     * @return the study
     * @throws InterruptedException when interrupted
     */
    public static RealRunsStudy run(Settings settings, EdgeSweep.Listener listener) throws InterruptedException {
        TrainTest data = DataSources.load(settings.data(), 0.2, settings.seed());
        LeastSquares problem = new LeastSquares(data.train().features(), 0);
        double[] grid = settings.grid();
        TrainingConfig base = TrainingConfig.builder(settings.data(), "least-squares").mode(Mode.parse("async"))
                .workers(settings.workers()).eta(grid[0]).batchSize(settings.batch()).updates(settings.updates())
                .seed(settings.seed()).evalEvery(EVAL_EVERY).delay(WorkerDelay.parse(DELAY, settings.workers())).build();
        EdgeStudy study = new EdgeMeasurement(base, problem, data, ThreadsEngine::new, settings.repeats(),
                EdgeSweep.EDGE_DIVERGENCE_FACTOR).study(grid, true, settings.edgeTolerance(), true,
                        settings.maxRunEdges(), listener);
        return of(settings, study);
    }

    /**
     * @param settings the settings the study ran with
     * @param study the edge study of the sweep
     * @return its numbers
     */
    public static RealRunsStudy of(Settings settings, EdgeStudy study) {
        List<Decay> decays = new ArrayList<>();
        int agree = 0;
        for (EdgeStudy.Row r : study.rows()) {
            if (!r.stable() || Double.isNaN(r.measured()) || r.eta() > DECAY_RANGE * study.sweep().edge()) {
                continue;
            }
            if (r.agrees()) {
                agree++;
            }
            decays.add(new Decay(r.eta(), r.measured(), r.lower(), r.upper(), r.lawDecay(), r.lawWindowDecay(),
                    r.geometricDecay(), r.agrees()));
        }
        return new RealRunsStudy(settings.workers(), settings.updates(), settings.repeats(), study.law().mean(),
                study.kappa(), study.sweep().edge(), study.sweep().stableBelow(), study.sweep().unstableAbove(),
                study.geometricEdge(), study.lawMeanEdge(), study.lawMeanSquareEdge(), study.medianRunEdge(),
                edge(study.replayEdge()), edge(study.shuffledEdge()), edge(study.markovEdge()), decays, agree,
                decays.size());
    }

    private static double edge(dev.asgd.training.predict.ReplayEdge e) {
        return e == null ? Double.NaN : e.edge();
    }

    /** @return whether the measured law's mean-square edge is within {@link #EDGE_TOLERANCE} of the measured edge */
    public boolean lawEdgeAgrees() {
        return Agreement.relativeDeviation(edgeMeasuredLawMeanSquare, edgeMeasured) <= EDGE_TOLERANCE;
    }

    /** @return whether the replayed interleavings' edge is within {@link #REPLAY_TOLERANCE} of the measured edge */
    public boolean replayEdgeAgrees() {
        return Agreement.relativeDeviation(edgeReplay, edgeMeasured) <= REPLAY_TOLERANCE;
    }

    /** @return whether some decay was compared and every one agrees */
    public boolean decaysAllAgree() {
        return decaysCompared > 0 && decaysAgreeing == decaysCompared;
    }
}
