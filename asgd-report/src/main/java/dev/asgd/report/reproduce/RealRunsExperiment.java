package dev.asgd.report.reproduce;

import dev.asgd.core.compare.Agreement;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.run.RealRunsStudy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The theory against real runs: real threaded ASGD on least squares with M = 4 workers, its
 * stability edge measured over a grid of learning rates and seeds and refined by bisection, beside
 * the edge and the decay predicted by the paper's geometric model, by the measured staleness law
 * (i.i.d., with the sampled minibatch noise, exact), and by replays of one run's own interleaving
 * (as recorded, and shuffled). All computation is asgd-training's {@link RealRunsStudy}; this class renders it.
 */
public final class RealRunsExperiment implements Experiment {
    private static final String DATA = "synthetic:least-squares,n=20000,d=20,seed=7";
    private static final int WORKERS = 4;
    private static final int BATCH = 16;
    private static final double[] GRID = {0.01, 0.05, 0.15, 0.25, 0.35, 0.5, 0.8};

    @Override
    public String id() {
        return "real-runs";
    }

    @Override
    public String title() {
        return "The theory against real runs: the edge and the decay of threaded ASGD";
    }

    @Override
    public long work(ReproduceConfig config) {
        return (long) (GRID.length + config.pick(4, 6)) * repeats(config) + 1;
    }

    private static int repeats(ReproduceConfig config) {
        return config.pick(2, 3);
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        ReproduceConfig rc = ctx.config();
        long updates = rc.pick(1500, 4000);
        RealRunsStudy study;
        try {
            study = RealRunsStudy.run(new RealRunsStudy.Settings(DATA, WORKERS, BATCH, GRID, updates, repeats(rc),
                    rc.seed(), rc.quick() ? 0.05 : 0.02, rc.pick(4, 24)), (done, run) -> ctx.progress().advance(done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        double measured = study.edgeMeasured();
        double lawEdge = study.edgeMeasuredLawMeanSquare();
        double replay = study.edgeReplay();
        List<List<String>> edgeRows = new ArrayList<>();
        edgeRows.add(edgeRow("measured: real threaded runs, bisection", measured, measured));
        edgeRows.add(edgeRow("paper: geometric law (fitted kappa), mean", study.edgeGeometricMean(), measured));
        edgeRows.add(edgeRow("measured law, i.i.d., mean", study.edgeMeasuredLawMean(), measured));
        edgeRows.add(edgeRow("measured law, i.i.d., mean square (exact)", lawEdge, measured));
        edgeRows.add(edgeRow("each run's own law (median over runs)", study.edgeMeasuredLawPerRunMedian(), measured));
        edgeRows.add(edgeRow("the runs' interleavings, replayed (median)", replay, measured));
        edgeRows.add(edgeRow("the same staleness shuffled, replayed (median)", study.edgeShuffledReplay(), measured));
        edgeRows.add(edgeRow("a Markov chain on tau fitted to each run, replayed (median)", study.edgeMarkovReplay(),
                measured));
        List<List<String>> decayRows = new ArrayList<>();
        List<RealRunsStudy.Decay> decays = study.decays();
        double[] ex = new double[decays.size()];
        double[] em = new double[decays.size()];
        double[] el = new double[decays.size()];
        double[] eg = new double[decays.size()];
        for (int i = 0; i < decays.size(); i++) {
            RealRunsStudy.Decay r = decays.get(i);
            ex[i] = r.eta();
            em[i] = r.measuredDecay();
            el[i] = r.comparedLawDecay();
            eg[i] = r.geometricDecay();
            decayRows.add(List.of(Fmt.num(r.eta()), Fmt.f("%.4g [%.4g, %.4g]", r.measuredDecay(), r.measuredLower(),
                    r.measuredUpper()), Fmt.num(r.measuredLawWindowDecay()), Fmt.num(r.measuredLawDecay()),
                    Fmt.num(r.geometricDecay()), r.agrees() ? "yes" : "no"));
        }
        Path fig = Charts.line(ctx.figure(id() + "-decay"), "Decay per update of f - f* against eta, M = 4 threads",
                "eta  [1]", "decay per update  [1]", true, true, List.of(
                    new Charts.Series("measured (pooled seeds)", ex, em, Charts.Style.POINTS),
                    new Charts.Series("measured law, i.i.d., exact (same window)", ex, el, Charts.Style.LINE),
                    new Charts.Series("paper: geometric law", ex, eg, Charts.Style.DASHED)),
                List.of(new Charts.Marker("measured edge", measured), new Charts.Marker("measured-law edge", lawEdge)));
        Verdict verdict = study.lawEdgeAgrees() && study.replayEdgeAgrees() && study.decaysAllAgree()
                ? Verdict.HOLDS_WITH_CORRECTION : Verdict.FAILS;
        String text = Fmt.f("the measured edge of real threaded runs is eta = %.4g; the measured staleness law (i.i.d., with"
                + " the minibatch noise) predicts %.4g (%+.1f %%), the runs' own interleavings replayed %.4g (%+.1f %%),"
                + " while the paper's geometric model predicts %.4g (%.0fx too large); the measured-law decay agrees with"
                + " the measured one at %d of %d stable learning rates up to %.0f %% of the edge", measured, lawEdge,
                100 * Agreement.relativeDifference(lawEdge, measured), replay,
                100 * Agreement.relativeDifference(replay, measured), study.edgeGeometricMean(), study.edgeGeometricOverMeasured(),
                study.decaysAgreeing(), study.decaysCompared(), 100 * RealRunsStudy.DECAY_RANGE);
        Section section = new Section(id(), title(), "The paper models staleness as geometric with kappa = mean/(1 + mean)"
                + " and the gradient noise as additive; real asynchronous training has neither. Does the theory, fed the"
                + " staleness a run measured, predict where the run diverges and how fast it converges?", List.of(fig),
                List.of(new Table(List.of("edge (eta)", "value", "against the measured"), edgeRows),
                        new Table(List.of("eta", "measured decay [95 %]", "measured law, same window",
                                "measured law, -ln rho_ms", "paper's geometric model", "agrees"), decayRows)),
                verdict, text, List.of(
                    Fmt.f("Method: least squares n = %s, d = %s, batch %d, %d updates, M = %d worker threads with an"
                            + " exponential delay of mean %s ms, metrics every %d updates; %d seeds per learning rate"
                            + " after a warm-up run; a run"
                            + " is unstable when its loss passes 100 x its initial value; a rate is stable when most of"
                            + " its runs are; bisection in ln eta.", Fmt.specValue(DATA, "n"), Fmt.specValue(DATA, "d"),
                            BATCH, updates, WORKERS, WorkerDelay.parse(RealRunsStudy.DELAY, WORKERS).expMeanMs(),
                            RealRunsStudy.EVAL_EVERY, repeats(rc)),
                    "The measured law: the pooled staleness histogram as an i.i.d. law, through the exact lag-augmented"
                            + " recursion of the first two moments with the minibatch's sampled Hessian (multiplicative"
                            + " noise); the decay is -ln of the second moment's spectral radius. The geometric model is the"
                            + " exact discrete mean rate with the fitted kappa (additive noise).",
                    "Agreement of a decay: the prediction inside the measured 95 % interval widened by 15 % of the"
                            + " measured decay. Wall-clock timings, hence staleness, depend on the machine and its load."));
        return new ExperimentResult(section, study);
    }

    private static List<String> edgeRow(String name, double edge, double measured) {
        return List.of(name, Fmt.num(edge), Double.isNaN(edge) || Double.isNaN(measured) ? "-"
                : Fmt.f("%+.1f %%", 100 * Agreement.relativeDifference(edge, measured)));
    }
}
