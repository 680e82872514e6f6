package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.asgd.training.engine.SessionData;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.ReplayEdge;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.predict.WhatIfOutcome;
import dev.asgd.training.staleness.GeometricFit;
import dev.asgd.training.staleness.TheoryComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code asgd train}: the run, its staleness, its theory and its what-if replays.
 *
 * @param params the settings and the data's size
 * @param engine the engine that ran it
 * @param updates updates applied
 * @param resumedFrom the update a resumed run started from (0: none)
 * @param seconds wall time
 * @param updatesPerSecond throughput
 * @param finalMetrics the last metric point (key {@code final}, a Java keyword)
 * @param averaged the averaged iterate, absent without --average
 * @param series the metric points
 * @param staleness the staleness histograms and their geometric fit
 * @param workerSteps gradients applied per worker
 * @param discarded gradients discarded after the target
 * @param theory the theory beside the run ({@link Theory} or {@link GeometricOnly}), absent when none
 *     applies
 * @param theoryNote why no theory is beside the run (e.g. a model too costly without {@code --theory full}), absent otherwise
 * @param counterfactualReplay whether the run is a replay at another rate than recorded
 * @param whatIf the replays at other learning rates, absent without --what-if-eta
 */
public record TrainJson(Params params, String engine, long updates, long resumedFrom, double seconds,
        double updatesPerSecond, @JsonProperty("final") Metrics finalMetrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) Averaged averaged, List<Point> series, Staleness staleness,
        long[] workerSteps, long discarded, @JsonInclude(JsonInclude.Include.NON_NULL) TheoryJson theory,
        @JsonInclude(JsonInclude.Include.NON_NULL) String theoryNote, boolean counterfactualReplay, @JsonInclude(JsonInclude.Include.NON_NULL) List<WhatIf> whatIf) {

    /**
     * @param r the run
     * @param data its data
     * @param theory its theory, or null
     * @param geometricOnly the paper's model only, or null
     * @param theoryNote why only the paper's model is shown, or null
     * @param counterfactual whether the run is a replay at another rate
     * @param whatIf the replays, or null
     * @return the view
     */
    public static TrainJson of(RunResult r, SessionData data, RunTheory theory, TheoryComparison geometricOnly,
            String theoryNote, boolean counterfactual, List<WhatIfOutcome> whatIf) {
        TrainingConfig c = r.config();
        Params params = new Params(c.data(), c.problem(), c.l2(), c.mode().toString(), c.workers(), c.policy().spec(),
                c.eta(), c.batchSize(), c.updates(), c.seed(), c.delay().spec(), data.trainRows(),
                data.testRows(), data.features());
        MetricPoint last = r.last();
        Averaged avg = r.averaged() == null ? null : new Averaged(r.averagedIterates(), r.averagedFromUpdate(),
                r.averaged().trainLoss(), r.averaged().testLoss(), r.averaged().testAccuracy());
        List<Point> series = new ArrayList<>();
        for (MetricPoint p : r.series()) {
            series.add(new Point(p.update(), p.seconds(), p.trainLoss(), p.testLoss(), p.testAccuracy(),
                    p.meanStaleness()));
        }
        GeometricFit f = r.fit();
        Staleness st = new Staleness(r.total(), r.histograms(), f.mean(),
                new Fit(f.kappa(), f.chiSquare(), f.degreesOfFreedom(), f.pValue(), f.bins()));
        TheoryJson t = theory != null ? Theory.of(theory)
                : geometricOnly != null ? GeometricOnly.of(geometricOnly, theoryNote) : null;
        List<WhatIf> w = null;
        if (whatIf != null) {
            w = new ArrayList<>();
            for (WhatIfOutcome o : whatIf) {
                w.add(WhatIf.of(o));
            }
        }
        return new TrainJson(params, r.engine(), r.updates(), r.resumedFrom(), r.seconds(), r.updatesPerSecond(),
                new Metrics(last.trainLoss(), last.testLoss(), last.testAccuracy()), avg, series, st,
                r.workerSteps(), r.discarded(), t, t == null ? theoryNote : null, counterfactual, w);
    }

    /**
     * The settings and the data's size.
     *
     * @param data the data spec
     * @param problem the problem's name
     * @param l2 the ridge penalty
     * @param mode the engine mode
     * @param workers worker threads
     * @param lrPolicy the learning-rate policy's spec
     * @param eta the base learning rate
     * @param batch the minibatch size
     * @param updates the updates asked for
     * @param seed the seed
     * @param workerDelay the worker delay's spec
     * @param trainRows training rows
     * @param testRows test rows (0: none)
     * @param features features
     */
    public record Params(String data, String problem, double l2, String mode, int workers, String lrPolicy,
            double eta, int batch, long updates, long seed, String workerDelay, long trainRows, long testRows,
            int features) {
    }

    /**
     * Losses of one iterate.
     *
     * @param trainLoss training loss
     * @param testLoss test loss (null without a test set)
     * @param testAccuracy test accuracy (null unless a classifier)
     */
    public record Metrics(double trainLoss, double testLoss, double testAccuracy) {
    }

    /**
     * The averaged iterate.
     *
     * @param iterates the number averaged
     * @param fromUpdate the first update averaged
     * @param trainLoss its training loss
     * @param testLoss its test loss
     * @param testAccuracy its test accuracy
     */
    public record Averaged(long iterates, long fromUpdate, double trainLoss, double testLoss, double testAccuracy) {
    }

    /**
     * One metric point.
     *
     * @param step the update
     * @param seconds wall time so far
     * @param trainLoss training loss
     * @param testLoss test loss
     * @param testAccuracy test accuracy
     * @param meanStaleness mean staleness since the previous point
     */
    public record Point(long step, double seconds, double trainLoss, double testLoss, double testAccuracy,
            double meanStaleness) {
    }

    /**
     * The staleness of the run.
     *
     * @param histogram over all workers
     * @param perWorker per worker
     * @param mean the mean staleness
     * @param geometricFit the geometric fit
     */
    public record Staleness(long[] histogram, long[][] perWorker, double mean, Fit geometricFit) {
    }

    /**
     * A geometric fit of the histogram.
     *
     * @param kappa the fitted kappa
     * @param chiSquare the chi-square statistic
     * @param degreesOfFreedom its degrees of freedom
     * @param pValue its p-value
     * @param bins the bins after pooling
     */
    public record Fit(double kappa, double chiSquare, int degreesOfFreedom, double pValue, int bins) {
    }

    /** The theory beside a least-squares run: {@link Theory} or, with the paper's model only, {@link GeometricOnly}. */
    public sealed interface TheoryJson permits Theory, GeometricOnly {
    }

    /**
     * The theory of a run with few features ({@link RunTheory}): least squares, or logistic regression's local quadratic model.
     *
     * @param lossStar f*
     * @param hessianEigenvalueMin the smallest Hessian eigenvalue
     * @param hessianEigenvalueMax the largest
     * @param eta the learning rate of the predictions
     * @param geometric the paper's model
     * @param measuredLaw the measured law's model
     * @param replayEdge the run's interleaving replayed (null: not computed)
     * @param shuffledReplayEdge the same staleness shuffled
     * @param markovReplayEdge a Markov chain fitted to it
     * @param measured the measured decay
     * @param measuredLawWindowDecay the measured law's decay over the measured window
     * @param predictedCurve the measured law's expected excess loss at the metric points
     * @param agrees whether the measured law agrees with the run
     * @param verdict one line
     * @param phase which phase the predictions cover (a local quadratic model at theta*: the late
     *     phase), absent when the model is exact (least squares)
     * @param subspace the subspace model's kept directions and bulk (softmax, more than 39 features),
     *     absent otherwise
     * @param dynamicsLateLossEdge logistic and softmax at a constant rate: the rate where simulated runs
     *     with the exact loss in the model's directions (the run's law, its length up to 10,000 updates)
     *     end no better than they started; absent otherwise
     */
    public record Theory(double lossStar, double hessianEigenvalueMin, double hessianEigenvalueMax, double eta,
            Geometric geometric, MeasuredLaw measuredLaw, ReplayEdge replayEdge, ReplayEdge shuffledReplayEdge,
            ReplayEdge markovReplayEdge, DecayJson measured, double measuredLawWindowDecay,
            List<CurvePoint> predictedCurve, boolean agrees, String verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String phase,
            @JsonInclude(JsonInclude.Include.NON_NULL) Subspace subspace,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double dynamicsLateLossEdge) implements TheoryJson {
        /** What the geometric model is. */
        public static final String GEOMETRIC_MODEL =
                "the paper's: geometric staleness with the fitted kappa, additive noise, exact discrete mean rate";
        /** What the measured-law model is. */
        public static final String MEASURED_LAW_MODEL =
                "the measured staleness histogram as an i.i.d. law, sampled minibatch noise of the data, exact moments";

        static Theory of(RunTheory t) {
            List<CurvePoint> curve = new ArrayList<>();
            for (int i = 0; i < t.curveSteps().length; i++) {
                curve.add(new CurvePoint(t.curveSteps()[i], t.predictedExcess()[i]));
            }
            return new Theory(t.lossStar(), t.minEigenvalue(), t.maxEigenvalue(), t.eta(),
                    new Geometric(GEOMETRIC_MODEL, t.geometric().kappa(), t.geometric().contraction(),
                            t.geometric().decay(), t.geometric().meanEdge()),
                    new MeasuredLaw(MEASURED_LAW_MODEL, t.law().law().pmf(), t.law().law().lumpedMass(),
                            t.law().meanContraction(), t.law().meanSquareContraction(), t.law().decay(),
                            t.law().meanEdge(), t.law().meanSquareEdge()),
                    t.replayEdge(), t.shuffledEdge(), t.markovEdge(), DecayJson.of(t.measured()), t.lawWindowDecay(),
                    curve, t.agrees(), t.verdict(), t.phase(), Subspace.of(t.subspace()),
                    Double.isNaN(t.dynamicsEdge()) ? null : t.dynamicsEdge());
        }
    }

    /**
     * The subspace model: the top Hessian eigendirections at theta* and the bulk left out.
     *
     * @param parameters the parameter dimension
     * @param directions the eigendirections followed
     * @param gradientNoiseTrace tr Cov(c_B) at theta*
     * @param bulkGradientNoiseTrace its part outside the directions followed
     * @param bulkFloor the bulk's stationary excess loss at the run's rate, (eta / 4) of that trace
     * @param optimumGradientNorm the full training gradient's norm at the theta* used
     * @param smallestRitzValue Lanczos's smallest Ritz value
     */
    public record Subspace(int parameters, int directions, double gradientNoiseTrace, double bulkGradientNoiseTrace,
            double bulkFloor, double optimumGradientNorm, double smallestRitzValue) {
        static Subspace of(dev.asgd.training.predict.SubspaceSummary s) {
            return s == null ? null : new Subspace(s.parameters(), s.directions(), s.noiseTrace(), s.bulkNoiseTrace(),
                    s.bulkFloor(), s.optimumGradientNorm(), s.smallestRitzValue());
        }
    }

    /**
     * The paper's geometric model.
     *
     * @param model what it is
     * @param kappa the fitted kappa
     * @param meanContraction the mean's contraction per update
     * @param decayPerUpdate -2 ln of it
     * @param meanEdge the learning rate where the mean stops contracting
     */
    public record Geometric(String model, double kappa, double meanContraction, double decayPerUpdate,
            double meanEdge) {
    }

    /**
     * The measured law's model.
     *
     * @param model what it is
     * @param pmf the staleness law
     * @param lumpedMass the mass lumped into its last lag
     * @param meanContraction the mean's contraction per update
     * @param meanSquareContraction the second moment's
     * @param decayPerUpdate the expected loss's decay per update
     * @param meanEdge the mean's edge
     * @param meanSquareEdge the second moment's edge
     */
    public record MeasuredLaw(String model, double[] pmf, double lumpedMass, double meanContraction,
            double meanSquareContraction, double decayPerUpdate, double meanEdge, double meanSquareEdge) {
    }

    /**
     * One point of the predicted curve.
     *
     * @param step the update
     * @param expectedExcessLoss E f - f* there
     */
    public record CurvePoint(long step, double expectedExcessLoss) {
    }

    /**
     * The paper's model only ({@link TheoryComparison}): many features, a singular Hessian or a
     * schedule.
     *
     * @param lossStar f*
     * @param hessianEigenvalueMin the smallest Hessian eigenvalue
     * @param hessianEigenvalueMax the largest
     * @param exactSpectrum whether the eigenvalues are exact
     * @param eta the effective learning rate
     * @param geometric the geometric model's prediction
     * @param measuredDecayPerUpdate the measured decay
     * @param note why only the paper's model
     */
    public record GeometricOnly(double lossStar, double hessianEigenvalueMin, double hessianEigenvalueMax,
            boolean exactSpectrum, double eta, GeometricPrediction geometric, double measuredDecayPerUpdate,
            String note) implements TheoryJson {
        static GeometricOnly of(TheoryComparison g, String theoryNote) {
            return new GeometricOnly(g.lossStar(), g.minEigenvalue(), g.maxEigenvalue(), g.exactSpectrum(), g.eta(),
                    new GeometricPrediction(g.kappa(), g.predictedContraction(), g.predictedDecayPerUpdate()),
                    g.measuredDecayPerUpdate(), theoryNote + "; the paper's geometric model only");
        }
    }

    /**
     * The geometric model's prediction.
     *
     * @param kappa the fitted kappa
     * @param meanContraction rho of the slowest mode
     * @param decayPerUpdate -2 ln rho
     */
    public record GeometricPrediction(double kappa, double meanContraction, double decayPerUpdate) {
    }

    /**
     * One replay at another learning rate.
     *
     * @param eta the learning rate
     * @param diverged whether it diverged
     * @param divergedAt where (null when it did not)
     * @param finalTrainLoss the last training loss (null after a divergence)
     * @param decay its decay (null after a divergence or without f*)
     * @param series its training loss
     */
    public record WhatIf(double eta, boolean diverged, Long divergedAt, double finalTrainLoss, DecayJson decay,
            List<LossPoint> series) {
        static WhatIf of(WhatIfOutcome w) {
            List<LossPoint> s = new ArrayList<>();
            for (MetricPoint p : w.outcome().series()) {
                s.add(new LossPoint(p.update(), p.trainLoss()));
            }
            boolean diverged = w.outcome().diverged();
            return new WhatIf(w.outcome().eta(), diverged, diverged ? w.outcome().divergedAt() : null,
                    w.finalTrainLoss(), diverged ? null : DecayJson.of(w.decay()), s);
        }
    }

    /**
     * A training loss at an update.
     *
     * @param step the update
     * @param trainLoss the training loss
     */
    public record LossPoint(long step, double trainLoss) {
    }
}
