package dev.asgd.training.tune;

import dev.asgd.training.predict.StalenessLaw;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The short probe on the user's data and model, in this order:
 * <ol>
 *   <li>the curvature at theta = 0 and its edge for one worker; the small learning rate
 *       {@link #SMALL_SHARE} x that edge;</li>
 *   <li>a warm-up run (the JIT), then one worker at the small rate timed to the target (budget
 *       {@link #FIRST_BUDGET} updates; not met: quarter rates, at most {@link #MAX_QUARTERS}, then
 *       the small rate with 4 times the budget until {@link #MAX_BUDGET}): the early curve's
 *       anchor;</li>
 *   <li>while a quarter of the small rate needs fewer updates to target (the early curve limited by the
 *       gradient noise, not by eta), the quarter rate (at most {@link #MAX_QUARTERS} times);</li>
 *   <li>the curvature and gradient noise at that run's end point ({@link EmpiricalCurvature}; the
 *       larger curvature of the two points sets the empirical edge) and the {@link
 *       TunePredictor};</li>
 *   <li>for each M = 1, 2, 4, ...: a short run for its staleness law (which does not depend on
 *       eta), its edge, and {@link #CURVE_RUNS} runs at safety x edge timed to the target: the
 *       throughput over all of M's runs and the median updates to target.</li>
 * </ol>
 */
public final class TuneProbe {
    /** The small learning rate, as a share of the edge at theta = 0. */
    static final double SMALL_SHARE = 0.1;
    /** First budget of the small-eta run, in updates. */
    static final long FIRST_BUDGET = 4000;
    /** Largest budget of the small-eta run. */
    static final long MAX_BUDGET = 512_000;
    /** Most quarterings of the small rate (while a quarter of it needs fewer updates to target). */
    static final int MAX_QUARTERS = 4;
    /** Updates of the run that measures a worker count's staleness law. */
    static final long LAW_UPDATES = 2000;
    /** Runs at safety x edge per worker count (their median updates to target counts). */
    static final int CURVE_RUNS = 5;

    /** Called after each step of the probe. */
    public interface Listener {
        /** @param step what was just done */
        void step(String step);
    }

    private TuneProbe() {
    }

    /**
     * @param timer the data, problem and target
     * @param settings the settings
     * @param listener progress, or null
     * @return the probe's measurements and the predictor it built
     * @throws InterruptedException when interrupted
     */
    public static Probed run(TargetTimer timer, TuneSettings settings, Listener listener) throws InterruptedException {
        Listener l = listener == null ? s -> { } : listener;
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(settings.seed() ^ 0x7475_6e65L);
        double[] zero = new double[timer.problem().dimension()];
        EmpiricalCurvature atZero = EmpiricalCurvature.at(timer.problem(), timer.data().train(), zero,
                timer.batch(), rng);
        StalenessLaw serial = StalenessLaw.of(new long[] {1});
        double edgeZero = TunePredictor.of(timer.problem(), timer.data().train(), timer.evalRows(), timer.batch(),
                atZero).edge(serial);
        double small = SMALL_SHARE * edgeZero;
        l.step("curvature at theta = 0: edge " + edgeZero);
        timer.run(1, small, FIRST_BUDGET / 2, settings.seed(), null, false);
        double[] end = new double[zero.length];
        TimedRun first = timer.run(1, small, FIRST_BUDGET, settings.seed(), end);
        // not met: first smaller rates (the curve limited by the gradient noise or unstable), then longer budgets
        for (int j = 0; j < MAX_QUARTERS && !first.reached(); j++) {
            l.step("small eta " + first.eta() + ": target not met in " + first.updates() + " updates");
            first = timer.run(1, first.eta() / 4, FIRST_BUDGET, settings.seed(), end);
        }
        for (long budget = FIRST_BUDGET * 4; !first.reached() && budget <= MAX_BUDGET; budget *= 4) {
            l.step("small eta " + small + ": target not met in " + first.updates() + " updates");
            first = timer.run(1, small, budget, settings.seed(), end);
        }
        l.step("small eta " + first.eta() + ": " + first.updatesToTarget() + " updates to target");
        // a noise-limited early curve: a smaller rate may need fewer updates; try quarter rates while they do
        for (int j = 0; j < MAX_QUARTERS && first.reached(); j++) {
            double[] endQ = new double[zero.length];
            TimedRun q = timer.run(1, first.eta() / 4, first.updatesToTarget(), settings.seed(), endQ);
            if (!q.reached() || q.updatesToTarget() >= first.updatesToTarget()) {
                break;
            }
            first = q;
            end = endQ;
            l.step("small eta " + q.eta() + ": " + q.updatesToTarget() + " updates to target");
        }
        small = first.eta();
        EmpiricalCurvature atEnd = EmpiricalCurvature.at(timer.problem(), timer.data().train(), end, timer.batch(),
                rng);
        EmpiricalCurvature steep = atEnd.lambdaMax() >= atZero.lambdaMax() ? atEnd : atZero;
        TunePredictor predictor = TunePredictor.of(timer.problem(), timer.data().train(), timer.evalRows(),
                timer.batch(), steep);
        List<WorkerProbe> probes = new ArrayList<>();
        long budget = first.reached() ? Math.max(2 * first.updatesToTarget(), FIRST_BUDGET) : first.updates();
        for (int m : settings.probedWorkers()) {
            TimedRun lawRun = timer.run(m, small, LAW_UPDATES, settings.seed() + m, null, false);
            StalenessLaw law = StalenessLaw.of(lawRun.histogram());
            double edge = predictor.edge(law);
            double eta = settings.safety() * edge;
            List<TimedRun> runs = new ArrayList<>();
            double updates = lawRun.updates();
            double secs = lawRun.seconds() - lawRun.startSeconds();
            long[] hist = lawRun.histogram();
            for (int r = 0; r < CURVE_RUNS; r++) {
                TimedRun run = timer.run(m, eta, budget, settings.seed() + 31L * m + r);
                runs.add(run);
                updates += run.diverged() ? 0 : run.updates();
                secs += run.diverged() ? 0 : run.seconds() - run.startSeconds();
                hist = add(hist, run.histogram());
            }
            double k = TuneStudy.median(runs.stream().mapToDouble(t -> t.reached() ? t.updatesToTarget()
                    : Double.POSITIVE_INFINITY).toArray());
            double ups = updates / secs;
            double latency = TuneStudy.median(runs.stream().mapToDouble(TimedRun::startSeconds).toArray());
            probes.add(new WorkerProbe(m, ups, latency, m / ups, StalenessLaw.of(hist), edge, eta,
                    Double.isFinite(k) ? k : Double.NaN, runs));
            l.step("M = " + m + ": edge " + edge + ", eta " + eta + ", " + k + " updates to target");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Probed(new ProbeResult(seconds, (cpuNanos() - cpuStart) / 1e9, predictor.model(), predictor.phase(), atZero.lambdaMax(),
                atEnd.lambdaMax(), atEnd.noiseTrace(), first, probes), predictor);
    }

    /** @return the CPU time of this JVM so far, in nanoseconds (0 where the platform does not tell) */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(sun.getProcessCpuTime(), 0) : 0;
    }

    private static long[] add(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    /**
     * The probe's result with the predictor it built.
     *
     * @param result the measurements
     * @param predictor the edge (and late-phase) model
     */
    public record Probed(ProbeResult result, TunePredictor predictor) {
    }
}
