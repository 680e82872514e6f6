package dev.asgd.training.predict;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.Schedule;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real stability edge, measured: real runs over a grid of learning rates, R seeds each
 * (seed, seed + 1, ...: other minibatches and timings on the same data; after one warm-up run that
 * is not recorded), then bisection in ln eta
 * between the largest stable and the smallest unstable rate until their ratio is below
 * 1 + tolerance. A run is unstable when its loss passes {@link #EDGE_DIVERGENCE_FACTOR} times its
 * initial value within its updates; a rate is stable when most of its runs are. Each rate's decay
 * is the pooled {@link DecayFit} of its runs that did not diverge.
 *
 * <p>Why the bound alone: a loss that went up is not a divergence. Close below the mean-square
 * edge the stationary loss (proportional to 1 / (1 - rho_ms)) exceeds the initial one, and a
 * gradient read thousands of updates earlier (a descheduled thread) kicks the loss back up once;
 * neither passes 100 times the initial loss, which the stationary level reaches only within about 1 %
 * of the edge. Above the edge the loss grows like rho^k and passes the bound within K updates once
 * ln rho &gt; ln(100) / K: with K = 4000 and the slope of ln rho_ms in eta near the edge, the measured
 * edge lies less than 1 % above the mean-square one.
 */
public final class EdgeSweep {
    /** A run is unstable when its loss passes this factor times its initial loss (or the user's smaller factor). */
    public static final double EDGE_DIVERGENCE_FACTOR = 100;

    /** Receives each finished run. */
    public interface Listener {
        /**
         * @param done runs finished
         * @param run the run just finished
         */
        void finished(int done, Run run);
    }

    /**
     * One real run of the sweep.
     *
     * @param eta its learning rate
     * @param seed its seed
     * @param fit its decay fit
     * @param stable whether it was stable
     * @param divergedAt the update at which it passed the divergence bound, or -1
     * @param meanStaleness its mean staleness
     * @param histogram its staleness histogram
     * @param updatesPerSecond its throughput
     * @param series its metric points
     */
    public record Run(double eta, long seed, DecayFit fit, boolean stable, long divergedAt, double meanStaleness,
            long[] histogram, double updatesPerSecond, List<MetricPoint> series) {
    }

    /**
     * One learning rate.
     *
     * @param eta the learning rate
     * @param runs its runs
     * @param decay the pooled decay of the runs that did not diverge (NaN rate when none)
     * @param stable whether most runs were stable
     * @param diverged how many runs passed the divergence bound
     */
    public record Point(double eta, List<Run> runs, DecayFit decay, boolean stable, int diverged) {
    }

    /**
     * The sweep.
     *
     * @param points every learning rate run, ascending
     * @param edge the measured edge (geometric mean of the bracket; NaN when not bracketed)
     * @param stableBelow the largest stable eta below the first unstable one
     * @param unstableAbove the smallest unstable eta
     * @param histogram the staleness histogram pooled over every run
     * @param references the schedules of the first learning rate's runs (one per seed), for replays
     * @param referenceConfigs their settings
     * @param lateLossCriterion the late-loss criterion of instability when it was used besides the
     *     bound ({@link #useLateLossCriterion}), null when only the bound was
     * @param base the settings of every run (eta and seed varied)
     * @param repeats the seeds per learning rate
     * @param tolerance the bisection's relative width (NaN without bisection)
     */
    public record Result(List<Point> points, double edge, double stableBelow, double unstableAbove, long[] histogram,
            List<Schedule> references, List<TrainingConfig> referenceConfigs, String lateLossCriterion,
            TrainingConfig base, int repeats, double tolerance) {
        /** @return the first run's schedule, or null */
        public Schedule reference() {
            return references.isEmpty() ? null : references.get(0);
        }
    }

    private final TrainingConfig base;
    private final Problem problem;
    private final TrainTest data;
    private final Supplier<Engine> engines;
    private final double lossStar;
    private final int repeats;
    private final double divergenceFactor;
    private final List<Point> points = new ArrayList<>();
    private long[] pooled = new long[0];
    private final List<Schedule> references = new ArrayList<>();
    private final List<TrainingConfig> referenceConfigs = new ArrayList<>();
    private Listener listener;
    private int done;

    /**
     * @param base the settings of every run (eta and seed are varied)
     * @param problem the loss
     * @param data the data
     * @param engines makes an engine per run
     * @param lossStar f* of the training loss's rows
     * @param repeats R seeds per learning rate
     * @param divergenceFactor as {@link TrainingSession.Options#divergenceFactor()} (at most
     *     {@link #EDGE_DIVERGENCE_FACTOR} is used)
     */
    public EdgeSweep(TrainingConfig base, Problem problem, TrainTest data, Supplier<Engine> engines, double lossStar,
            int repeats, double divergenceFactor) {
        if (repeats < 1) {
            throw new InvalidParameterException("repeats", repeats, "repeats >= 1");
        }
        this.base = base;
        this.problem = problem;
        this.data = data;
        this.engines = engines;
        this.lossStar = lossStar;
        this.repeats = repeats;
        this.divergenceFactor = Math.min(divergenceFactor, EDGE_DIVERGENCE_FACTOR);
    }

    /** What {@link #useLateLossCriterion} adds. */
    public static final String LATE_LOSS_CRITERION = "a run is also unstable when the median of its training loss"
            + " over the second half of its metric points is above its initial loss (it ends no better than it started)";

    private boolean lateLoss;

    /**
     * Also marks a run unstable when the median of its training loss over the second half of its
     * metric points (updates from half the run on) is above its initial loss ({@link
     * #LATE_LOSS_CRITERION}). For a loss with bounded gradients (logistic regression) the loss
     * does not grow exponentially above the edge: the iterate's excursions are capped by the
     * flattening of the loss, the loss settles on a noisy plateau roughly proportional to eta, and
     * the bound of {@link #EDGE_DIVERGENCE_FACTOR} times the initial loss is passed only some 100
     * times above the local model's edge.
     */
    public void useLateLossCriterion() {
        this.lateLoss = true;
    }

    /**
     * @param series a run's metric points
     * @return whether the median training loss over the second half of the points (by update) is
     *     above the first point's
     */
    static boolean lateLossAboveInitial(List<MetricPoint> series) {
        if (series.size() < 2) {
            return false;
        }
        long last = series.get(series.size() - 1).update();
        double[] late = series.stream().filter(p -> 2 * p.update() >= last).mapToDouble(MetricPoint::trainLoss).sorted()
                .toArray();
        int n = late.length;
        double median = n % 2 == 1 ? late[n / 2] : 0.5 * (late[n / 2 - 1] + late[n / 2]);
        return !(median <= series.get(0).trainLoss());
    }

    /** @param l receives each finished run */
    public void setListener(Listener l) {
        this.listener = l;
    }

    /**
     * @param grid the learning rates to run first (any order)
     * @param bisect whether to refine the edge by bisection
     * @param tolerance stop the bisection when unstableAbove / stableBelow &lt; 1 + tolerance
     * @return the sweep
     * @throws InterruptedException when interrupted
     */
    public Result run(double[] grid, boolean bisect, double tolerance) throws InterruptedException {
        double[] g = grid.clone();
        Arrays.sort(g);
        warmUp(g[0]);
        for (double eta : g) {
            point(eta);
        }
        double[] bracket = bracket();
        int guard = 0;
        while (bisect && !Double.isNaN(bracket[0]) && !Double.isNaN(bracket[1]) && bracket[1] / bracket[0] > 1 + tolerance
                && guard++ < 30) {
            point(Math.sqrt(bracket[0] * bracket[1]));
            bracket = bracket();
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::eta));
        double edge = Double.isNaN(bracket[0]) || Double.isNaN(bracket[1]) ? Double.NaN : Math.sqrt(bracket[0] * bracket[1]);
        return new Result(sorted, edge, bracket[0], bracket[1], pooled.clone(), List.copyOf(references),
                List.copyOf(referenceConfigs), lateLoss ? LATE_LOSS_CRITERION : null, base, repeats,
                bisect ? tolerance : Double.NaN);
    }

    /**
     * One run that is not recorded, so that the measured runs all see compiled code: the staleness of
     * a run depends on how fast the workers are relative to the server's lock, and the first run of
     * a JVM is slower while the JIT compiles.
     */
    private void warmUp(double eta) throws InterruptedException {
        TrainingConfig c = base.withEta(eta).withSeed(base.seed() - 1);
        TrainingSession s = TrainingSession.start(c, problem, data,
                TrainingSession.Options.none().withDivergenceFactor(divergenceFactor));
        try {
            engines.get().run(s);
        } catch (NumericalDivergenceException e) {
            // a warm-up only
        }
    }

    /** {largest stable eta below the smallest unstable one, the smallest unstable one}. */
    private double[] bracket() {
        double hi = Double.NaN;
        for (Point p : points) {
            if (!p.stable() && !(p.eta() >= hi)) {
                hi = p.eta();
            }
        }
        double lo = Double.NaN;
        for (Point p : points) {
            if (p.stable() && !(p.eta() >= hi) && !(p.eta() <= lo)) {
                lo = p.eta();
            }
        }
        return new double[] {lo, hi};
    }

    private void point(double eta) throws InterruptedException {
        List<Run> runs = new ArrayList<>();
        List<DecayFit> fits = new ArrayList<>();
        int stable = 0;
        int diverged = 0;
        for (int r = 0; r < repeats; r++) {
            Run run = run(eta, base.seed() + r);
            runs.add(run);
            if (run.stable()) {
                stable++;
            }
            if (run.divergedAt() >= 0) {
                diverged++;
            } else {
                fits.add(run.fit());
            }
            done++;
            if (listener != null) {
                listener.finished(done, run);
            }
        }
        DecayFit decay = fits.isEmpty()
                ? new DecayFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, false,
                        "every run diverged")
                : DecayFit.pooled(fits, 0.95);
        points.add(new Point(eta, runs, decay, 2 * stable > repeats, diverged));
    }

    private Run run(double eta, long seed) throws InterruptedException {
        TrainingConfig c = base.withEta(eta).withSeed(seed);
        TrainingSession s = TrainingSession.start(c, problem, data,
                TrainingSession.Options.none().withDivergenceFactor(divergenceFactor));
        List<MetricPoint> series;
        long divergedAt = -1;
        long[] hist;
        double mean;
        double ups;
        try {
            RunResult r = engines.get().run(s);
            series = r.series();
            hist = r.total();
            mean = r.fit().mean();
            ups = r.updatesPerSecond();
            if (points.isEmpty() && r.schedule() != null && r.schedule().replayable()) {
                references.add(r.schedule().toSchedule(c.fingerprint()));
                referenceConfigs.add(c);
            }
        } catch (NumericalDivergenceException e) {
            series = s.seriesSoFar();
            divergedAt = e.step();
            hist = s.stalenessLog().total();
            mean = s.stalenessLog().mean();
            ups = Double.NaN;
        }
        addToPool(hist);
        DecayFit fit = MeasuredDecay.of(series, lossStar);
        boolean stable = divergedAt < 0 && !(lateLoss && lateLossAboveInitial(series));
        return new Run(eta, seed, fit, stable, divergedAt, mean,
                hist, ups, series);
    }

    private void addToPool(long[] h) {
        if (h.length > pooled.length) {
            pooled = Arrays.copyOf(pooled, h.length);
        }
        for (int i = 0; i < h.length; i++) {
            pooled[i] += h[i];
        }
    }
}
