package dev.asgd.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.EdgeSweep;
import dev.asgd.training.predict.ReplayEdge;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code asgd train --sweep-eta}: a measured stability edge and its predictions
 * ({@link EdgeStudy}).
 *
 * @param params the settings
 * @param edges the measured edge and every prediction of it
 * @param staleness the pooled staleness
 * @param points one row per learning rate, with its runs
 * @param phase which phase the predictions cover (a local quadratic model at theta*: the late
 *     phase), absent when the model is exact (least squares)
 * @param lateLossCriterion the criterion of instability used besides the divergence bound,
 *     absent when only the bound was used (least squares)
 */
public record EdgeSweepJson(Params params, Edges edges, Staleness staleness, List<Row> points,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phase,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lateLossCriterion) {

    /**
     * @param config the sweep's settings
     * @param study the sweep and its predictions
     * @return the view
     */
    public static EdgeSweepJson of(TrainingConfig config, EdgeStudy study) {
        Params params = new Params(config.data(), config.problem(), config.mode().toString(), config.workers(),
                config.policy().spec(), config.batchSize(), config.updates(), config.seed(), config.delay().spec());
        EdgeSweep.Result sweep = study.sweep();
        Edges edges = new Edges(sweep.edge(), sweep.stableBelow(), sweep.unstableAbove(), study.geometricEdge(),
                study.lawMeanEdge(), study.lawMeanSquareEdge(), study.medianRunEdge(), study.runEdges(),
                study.replayEdge(), study.shuffledEdge(), study.markovEdge(),
                Double.isNaN(study.lateLossEdge()) ? null : study.lateLossEdge(),
                Double.isNaN(study.dynamicsEdge()) ? null : study.dynamicsEdge());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < study.rows().size(); i++) {
            EdgeStudy.Row r = study.rows().get(i);
            List<Run> runs = new ArrayList<>();
            for (EdgeSweep.Run run : sweep.points().get(i).runs()) {
                runs.add(new Run(run.seed(), run.stable(), run.divergedAt() >= 0 ? run.divergedAt() : null,
                        DecayJson.of(run.fit()), run.meanStaleness(), run.histogram(), run.updatesPerSecond()));
            }
            rows.add(new Row(r.eta(), r.measured(), r.lower(), r.upper(), r.stable(), r.diverged(), runs,
                    r.geometricDecay(), r.lawDecay(), r.lawWindowDecay(), r.agrees()));
        }
        return new EdgeSweepJson(params, edges, new Staleness(sweep.histogram(), study.kappa(), study.law().mean()),
                rows, study.phase(), sweep.lateLossCriterion());
    }

    /**
     * The sweep's settings.
     *
     * @param data the data spec
     * @param problem the problem's name
     * @param mode the engine mode
     * @param workers worker threads
     * @param lrPolicy the learning-rate policy's spec
     * @param batch the minibatch size
     * @param updates updates per run
     * @param seed the first seed
     * @param workerDelay the worker delay's spec
     */
    public record Params(String data, String problem, String mode, int workers, String lrPolicy, int batch,
            long updates, long seed, String workerDelay) {
    }

    /**
     * The measured edge and its predictions.
     *
     * @param measured the measured edge (null: not bracketed)
     * @param measuredStableBelow the largest stable rate
     * @param measuredUnstableAbove the smallest unstable rate
     * @param geometricMean the paper's geometric law's mean edge
     * @param measuredLawMean the measured law's mean edge
     * @param measuredLawMeanSquare its mean-square edge
     * @param measuredLawPerRunMedian the median of each run's own law's edge
     * @param measuredLawPerRun each run's own law's edge
     * @param replay the runs' interleavings replayed (median), null when not computed
     * @param shuffledReplay the same staleness in random order
     * @param markovReplay a Markov chain fitted to each
     * @param measuredLawLateLoss with the late-loss criterion, the rate where the model's stationary
     *     loss reaches the initial loss (absent otherwise)
     * @param dynamicsLateLoss with the late-loss criterion, the same criterion on simulated runs
     *     with the exact loss in the model's directions (absent otherwise)
     */
    public record Edges(double measured, double measuredStableBelow, double measuredUnstableAbove,
            double geometricMean, double measuredLawMean, double measuredLawMeanSquare,
            double measuredLawPerRunMedian, double[] measuredLawPerRun, ReplayEdge replay,
            ReplayEdge shuffledReplay, ReplayEdge markovReplay,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double measuredLawLateLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double dynamicsLateLoss) {
    }

    /**
     * The staleness pooled over every run.
     *
     * @param histogram the histogram
     * @param geometricKappa its geometric fit's kappa
     * @param lawMean its mean
     */
    public record Staleness(long[] histogram, double geometricKappa, double lawMean) {
    }

    /**
     * One learning rate of the sweep. (Its number of runs is the length of {@code runs}.)
     *
     * @param eta the rate
     * @param measuredDecay the pooled measured decay
     * @param measuredLower its interval's lower end
     * @param measuredUpper its upper end
     * @param stable whether every run was stable
     * @param diverged the runs that diverged
     * @param runs the runs
     * @param geometricDecay the paper's geometric law's decay
     * @param measuredLawDecay the measured law's
     * @param measuredLawWindowDecay the measured law's over the measured window
     * @param agrees whether the measured law agrees
     */
    public record Row(double eta, double measuredDecay, double measuredLower, double measuredUpper, boolean stable,
            int diverged, List<Run> runs, double geometricDecay, double measuredLawDecay,
            double measuredLawWindowDecay, boolean agrees) {
    }

    /**
     * One run of the sweep.
     *
     * @param seed its seed
     * @param stable whether it stayed below the divergence bound
     * @param divergedAt where it diverged (null: it did not)
     * @param decay its decay (null: not fitted)
     * @param meanStaleness its mean staleness
     * @param histogram its staleness histogram
     * @param updatesPerSecond its throughput
     */
    public record Run(long seed, boolean stable, Long divergedAt, DecayJson decay, double meanStaleness,
            long[] histogram, double updatesPerSecond) {
    }
}
