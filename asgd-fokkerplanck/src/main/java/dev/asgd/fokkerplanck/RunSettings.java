package dev.asgd.fokkerplanck;

import dev.asgd.core.InvalidParameterException;

/**
 * How a Fokker-Planck run is carried out.
 *
 * @param horizon the final SME time; null for the default 12 / spectral gap
 * @param timeStep the integrator's step; null for the default 0.02 / |lambda| of the decaying mode
 *     (relative rate error about 3e-5), shortened so that the window holds whole oscillation periods
 * @param points the number of series points, {@code >= 2}
 * @param convergenceStudy whether to repeat the gap (and the measured rate) at lower degrees
 * @param snapshots the number of density snapshots kept for heatmaps, {@code >= 0}
 */
public record RunSettings(Double horizon, Double timeStep, int points, boolean convergenceStudy, int snapshots) {

    /** Most series points (the integrator takes at most 2e6 steps). */
    public static final int MAX_POINTS = 2_000_001;

    /** Validates. */
    public RunSettings {
        if (horizon != null && !(horizon > 0 && horizon < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("time", horizon, "time > 0 and finite");
        }
        if (timeStep != null && !(timeStep > 0 && timeStep < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("time-step", timeStep, "time-step > 0 and finite");
        }
        if (points < 2 || points > MAX_POINTS) {
            throw new InvalidParameterException("points", points, "2 <= points <= " + MAX_POINTS
                    + " (one point per integrator step at most; the run has at most 2e6 steps)");
        }
        if (snapshots < 0) {
            throw new InvalidParameterException("snapshots", snapshots, "snapshots >= 0");
        }
    }

    /** @return defaults: automatic horizon and step, 200 points, a convergence study, 4 snapshots */
    public static RunSettings defaults() {
        return new RunSettings(null, null, 200, true, 4);
    }
}
