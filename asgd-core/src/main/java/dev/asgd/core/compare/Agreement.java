package dev.asgd.core.compare;

/**
 * How closely two computations of one quantity agree: the measure every cross-check of asgd
 * reports (e.g. the Fokker-Planck gap against the sharp rate, a Monte Carlo rate against the exact
 * recursion). Studies that compare levels report these numbers; renderers only print them.
 */
public final class Agreement {
    private Agreement() {
    }

    /**
     * @param value a computed value
     * @param reference what it should equal (non-zero)
     * @return |value / reference - 1|: NaN when either is NaN
     */
    public static double relativeDeviation(double value, double reference) {
        return Math.abs(value / reference - 1);
    }

    /**
     * @param value a computed value
     * @param reference what it should equal (non-zero)
     * @return value / reference - 1: positive when the value is too high
     */
    public static double relativeDifference(double value, double reference) {
        return value / reference - 1;
    }

    /**
     * @param values computed values
     * @param references what they should equal, one per value
     * @return the largest {@link #relativeDeviation} over the pairs (0 for none; NaN if any is NaN)
     */
    public static double maxRelativeDeviation(double[] values, double[] references) {
        if (values.length != references.length) {
            throw new IllegalArgumentException("lengths differ: " + values.length + " and " + references.length);
        }
        double worst = 0;
        for (int i = 0; i < values.length; i++) {
            double d = relativeDeviation(values[i], references[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }
}
