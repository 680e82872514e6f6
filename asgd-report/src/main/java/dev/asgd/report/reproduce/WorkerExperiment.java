package dev.asgd.report.reproduce;

import dev.asgd.report.html.Section;
import dev.asgd.report.html.Table;
import dev.asgd.report.html.Verdict;
import dev.asgd.theory.WorkerEfficiency;
import dev.asgd.theory.workers.WorkerComparison;
import dev.asgd.theory.workers.WorkerStudy;
import dev.asgd.training.run.WorkerSpeedupRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Remark 3.4: ASGD with m workers against SGD, per gradient and per unit time. Under the
 * independent-staleness model (kappa fixed) and under the queue model (kappa = (m - 1)/m, so
 * m (1 - kappa) = 1 exactly), from the exact discrete rates at the same learning rate (closed
 * form, and the mean iterated from the definition), and from real threaded training with measured
 * staleness: computed by {@link WorkerStudy} and {@link WorkerSpeedupRun}; this class renders the study's
 * result, which is the experiment's numbers in results.json.
 */
public final class WorkerExperiment implements Experiment {
    private static final double TRAIN_ETA = 0.002;
    /** Mean of the exponential compute delay per gradient of the threaded runs, in ms. */
    private static final double DELAY_MS = 0.5;

    @Override
    public String id() {
        return "remark-3-4";
    }

    @Override
    public String title() {
        return "Remark 3.4: ASGD against SGD with m workers";
    }

    @Override
    public long work(ReproduceConfig config) {
        return 1 + workers(config).length;
    }

    private static int[] workers(ReproduceConfig config) {
        return config.quick() ? new int[] {1, 2, 4} : new int[] {1, 2, 4, 8};
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) throws IOException {
        WorkerStudy.Outcome study = WorkerStudy.models();
        ctx.progress().advance(1);

        int[] ws = workers(ctx.config());
        long updates = ctx.config().pick(2500, 6000);
        List<WorkerStudy.MeasuredRun> measured = new ArrayList<>();
        for (int j = 0; j < ws.length; j++) {
            try {
                measured.add(WorkerSpeedupRun.measure(ws[j], TRAIN_ETA, updates, DELAY_MS, ctx.config().seed()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            ctx.progress().advance(j + 2);
        }
        WorkerComparison c = WorkerStudy.withTraining(study.numbers(), measured);
        double[] m = c.workers();
        double[] paperIndep = c.efficiencyPaperIndependent();
        double[] exactIndep = c.speedupExactIndependent();
        double[] paperQueue = c.efficiencyPaperQueue();
        double[] exactQueue = c.speedupExactQueue();
        double[] trainM = new double[c.training().size()];
        double[] trainSpeedup = new double[c.training().size()];
        List<List<String>> trainRows = new ArrayList<>();
        for (int j = 0; j < c.training().size(); j++) {
            WorkerComparison.TrainingSpeedup r = c.training().get(j);
            trainM[j] = r.workers();
            trainSpeedup[j] = r.speedupPerSecond();
            trainRows.add(List.of(Integer.toString(r.workers()), Fmt.num(r.meanStaleness()), Fmt.num(r.kappaFit()),
                    Fmt.num(r.efficiencyPaper()), Fmt.num(r.updatesPerSecond()),
                    Fmt.num(r.predictedDecayPerUpdate()), Fmt.num(r.measuredDecayPerUpdate()),
                    Fmt.num(r.measuredDecayPerSecond()), Fmt.num(r.speedupPerSecond())));
        }
        double[] one = new double[m.length];
        Arrays.fill(one, 1);
        Path fig = Charts.line(ctx.figure(id() + "-speedup"), "ASGD with m workers against SGD: speed-up per unit time",
                "workers m  [1]", "ASGD decay per unit time / SGD's  [1]", false, true, List.of(
                    new Charts.Series("exact, independent staleness kappa = 0.9", m, exactIndep, Charts.Style.LINE),
                    new Charts.Series("exact, queue model kappa = (m-1)/m", m, exactQueue, Charts.Style.LINE),
                    new Charts.Series("printed criterion m(1 - kappa), kappa = 0.9", m, paperIndep, Charts.Style.DASHED),
                    new Charts.Series("printed criterion, queue model (= 1)", m, paperQueue, Charts.Style.DASHED),
                    new Charts.Series("threaded training, measured", trainM, trainSpeedup, Charts.Style.POINTS),
                    new Charts.Series("break-even", m, one, Charts.Style.DOTTED)), List.of());
        List<List<String>> rows = new ArrayList<>();
        for (int w : new int[] {1, 2, 4, 8, 10, 16}) {
            double paper = c.efficiencyPaperIndependentAt(w);
            double exact = c.speedupExactIndependentAt(w);
            rows.add(List.of(Integer.toString(w), Fmt.num(paper), paper > 1 ? "ASGD" : "SGD",
                    Fmt.num(exact), exact > 1 ? "ASGD" : "SGD", Fmt.num(c.queueKappaAt(w)),
                    Fmt.num(c.efficiencyPaperQueueAt(w)), Fmt.num(c.speedupExactQueueAt(w))));
        }
        Table models = new Table(List.of("m", "m(1 - kappa), kappa = 0.9", "printed winner", "exact speed-up per time",
                "exact winner", "queue kappa = (m-1)/m", "queue m(1 - kappa)", "queue exact speed-up"), rows);
        Table training = new Table(List.of("threads m", "measured mean staleness", "fitted kappa", "m(1 - kappa)",
                "updates/s", "predicted decay/update", "measured decay/update", "measured decay/s",
                "speed-up per second vs m = 1"), trainRows);
        WorkerEfficiency eight = study.atEight();
        Table check = new Table(List.of("per-gradient contraction, eta = 0.05", "closed form", "from ASGD's definition"),
                List.of(List.of("ASGD, kappa = 0.9", Fmt.num(eight.asgdContractionPerGradient()),
                                Fmt.num(c.bruteForceContractionAsgd())),
                        List.of("SGD, kappa = 0", Fmt.num(eight.sgdContractionPerGradient()),
                                Fmt.num(c.bruteForceContractionSgd())),
                        List.of("speed-up per time, m = 8", Fmt.num(eight.speedupPerUnitTime()),
                                Fmt.num(c.bruteForceSpeedupAt8()))));
        WorkerComparison.TrainingSpeedup last = c.training().get(c.training().size() - 1);
        int disagree = c.criterionDisagreements();
        int worstM = study.largestDisagreeingWorkers();
        Verdict verdict = disagree > 0 ? Verdict.FAILS : Verdict.HOLDS_WITH_CORRECTION;
        String text = Fmt.f("the criterion m(1 - kappa) > 1 picks the wrong winner for %d of %d worker counts at kappa = 0.9"
                + " (up to m = %d, where ASGD is %.2fx faster per unit time, not slower); under the queue model"
                + " m(1 - kappa) = 1 for every m, so it never decides, while the exact speed-up at m = 8 is %.2f; threaded"
                + " training with m = %d measured staleness %.2f (m(1 - kappa) = %.2f) and a %.2fx faster decay per second"
                + " than m = 1", disagree, WorkerStudy.MAX_WORKERS, worstM, study.speedupAtLargestDisagreement(),
                c.speedupExactQueueAt(8),
                last.workers(), last.meanStaleness(), last.efficiencyPaper(), last.speedupPerSecond());
        Section section = new Section(id(), title(), "Remark 3.4: with m workers ASGD decays like exp(-2(1 - kappa) m k) in"
                + " the time SGD decays like exp(-2k); so ASGD is more efficient than SGD as long as (1 - kappa) m > 1,"
                + " i.e. when the number of workers exceeds the expected staleness 1/(1 - kappa).", List.of(fig),
                List.of(models, check, training), verdict, text, List.of(
                    "Method: exact per-gradient contractions rho(eta, kappa) of ASGD's and rho(eta, 0) of SGD's mean at the"
                            + " same eta = 0.05 (omega0 = 1); m workers deliver m gradients per unit time, so the speed-up"
                            + " per unit time is m ln rho(eta, kappa) / ln rho(eta, 0). The queue model of m workers with"
                            + " exponential compute times has E tau = m - 1, i.e. kappa = (m - 1)/m.",
                    Fmt.f("Threaded training: least squares (n = %s, d = %s), eta = %s, batch %d, an exponential"
                            + " compute delay of mean %s ms per gradient, the staleness of every update measured at the"
                            + " parameter server. Wall-clock numbers depend on the machine and its load.",
                            Fmt.specValue(WorkerSpeedupRun.DATA, "n"), Fmt.specValue(WorkerSpeedupRun.DATA, "d"),
                            TRAIN_ETA, WorkerSpeedupRun.BATCH, DELAY_MS),
                    "The expected staleness is kappa/(1 - kappa), not 1/(1 - kappa) (errata #4)."));
        return new ExperimentResult(section, c);
    }
}
