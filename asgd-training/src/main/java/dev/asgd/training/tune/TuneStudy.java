package dev.asgd.training.tune;

import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.run.ProblemChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tuner end to end: the probe ({@link TuneProbe}), the recommendation ({@link TuneRecommender}),
 * with {@code verify} the recommendation run {@code repeats} times, and with a grid every (eta, M) of
 * it run {@code repeats} times, every run timed to the target the same way ({@link TargetTimer}, one
 * JVM, after the probe's warm-up). {@code asgd tune} and the {@code tuner} experiment of
 * {@code asgd reproduce} both run this.
 */
public final class TuneStudy {
    /** Seed offset of the verification runs. */
    static final long VERIFY_SEED = 100;
    /** Seed offset of the grid's runs. */
    static final long GRID_SEED = 200;
    /** Smallest budget of a verification or grid run, in updates. */
    static final long MIN_BUDGET = 2000;
    /** Largest budget of a grid run, in updates. */
    static final long MAX_BUDGET = 1_000_000;

    /** Progress of the study. */
    public interface Listener extends TuneProbe.Listener {
        /**
         * @param done real runs of the verification and grid done
         * @param total real runs planned
         */
        void runs(int done, int total);
    }

    private TuneStudy() {
    }

    /**
     * Loads the data (held-out share 0.2, the settings' seed) and the problem (the data's default
     * unless the settings name one), then runs the study.
     *
     * @param settings the settings
     * @param l2 the L2 penalty
     * @param listener progress, or null
     * @return the result
     * @throws InterruptedException when interrupted
     */
    public static TuneResult run(TuneSettings settings, double l2, Listener listener) throws InterruptedException {
        TrainTest tt = DataSources.load(settings.data(), 0.2, settings.seed());
        ProblemChoice choice = ProblemChoice.of(settings.data(), settings.problem(), tt, l2);
        TargetTimer timer = new TargetTimer(settings.data(), choice.name(), choice.problem(), tt,
                TargetTimer.evalRows(tt.train()), settings.batch(), settings.target());
        return run(timer, settings, listener);
    }

    /**
     * @param timer the data, problem and target
     * @param settings the settings
     * @param listener progress, or null
     * @return the result
     * @throws InterruptedException when interrupted
     */
    public static TuneResult run(TargetTimer timer, TuneSettings settings, Listener listener)
            throws InterruptedException {
        long start = System.nanoTime();
        TuneProbe.Probed probed = TuneProbe.run(timer, settings, listener);
        Recommendation rec = TuneRecommender.recommend(probed, settings.safety(), settings.target());
        double recommendSeconds = (System.nanoTime() - start) / 1e9;
        int[] gw = settings.gridWorkers();
        double[] ge = settings.gridEta();
        int total = (settings.verify() ? settings.repeats() : 0) + ge.length * gw.length * settings.repeats();
        int[] done = {0};
        Runnable tick = () -> {
            done[0]++;
            if (listener != null) {
                listener.runs(done[0], total);
            }
        };
        TuneResult.Verification verification = null;
        if (settings.verify()) {
            long budget = Math.max(MIN_BUDGET, Double.isFinite(rec.predictedUpdates())
                    ? (long) Math.ceil(3 * rec.predictedUpdates()) : probed.result().smallEta().updates());
            List<TimedRun> runs = new ArrayList<>();
            for (int r = 0; r < settings.repeats(); r++) {
                runs.add(timer.run(rec.workers(), rec.eta(), budget, settings.seed() + VERIFY_SEED + r));
                tick.run();
            }
            double med = median(runs.stream().mapToDouble(TuneStudy::secondsOrInfinity).toArray());
            double medK = median(runs.stream().mapToDouble(t -> t.reached() ? t.updatesToTarget()
                    : Double.POSITIVE_INFINITY).toArray());
            verification = new TuneResult.Verification(runs, med, medK, rec.predictedSeconds(),
                    med / rec.predictedSeconds());
        }
        List<TuneResult.GridCell> grid = new ArrayList<>();
        TuneResult.GridCell best = null;
        TimedRun small = probed.result().smallEta();
        long anchor = small.reached() ? small.updatesToTarget() : small.updates();
        for (int m : gw) {
            for (double eta : ge) {
                long budget = Math.min(MAX_BUDGET, Math.max(MIN_BUDGET,
                        (long) Math.ceil(4 * anchor * Math.max(1, small.eta() / eta))));
                List<TimedRun> runs = new ArrayList<>();
                for (int r = 0; r < settings.repeats(); r++) {
                    runs.add(timer.run(m, eta, budget, settings.seed() + GRID_SEED + r));
                    tick.run();
                }
                double med = median(runs.stream().mapToDouble(TuneStudy::secondsOrInfinity).toArray());
                TuneResult.GridCell cell = new TuneResult.GridCell(m, eta, runs, med,
                        (int) runs.stream().filter(TimedRun::reached).count());
                grid.add(cell);
                if (best == null || med < best.medianSeconds()) {
                    best = cell;
                }
            }
        }
        double ratio = verification != null && best != null ? verification.medianSeconds() / best.medianSeconds()
                : Double.NaN;
        return new TuneResult(settings, probed.result(), recommendSeconds, rec, verification, grid, best, ratio);
    }

    private static double secondsOrInfinity(TimedRun r) {
        return r.reached() ? r.secondsToTarget() : Double.POSITIVE_INFINITY;
    }

    /** @return the median (the mean of the middle two for an even count) */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
