package dev.asgd.report.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of a series that a chart can draw: both coordinates finite, and positive on a
 * logarithmic axis. {@link Plots#line} and the report's charts select with it.
 *
 * @param x the kept abscissae, in their order
 * @param y the kept ordinates, one per abscissa
 */
public record PlottablePoints(List<Double> x, List<Double> y) {
    /**
     * @param x x
     * @param y y
     */
    public PlottablePoints {
        x = List.copyOf(x);
        y = List.copyOf(y);
    }

    /**
     * @param x abscissae
     * @param y ordinates, at least as many as abscissae
     * @param logX whether the x axis is logarithmic (points with x &lt;= 0 are dropped)
     * @param logY whether the y axis is logarithmic (points with y &lt;= 0 are dropped)
     * @return the pairs (x[i], y[i]) that are finite and positive on a log axis, in their order
     */
    public static PlottablePoints of(double[] x, double[] y, boolean logX, boolean logY) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0) && (!logX || x[i] > 0)) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return new PlottablePoints(xs, ys);
    }

    /** @return whether no point is left */
    public boolean isEmpty() {
        return x.isEmpty();
    }
}
