package dev.asgd.training.run;

import dev.asgd.training.data.TrainTest;
import dev.asgd.training.engine.Engine;
import dev.asgd.training.engine.TrainingConfig;
import dev.asgd.training.predict.EdgeStudy;
import dev.asgd.training.predict.EdgeSweep;
import dev.asgd.training.predict.LocalQuadraticTheory;
import dev.asgd.training.predict.RunTheory;
import dev.asgd.training.problem.Problem;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The real stability edge of a problem with a local quadratic model (least squares: exact;
 * logistic: at theta*), measured and predicted: the theory of the problem at the sweep's batch size,
 * real runs over a grid of learning rates (refined by bisection if asked; for a problem that is not
 * quadratic with the late-loss criterion of instability besides the bound, {@link
 * EdgeSweep#useLateLossCriterion}) and the {@link EdgeStudy} of every prediction beside them.
 *
 * @param base the settings of every run (eta and seed are varied; its batch size is the theory's)
 * @param problem the problem
 * @param data its data
 * @param engines makes an engine per run
 * @param repeats seeds per learning rate
 * @param divergenceFactor as {@link EdgeSweep}'s
 */
public record EdgeMeasurement(TrainingConfig base, Problem problem, TrainTest data, Supplier<Engine> engines,
        int repeats, double divergenceFactor) {
    /** Validates. */
    public EdgeMeasurement {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(engines, "engines");
    }

    /**
     * @param grid the learning rates to run first
     * @param bisect whether to refine the edge by bisection
     * @param tolerance the bisection's relative tolerance
     * @param replays whether to find the replay edges of the reference schedules
     * @param maxRunEdges the most runs whose own law's edge is computed
     * @param listener receives each finished run, or null
     * @return the study
     * @throws InterruptedException when interrupted
     */
    public EdgeStudy study(double[] grid, boolean bisect, double tolerance, boolean replays, int maxRunEdges,
            EdgeSweep.Listener listener) throws InterruptedException {
        LocalQuadraticTheory t = LocalQuadraticTheory.of(problem, data.train(), RunTheory.evalRows(data.train()),
                base.batchSize());
        EdgeSweep sweep = new EdgeSweep(base, problem, data, engines, t.lossStar(), repeats, divergenceFactor);
        if (!t.exact()) {
            sweep.useLateLossCriterion();
        }
        if (listener != null) {
            sweep.setListener(listener);
        }
        EdgeSweep.Result r = sweep.run(grid, bisect, tolerance);
        return EdgeStudy.of(r, problem, data, t, replays, divergenceFactor, maxRunEdges);
    }
}
