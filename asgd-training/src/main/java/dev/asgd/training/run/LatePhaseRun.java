package dev.asgd.training.run;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.fit.DecayFit;
import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Checkpoint;
import dev.asgd.training.engine.CheckpointStore;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.MetricPoint;
import dev.asgd.training.engine.RunResult;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.engine.TrainingSession;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.MeasuredDecay;
import dev.asgd.training.predict.StalenessLaw;
import dev.asgd.training.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real run in the late phase, where the local quadratic model at theta* applies: it starts at
 * theta_0 = theta* + delta v (v the slowest direction the model follows, {@link
 * LocalQuadraticTheory#slowestDirection}; delta set so that f(theta_0) - f* is {@code excessFactor}
 * times the model's stationary excess at this rate), by a version-0 checkpoint resumed from a
 * temporary directory (the engine starts every other run at 0). Its measured decay of f - f*
 * ({@link MeasuredDecay}) is set beside the model's decay over the same window from the same
 * theta_0, with the run's own staleness law, and the asymptotic -ln rho_ms.
 *
 * @param config the run's settings (constant rate)
 * @param problem the problem
 * @param data its data
 * @param theory the local quadratic model of the problem, data and batch
 * @param excessFactor f(theta_0) - f* over the stationary excess (e.g. 30)
 */
public record LatePhaseRun(TrainingConfig config, Problem problem, TrainTest data, LocalQuadraticTheory theory,
        double excessFactor) {

    /**
     * @param measured the run's decay fit of f - f*
     * @param predictedWindow the model's decay over the same window from the same theta_0 (NaN without a window)
     * @param asymptotic the model's -ln rho_ms at the run's law
     * @param meanStaleness the run's mean staleness
     * @param initialExcess f(theta_0) - f* of the quadratic model
     * @param measuredInitialExcess the run's first evaluated loss minus f*: above initialExcess by
     *     the loss's higher-order terms at theta_0 (how far outside the quadratic regime it starts)
     * @param stationaryExcess the model's stationary excess at this rate and law
     * @param run the run
     */
    public record Outcome(DecayFit measured, double predictedWindow, double asymptotic, double meanStaleness,
            double initialExcess, double measuredInitialExcess, double stationaryExcess, RunResult run) {
        /** @return measured over predicted (over the window; NaN when either is missing) */
        public double ratio() {
            return measured.rate() / predictedWindow;
        }
    }

    /**
     * @return theta_0 = theta* + delta v for a law of staleness M - 1 (the amplitude only)
     */
    public double[] start() {
        StalenessLaw probe = StalenessLaw.of(pointMass(config.workers() - 1));
        double floor = theory.stationaryExcess(config.eta(), probe);
        if (!(floor > 0) || !Double.isFinite(floor)) {
            throw new InvalidParameterException("eta", config.eta(), "a rate below the model's mean-square edge");
        }
        double[] v = theory.slowestDirection();
        double curvature = theory.curvatureAlong(v);
        double delta = Math.sqrt(2 * excessFactor * floor / curvature);
        double[] theta = theory.thetaStar();
        for (int a = 0; a < theta.length; a++) {
            theta[a] += delta * v[a];
        }
        return theta;
    }

    private static long[] pointMass(int lag) {
        long[] h = new long[lag + 1];
        h[lag] = 1;
        return h;
    }

    /**
     * @param engine where the workers run
     * @return the measured and predicted decay
     * @throws InterruptedException when interrupted
     */
    public Outcome run(Engine engine) throws InterruptedException {
        double[] theta0 = start();
        Path dir;
        try {
            dir = Files.createTempDirectory("asgd-late-phase");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunResult r;
        try {
            CheckpointStore store = new CheckpointStore(dir);
            int m = config.workers();
            store.write(new Checkpoint(config.fingerprint(), 0, theta0, new double[0], new long[m], new long[m][1],
                    List.<MetricPoint>of(), 0));
            r = engine.run(TrainingSession.start(config, problem, data,
                    new TrainingSession.Options(dir, true, null, null, Double.POSITIVE_INFINITY)));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
        StalenessLaw law = StalenessLaw.of(r.total().length == 0 ? new long[] {1} : r.total());
        DecayFit fit = MeasuredDecay.of(r.series(), theory.lossStar());
        double window = Double.NaN;
        if (!Double.isNaN(fit.rate()) && fit.to() > fit.from()) {
            window = theory.windowDecay(config.eta(), law, fit.from(), fit.to(), Math.max(8, fit.points()), theta0);
        }
        double asym = -Math.log(theory.rates(law).meanSquareContraction(config.eta()));
        double mean = Double.isNaN(r.fit().mean()) ? 0 : r.fit().mean();
        double initial = 0.5 * theory.curvatureAlong(theory.slowestDirection())
                * sq(distance(theta0, theory.thetaStar()));
        double first = r.series().isEmpty() ? Double.NaN : r.series().get(0).trainLoss() - theory.lossStar();
        return new Outcome(fit, window, asym, mean, initial, first, theory.stationaryExcess(config.eta(), law), r);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double sq(double x) {
        return x * x;
    }
}
