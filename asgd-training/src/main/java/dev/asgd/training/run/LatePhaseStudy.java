package dev.asgd.training.run;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.core.fit.Line;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.MeasuredDecay;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.predict.StalenessLaw;
import dev.asgd.training.predict.SubspaceDynamics;
import dev.asgd.training.problem.Problem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The late-phase decay, measured against the local quadratic model ({@link LatePhaseRun}) over
 * learning rates given as shares of the model's mean-square edge E (E from a probe run's
 * staleness law) and seeds: one tab-separated line per run. For the bench scripts
 * ({@code asgd-training/bench/late_phase.sh}):
 * <pre>
 * java -cp asgd.jar dev.asgd.training.run.LatePhaseStudy DATA PROBLEM L2 WORKERS DELAY BATCH UPDATES EVAL_EVERY
 *     SHARES(comma) SEEDS EXCESS_FACTOR
 * java -cp asgd.jar dev.asgd.training.run.LatePhaseStudy level-edge DATA PROBLEM L2 BATCH HISTOGRAM(comma)
 *     [UPDATES EVAL_EVERY SEEDS TOLERANCE]
 * java -cp asgd.jar dev.asgd.training.run.LatePhaseStudy dynamics-edge DATA PROBLEM L2 WORKERS DELAY BATCH UPDATES
 *     EVAL_EVERY SEEDS TOLERANCE CURVATURE_DIRECTIONS(comma) [HISTOGRAM(comma)]
 * </pre>
 * The first form also prints the decay of the {@link SubspaceDynamics}' expected curve from the
 * same theta_0 (8 simulated runs with the run's law, fitted as the run; only with at most 3 seeds),
 * and per rate a row "mean": the decay of the seeds' mean loss curve with a bootstrap interval over
 * the seeds, against the quadratic model, the dynamics (16 simulated runs), and, for problems of at
 * most 200 parameters, stale SGD simulated in every coordinate (16 runs): what i.i.d. staleness
 * predicts with no model of the loss. The second prints the
 * model's mean-square edge and its late-loss edge ({@link LocalQuadraticTheory#levelEdge} at the
 * initial loss) for a staleness histogram and, given the sweep's runs, the dynamics' late-loss
 * edge ({@link SubspaceDynamics#lateLossEdge}); the third compares numbers of curvature directions.
 */
public final class LatePhaseStudy {
    /** System property of the late-phase form: the dynamics' curvature directions (experiments). */
    static final String CURVATURE_PROPERTY = "asgd.dynamics.curvature";
    /** Simulated runs per expected curve of the dynamics (a run's row). */
    private static final int DYNAMICS_SEEDS = 8;
    /**
     * Simulated runs per expected curve of the dynamics and of the full simulation (the mean row):
     * 16, or the experiments' system property {@code asgd.late.simulated}.
     */
    private static final int MEAN_ROW_RUNS = Integer.getInteger("asgd.late.simulated", 16);
    /** Most seeds for which each run's row gets the dynamics, and the mean row the staleness-sequence variants. */
    private static final int PER_RUN_DYNAMICS_SEEDS = 3;
    /** Most parameters of a problem whose mean row gets the full simulation (stale SGD in every coordinate). */
    private static final int FULL_SIMULATION_PARAMETERS = 200;
    /** Bootstrap resamples of the seeds for the mean curve's decay interval. */
    private static final int BOOTSTRAP = 200;

    private LatePhaseStudy() {
    }

    private static void levelEdge(String[] args, PrintStream out) {
        String data = args[1];
        double l2 = Double.parseDouble(args[3]);
        TrainTest tt = DataSources.load(data, 0.2, 1);
        ProblemChoice choice = ProblemChoice.of(data, args[2], tt, l2);
        Problem p = choice.problem();
        LocalQuadraticTheory t = LocalQuadraticTheory.of(p, tt.train(), RunTheory.evalRows(tt.train()),
                Integer.parseInt(args[4]));
        StalenessLaw law = StalenessLaw.of(histogram(args[5]));
        double initial = p.loss(new double[p.dimension()], RunTheory.evalRows(tt.train()));
        double e = t.rates(law).meanSquareEdge();
        out.printf(Locale.ROOT, "meanSquareEdge\t%.5g\tlateLossEdge\t%.5g\tinitialExcess\t%.5g", e,
                t.levelEdge(law, initial - t.lossStar()), initial - t.lossStar());
        if (args.length > 9) {
            SubspaceDynamics dyn = SubspaceDynamics.of(p, t, tt.train(), RunTheory.evalRows(tt.train()),
                    Integer.parseInt(args[4]));
            double[] edge = dyn.lateLossEdge(law, e, Long.parseLong(args[6]), Long.parseLong(args[7]),
                    Integer.parseInt(args[8]), Double.parseDouble(args[9]));
            out.printf(Locale.ROOT, "\tdynamicsEdge\t%.5g\tdynamicsLower\t%.5g\tdynamicsUpper\t%.5g\tdirections\t%d",
                    Math.sqrt(edge[0] * edge[1]), edge[0], edge[1], dyn.dimension());
        }
        out.println();
    }

    /**
     * The late-loss edge three ways for one setting: the quadratic model's mean-square edge E and
     * level edge, and the {@link SubspaceDynamics}' (simulated runs with the exact loss in the
     * model's directions, with each count of curvature directions), for a staleness histogram, or
     * the law of a probe run at eta = 1e-3 when none is given.
     */
    private static void dynamicsEdge(String[] args, PrintStream out) throws InterruptedException {
        String data = args[1];
        double l2 = Double.parseDouble(args[3]);
        int workers = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[6]);
        long updates = Long.parseLong(args[7]);
        long every = Long.parseLong(args[8]);
        int seeds = Integer.parseInt(args[9]);
        double tolerance = Double.parseDouble(args[10]);
        String[] counts = args[11].split(",");
        TrainTest tt = DataSources.load(data, 0.2, 1);
        ProblemChoice choice = ProblemChoice.of(data, args[2], tt, l2);
        Problem p = choice.problem();
        long t0 = System.nanoTime();
        Dataset evalRows = RunTheory.evalRows(tt.train());
        LocalQuadraticTheory t = LocalQuadraticTheory.of(p, tt.train(), evalRows, batch);
        double modelSeconds = (System.nanoTime() - t0) / 1e9;
        StalenessLaw law;
        if (args.length > 12) {
            law = StalenessLaw.of(histogram(args[12]));
        } else {
            TrainingConfig c = TrainingConfig.builder(data, choice.name()).l2(l2).mode(Mode.parse("async"))
                    .workers(workers).policy(new LearningRatePolicy.Constant()).batchSize(batch).updates(updates)
                    .evalEvery(updates).delay(WorkerDelay.parse(args[5], workers)).eta(1e-3).seed(99).build();
            law = StalenessLaw.of(new ThreadsEngine().run(TrainingSession.start(c, p, tt,
                    TrainingSession.Options.none())).total());
        }
        double e = t.rates(law).meanSquareEdge();
        double initial = p.loss(new double[p.dimension()], evalRows);
        double level = t.levelEdge(law, initial - t.lossStar());
        out.printf(Locale.ROOT, "# %s %s l2=%s M=%d delay=%s B=%d: model %.1f s%n", data, choice.name(), args[3],
                workers, args[5], batch, modelSeconds);
        out.println("meanStaleness\tmeanSquareEdge\tlateLossEdge\tcurvatureDirections\tdirections\tdynamicsEdge"
                + "\tlower\tupper\tseconds");
        for (String count : counts) {
            t0 = System.nanoTime();
            SubspaceDynamics dyn = SubspaceDynamics.of(p, t, tt.train(), evalRows, batch, Integer.parseInt(count.trim()));
            double[] edge = dyn.lateLossEdge(law, e, updates, every, seeds, tolerance);
            out.printf(Locale.ROOT, "%.3f\t%.5g\t%.5g\t%s\t%d\t%.5g\t%.5g\t%.5g\t%.1f%n", law.mean(), e, level,
                    count.trim(), dyn.dimension(), Math.sqrt(edge[0] * edge[1]), edge[0], edge[1],
                    (System.nanoTime() - t0) / 1e9);
            out.flush();
        }
    }

    /**
     * The decay of the dynamics' expected loss curve ({@link #DYNAMICS_SEEDS} simulated runs from the
     * run's theta_0 with a staleness law and the run's metric points) over a measured fit's window:
     * minus the slope of ln(e_k - F) over the window's points, F the floor {@link DecayFit} finds on
     * the expected curve (the run's own floor is noisier; its window is the measured one).
     */
    private static double dynamicsDecay(SubspaceDynamics dyn, double[] theta0, StalenessLaw law, DecayFit measured,
            TrainingConfig c, double lossStar, int runs) {
        if (Double.isNaN(measured.rate()) || measured.to() <= measured.from()) {
            return Double.NaN;
        }
        long every = c.evalEvery();
        long updates = 3 * c.updates();
        double[] mean = dyn.meanCurve(c.eta(), law, dyn.coordinates(theta0), updates, every, runs);
        return windowDecay(mean, every, updates, measured, lossStar);
    }

    /**
     * As {@link #dynamicsDecay} with the real runs' staleness sequences instead of i.i.d. draws: for
     * each run's sequence, in its order or shuffled (seeded), {@link #DYNAMICS_SEEDS} simulated runs.
     */
    private static double sequenceDecay(SubspaceDynamics dyn, double[] theta0, List<LatePhaseRun.Outcome> outcomes,
            boolean shuffled, DecayFit measured, TrainingConfig c, double lossStar) {
        if (Double.isNaN(measured.rate()) || measured.to() <= measured.from()) {
            return Double.NaN;
        }
        long every = c.evalEvery();
        long updates = 3 * c.updates();
        double[] z0 = dyn.coordinates(theta0);
        double[] mean = null;
        int runs = 0;
        for (LatePhaseRun.Outcome o : outcomes) {
            int[] seq = o.run().stalenessSequence();
            if (seq == null || seq.length == 0) {
                continue;
            }
            seq = seq.clone();
            if (shuffled) {
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                        new long[] {o.run().config().seed(), 1L << 42});
                for (int i = seq.length - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int tmp = seq[i];
                    seq[i] = seq[j];
                    seq[j] = tmp;
                }
            }
            for (int seed = 1; seed <= DYNAMICS_SEEDS; seed++) {
                double[] curve = dyn.lossCurve(c.eta(), seq, z0, updates, every, seed);
                if (mean == null) {
                    mean = new double[curve.length];
                }
                for (int j = 0; j < curve.length; j++) {
                    mean[j] += curve[j];
                }
                runs++;
            }
        }
        if (mean == null) {
            return Double.NaN;
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= runs;
        }
        return windowDecay(mean, every, updates, measured, lossStar);
    }

    /** Minus the slope of ln(e - F) over the measured window, F the mean of the last third of the curve. */
    private static double windowDecay(double[] mean, long every, long updates, DecayFit measured, double lossStar) {
        long[] steps = new long[mean.length];
        double[] excess = new double[mean.length];
        double floor = 0;
        int tail = 0;
        for (int j = 0; j < mean.length; j++) {
            steps[j] = Math.min(j * every, updates);
            excess[j] = mean[j] - lossStar;
            if (3 * steps[j] >= 2 * updates) {
                floor += excess[j];
                tail++;
            }
        }
        floor /= tail;
        double[] xs = new double[mean.length];
        double[] ys = new double[mean.length];
        int n = 0;
        for (int j = 0; j < mean.length; j++) {
            if (steps[j] >= measured.from() && steps[j] <= measured.to() && excess[j] > floor) {
                xs[n] = steps[j];
                ys[n] = Math.log(excess[j] - floor);
                n++;
            }
        }
        return n < 2 ? Double.NaN : -Line.fit(xs, ys, 0, n).slope();
    }

    private static long[] histogram(String list) {
        String[] h = list.split(",");
        long[] hist = new long[h.length];
        for (int i = 0; i < h.length; i++) {
            hist[i] = Long.parseLong(h[i].trim());
        }
        return hist;
    }

    /**
     * @param args as in the class comment
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (args[0].equals("dynamics-edge")) {
            dynamicsEdge(args, out);
            return;
        }
        if (args[0].equals("level-edge")) {
            levelEdge(args, out);
            return;
        }
        String data = args[0];
        double l2 = Double.parseDouble(args[2]);
        int workers = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[5]);
        long updates = Long.parseLong(args[6]);
        long every = Long.parseLong(args[7]);
        String[] shares = args[8].split(",");
        int seeds = Integer.parseInt(args[9]);
        double factor = Double.parseDouble(args[10]);
        TrainTest tt = DataSources.load(data, 0.2, 1);
        ProblemChoice choice = ProblemChoice.of(data, args[1], tt, l2);
        Problem p = choice.problem();
        long t0 = System.nanoTime();
        LocalQuadraticTheory t = LocalQuadraticTheory.of(p, tt.train(), RunTheory.evalRows(tt.train()), batch);
        double seconds = (System.nanoTime() - t0) / 1e9;
        TrainingConfig.Builder b = TrainingConfig.builder(data, choice.name()).l2(l2).mode(Mode.parse("async"))
                .workers(workers).policy(new LearningRatePolicy.Constant()).batchSize(batch).updates(updates)
                .evalEvery(every).delay(WorkerDelay.parse(args[4], workers));
        RunResult probe = new ThreadsEngine().run(TrainingSession.start(b.eta(1e-3).seed(99).build(), p, tt,
                TrainingSession.Options.none()));
        double edge = t.rates(StalenessLaw.of(probe.total())).meanSquareEdge();
        out.printf(Locale.ROOT, "# %s %s l2=%s M=%d delay=%s B=%d: model %s, %.1f s; probe edge E=%.5g; gradient norm at"
                + " theta* %.3g; bulk noise %.4g of %.4g%n", data, choice.name(), args[2], workers, args[4], batch,
                t.phase() == null ? "exact" : t.phase(), seconds, edge, t.optimumGradientNorm(), t.bulkNoise(),
                t.totalNoise());
        SubspaceDynamics dyn = SubspaceDynamics.of(p, t, tt.train(), RunTheory.evalRows(tt.train()), batch,
                Integer.getInteger(CURVATURE_PROPERTY, SubspaceDynamics.CURVATURE_DIRECTIONS));
        out.println("share\teta\tseed\tmean_tau\tinitial_excess\tstationary_excess\tmeasured\tlower\tupper\tpoints"
                + "\tpredicted_window\tasymptotic\tratio\tmeasured_initial_excess\tdynamics\tratio_dynamics"
                + "\t(mean row:) ordered\tshuffled\tbootstrap_lower\tbootstrap_upper\tfull_simulation\tseeds");
        for (String s : shares) {
            double share = Double.parseDouble(s);
            List<LatePhaseRun.Outcome> outcomes = new ArrayList<>();
            TrainingConfig c = null;
            double[] theta0 = null;
            for (int seed = 1; seed <= seeds; seed++) {
                c = b.eta(share * edge).seed(seed).build();
                LatePhaseRun late = new LatePhaseRun(c, p, tt, t, factor);
                theta0 = late.start();
                LatePhaseRun.Outcome o = late.run(new ThreadsEngine());
                outcomes.add(o);
                double dynamics = seeds <= PER_RUN_DYNAMICS_SEEDS
                        ? dynamicsDecay(dyn, theta0, lawOf(o.run().total()), o.measured(), c, t.lossStar(), DYNAMICS_SEEDS)
                        : Double.NaN;
                out.printf(Locale.ROOT, "%s\t%.5g\t%d\t%.3f\t%.4g\t%.4g\t%.5g\t%.5g\t%.5g\t%d\t%.5g\t%.5g\t%.3f\t%.4g"
                        + "\t%.5g\t%.3f%n", s, c.eta(), seed, o.meanStaleness(), o.initialExcess(), o.stationaryExcess(),
                        o.measured().rate(), o.measured().lower(), o.measured().upper(), o.measured().points(),
                        o.predictedWindow(), o.asymptotic(), o.ratio(), o.measuredInitialExcess(), dynamics,
                        o.measured().rate() / dynamics);
                out.flush();
            }
            meanRow(out, s, outcomes, c, theta0, t, dyn, p, tt.train(), RunTheory.evalRows(tt.train()));
        }
    }

    /**
     * One row "mean" per rate: the decay of the seeds' mean loss curve (what the models' expected
     * curves predict; a single run's fit is noisier and its window shorter), against both models over
     * its window with the seeds' pooled law.
     */
    private static void meanRow(PrintStream out, String share, List<LatePhaseRun.Outcome> outcomes, TrainingConfig c,
            double[] theta0, LocalQuadraticTheory t, SubspaceDynamics dyn, Problem p, Dataset train, Dataset evalRows) {
        List<MetricPoint> first = outcomes.get(0).run().series();
        int n = first.size();
        long[] pooled = new long[0];
        double tau = 0;
        for (LatePhaseRun.Outcome o : outcomes) {
            n = Math.min(n, o.run().series().size());
            long[] h = o.run().total();
            if (h.length > pooled.length) {
                pooled = Arrays.copyOf(pooled, h.length);
            }
            for (int l = 0; l < h.length; l++) {
                pooled[l] += h[l];
            }
            tau += o.meanStaleness() / outcomes.size();
        }
        List<MetricPoint> mean = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double loss = 0;
            for (LatePhaseRun.Outcome o : outcomes) {
                loss += o.run().series().get(j).trainLoss() / outcomes.size();
            }
            mean.add(new MetricPoint(first.get(j).update(), 0, loss, Double.NaN, Double.NaN, 0));
        }
        DecayFit fit = MeasuredDecay.of(mean, t.lossStar());
        StalenessLaw law = lawOf(pooled);
        double window = Double.NaN;
        if (!Double.isNaN(fit.rate()) && fit.to() > fit.from()) {
            window = t.windowDecay(c.eta(), law, fit.from(), fit.to(), Math.max(8, fit.points()), theta0);
        }
        double dynamics = dynamicsDecay(dyn, theta0, law, fit, c, t.lossStar(), MEAN_ROW_RUNS);
        boolean few = outcomes.size() <= PER_RUN_DYNAMICS_SEEDS;
        double ordered = few ? sequenceDecay(dyn, theta0, outcomes, false, fit, c, t.lossStar()) : Double.NaN;
        double shuffled = few ? sequenceDecay(dyn, theta0, outcomes, true, fit, c, t.lossStar()) : Double.NaN;
        double full = p.dimension() <= FULL_SIMULATION_PARAMETERS
                ? fullSimulationDecay(p, train, evalRows, theta0, law, fit, c, t.lossStar()) : Double.NaN;
        double[] interval = bootstrap(outcomes, n, t.lossStar());
        LatePhaseRun.Outcome o = outcomes.get(0);
        out.printf(Locale.ROOT, "%s\t%.5g\tmean\t%.3f\t%.4g\t%.4g\t%.5g\t%.5g\t%.5g\t%d\t%.5g\t%.5g\t%.3f\t%.4g"
                + "\t%.5g\t%.3f\t%.5g\t%.5g\t%.5g\t%.5g\t%.5g\t%d%n", share, c.eta(), tau, o.initialExcess(),
                o.stationaryExcess(), fit.rate(), fit.lower(), fit.upper(), fit.points(), window, o.asymptotic(),
                fit.rate() / window, mean.get(0).trainLoss() - t.lossStar(), dynamics, fit.rate() / dynamics, ordered,
                shuffled, interval[0], interval[1], full, outcomes.size());
        out.flush();
    }

    /**
     * The 2.5 % and 97.5 % points of the mean curve's decay over {@link #BOOTSTRAP} resamples of the
     * seeds (with replacement; seeded): how far the decay of a mean over this many runs scatters
     * from the runs' own randomness, which {@link DecayFit}'s interval of one curve does not see.
     */
    private static double[] bootstrap(List<LatePhaseRun.Outcome> outcomes, int points, double lossStar) {
        int m = outcomes.size();
        long[] steps = new long[points];
        double[][] excess = new double[m][points];
        for (int r = 0; r < m; r++) {
            List<MetricPoint> series = outcomes.get(r).run().series();
            for (int j = 0; j < points; j++) {
                steps[j] = series.get(j).update();
                excess[r][j] = series.get(j).trainLoss() - lossStar;
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {m, 1L << 43});
        double[] rates = new double[BOOTSTRAP];
        int finite = 0;
        double[] mean = new double[points];
        for (int b = 0; b < BOOTSTRAP; b++) {
            Arrays.fill(mean, 0);
            for (int r = 0; r < m; r++) {
                double[] e = excess[rng.nextInt(m)];
                for (int j = 0; j < points; j++) {
                    mean[j] += e[j] / m;
                }
            }
            double rate = DecayFit.of(steps, mean).rate();
            if (Double.isFinite(rate)) {
                rates[finite++] = rate;
            }
        }
        if (finite < BOOTSTRAP / 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(rates, 0, finite);
        return new double[] {rates[(int) Math.floor(0.025 * (finite - 1))], rates[(int) Math.ceil(0.975 * (finite - 1))]};
    }

    /**
     * The decay of the expected curve of stale SGD in every coordinate (the problem's own minibatch
     * gradients on the training rows, tau i.i.d. from the law; {@link #MEAN_ROW_RUNS} runs from the
     * run's theta_0, seeded), fitted as the dynamics' ({@link #windowDecay}): what i.i.d. staleness
     * predicts with no model of the loss at all, for problems small enough to simulate so.
     */
    private static double fullSimulationDecay(Problem p, Dataset train, Dataset evalRows, double[] theta0,
            StalenessLaw law, DecayFit measured, TrainingConfig c, double lossStar) {
        if (Double.isNaN(measured.rate()) || measured.to() <= measured.from()) {
            return Double.NaN;
        }
        long every = c.evalEvery();
        long updates = 3 * c.updates();
        int window = law.maxLag() + 2;
        int dim = p.dimension();
        int points = (int) ((updates + every - 1) / every) + 1;
        double[] mean = new double[points];
        double[] g = new double[dim];
        int[] idx = new int[c.batchSize()];
        for (int run = 1; run <= MEAN_ROW_RUNS; run++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {run, 1L << 44});
            double[][] past = new double[window][];
            for (int l = 0; l < window; l++) {
                past[l] = theta0.clone();
            }
            mean[0] += p.loss(theta0, evalRows) / MEAN_ROW_RUNS;
            int point = 1;
            for (long k = 0; k < updates; k++) {
                int lag = law.lag(rng.nextDouble());
                for (int b = 0; b < idx.length; b++) {
                    idx[b] = rng.nextInt(train.size());
                }
                p.gradient(past[(int) (Math.max(0, k - lag) % window)], train, idx, g);
                double[] cur = past[(int) (k % window)];
                double[] next = past[(int) ((k + 1) % window)];
                for (int a = 0; a < dim; a++) {
                    next[a] = cur[a] - c.eta() * g[a];
                }
                if ((k + 1) % every == 0 || k + 1 == updates) {
                    mean[point++] += p.loss(next, evalRows) / MEAN_ROW_RUNS;
                }
            }
        }
        return windowDecay(mean, every, updates, measured, lossStar);
    }

    private static StalenessLaw lawOf(long[] histogram) {
        return StalenessLaw.of(histogram.length == 0 ? new long[] {1} : histogram);
    }
}
