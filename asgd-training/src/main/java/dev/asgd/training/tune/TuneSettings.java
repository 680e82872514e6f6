package dev.asgd.training.tune;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@code asgd tune} is asked: the run's data and problem (already loaded into the {@link
 * TargetTimer}), the target, the worker counts to probe, the safety margin below the predicted
 * edge, and whether to verify the recommendation and run a grid of real runs beside it.
 *
 * @param data the data spec
 * @param problem the problem's name
 * @param batch the minibatch size
 * @param seed the seed of the minibatches (each run adds its own offset)
 * @param target the target
 * @param maxWorkers the largest M probed (M = 1, 2, 4, ... up to it)
 * @param safety the recommended eta is safety x the predicted edge (0 &lt; safety &lt; 1)
 * @param repeats runs per verified or grid setting (their median time counts)
 * @param verify whether to run the recommendation
 * @param gridEta the grid's learning rates (empty: no grid)
 * @param gridWorkers the grid's worker counts
 */
public record TuneSettings(String data, String problem, int batch, long seed, Target target, int maxWorkers,
        double safety, int repeats, boolean verify, double[] gridEta, int[] gridWorkers) {
    /** Largest number of repeats. */
    public static final int MAX_REPEATS = 20;

    /** Validates and copies. */
    public TuneSettings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(target, "target");
        Require.atLeast(batch, 1, "batch");
        Require.atLeast(maxWorkers, 1, "max-workers");
        if (!(safety > 0 && safety < 1)) {
            throw new InvalidParameterException("safety", safety, "0 < safety < 1 (the share of the predicted edge)");
        }
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new InvalidParameterException("repeats", repeats, "1 <= repeats <= " + MAX_REPEATS);
        }
        gridEta = gridEta.clone();
        gridWorkers = gridWorkers.clone();
        for (double e : gridEta) {
            if (!(e > 0 && e < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("grid-eta", e, "learning rates > 0 and finite");
            }
        }
        for (int m : gridWorkers) {
            Require.atLeast(m, 1, "grid-workers");
        }
        if (gridEta.length > 0 && gridWorkers.length == 0 || gridEta.length == 0 && gridWorkers.length > 0) {
            throw new InvalidParameterException("grid-eta", Arrays.toString(gridEta),
                    "--grid-eta together with --grid-workers");
        }
    }

    @Override
    public double[] gridEta() {
        return gridEta.clone();
    }

    @Override
    public int[] gridWorkers() {
        return gridWorkers.clone();
    }

    /** @return the worker counts probed: 1, 2, 4, ... up to maxWorkers (maxWorkers itself included) */
    public int[] probedWorkers() {
        int n = 0;
        int[] out = new int[32];
        for (int m = 1; m < maxWorkers && n < 31; m *= 2) {
            out[n++] = m;
        }
        out[n++] = maxWorkers;
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TuneSettings s && s.data.equals(data) && s.problem.equals(problem) && s.batch == batch
                && s.seed == seed && s.target.equals(target) && s.maxWorkers == maxWorkers && s.safety == safety
                && s.repeats == repeats && s.verify == verify && Arrays.equals(s.gridEta, gridEta)
                && Arrays.equals(s.gridWorkers, gridWorkers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, problem, batch, seed, target, maxWorkers);
    }

    @Override
    public String toString() {
        return "TuneSettings[" + data + ", " + problem + ", batch " + batch + ", " + target + "]";
    }
}
