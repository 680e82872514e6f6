package dev.asgd.training.run;

import dev.asgd.core.fit.DecayFit;
import dev.asgd.core.fit.Line;
import dev.asgd.training.data.DataSources;
import dev.asgd.training.data.Dataset;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.LearningRatePolicy;
import dev.asgd.training.engine.Mode;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.ThreadsEngine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.engine.WorkerDelay;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.predict.StalenessLaw;
import dev.asgd.training.predict.SubspaceDynamics;
import dev.asgd.training.problem.Problem;
import java.io.PrintStream;
import java.util.Locale;

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
 * same theta_0 (8 simulated runs with the run's law, fitted as the run). The second prints the
 * model's mean-square edge and its late-loss edge ({@link LocalQuadraticTheory#levelEdge} at the
 * initial loss) for a staleness histogram and, given the sweep's runs, the dynamics' late-loss
 * edge ({@link SubspaceDynamics#lateLossEdge}); the third compares numbers of curvature directions.
 */
public final class LatePhaseStudy {
    /** System property of the late-phase form: the dynamics' curvature directions (experiments). */
    static final String CURVATURE_PROPERTY = "asgd.dynamics.curvature";
    /** Simulated runs per expected curve of the dynamics. */
    private static final int DYNAMICS_SEEDS = 8;

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
     * run's theta_0 with the run's staleness law and metric points) over the run's fitted window:
     * minus the slope of ln(e_k - F) over the window's points, F the floor {@link DecayFit} finds on
     * the expected curve (the run's own floor is noisier; its window is the measured one).
     */
    private static double dynamicsDecay(SubspaceDynamics dyn, double[] theta0, LatePhaseRun.Outcome o,
            TrainingConfig c, double lossStar) {
        DecayFit measured = o.measured();
        if (Double.isNaN(measured.rate()) || measured.to() <= measured.from()) {
            return Double.NaN;
        }
        long[] total = o.run().total();
        StalenessLaw law = StalenessLaw.of(total.length == 0 ? new long[] {1} : total);
        long every = c.evalEvery();
        long updates = 3 * c.updates();
        double[] mean = dyn.meanCurve(c.eta(), law, dyn.coordinates(theta0), updates, every, DYNAMICS_SEEDS);
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
                + "\tpredicted_window\tasymptotic\tratio\tmeasured_initial_excess\tdynamics\tratio_dynamics");
        for (String s : shares) {
            double share = Double.parseDouble(s);
            for (int seed = 1; seed <= seeds; seed++) {
                TrainingConfig c = b.eta(share * edge).seed(seed).build();
                LatePhaseRun late = new LatePhaseRun(c, p, tt, t, factor);
                LatePhaseRun.Outcome o = late.run(new ThreadsEngine());
                double dynamics = dynamicsDecay(dyn, late.start(), o, c, t.lossStar());
                out.printf(Locale.ROOT, "%s\t%.5g\t%d\t%.3f\t%.4g\t%.4g\t%.5g\t%.5g\t%.5g\t%d\t%.5g\t%.5g\t%.3f\t%.4g"
                        + "\t%.5g\t%.3f%n", s, c.eta(), seed, o.meanStaleness(), o.initialExcess(), o.stationaryExcess(),
                        o.measured().rate(), o.measured().lower(), o.measured().upper(), o.measured().points(),
                        o.predictedWindow(), o.asymptotic(), o.ratio(), o.measuredInitialExcess(), dynamics,
                        o.measured().rate() / dynamics);
                out.flush();
            }
        }
    }
}
