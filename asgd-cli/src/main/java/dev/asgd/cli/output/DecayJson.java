package dev.asgd.cli.output;

import dev.asgd.core.fit.DecayFit;

/**
 * A {@link DecayFit} as JSON: its rate as {@code decayPerUpdate}, the keys in the order of the
 * outputs.
 *
 * @param decayPerUpdate the fitted decay of f - f* per update
 * @param standardError its standard error
 * @param lower the interval's lower end
 * @param upper its upper end
 * @param floor the noise floor
 * @param floorStandardError its standard error
 * @param floorReached whether the tail was flat
 * @param from first update of the window
 * @param to last update
 * @param points points in the window
 * @param note what was done
 */
public record DecayJson(double decayPerUpdate, double standardError, double lower, double upper, double floor,
        double floorStandardError, boolean floorReached, long from, long to, int points, String note) {

    /**
     * @param f the fit, or null
     * @return its view, or null
     */
    public static DecayJson of(DecayFit f) {
        return f == null ? null : new DecayJson(f.rate(), f.standardError(), f.lower(), f.upper(), f.floor(),
                f.floorStandardError(), f.floorReached(), f.from(), f.to(), f.points(), f.note());
    }
}
